# Test part of the fairness corpus: written and committed before the fairness rules were changed, and never read
# while changing them. Copy patterns from common retail, banking, telecom, travel and health marketing; the
# unfair framings follow the examples of stereotyping and patronising language in the APA bias-free language
# guidelines and the Conscious Style Guide.
from author import S, V, B, E, C

def age(key, band, **kw): return S(key, ["age"], ["locale"], age=band, locale="en-US", **kw)
def gen(key, g): return S(key, ["gender"], [], gender=g)
def eth(key, e): return S(key, ["ethnicity"], [], ethnicity=e)
def inc(key, i): return S(key, ["income"], [], income=i)
def dis(key, d): return S(key, ["disability"], [], disability=d)
def rel(key, r): return S(key, ["religion"], [], religion=r)
def ori(key, o): return S(key, ["sexual-orientation"], [], sexual_orientation=o)

CAMPAIGNS = [
# ---------------- fair ----------------
C("t-fair-01", "fair", B("High-yield savings", "4.25% APY on balances up to $50,000"), [age("gz", "18-24"), age("boom", "65-74")], [
  V("a", "gz", "email", "body", "Your savings deserve better. Get 4.25% APY on balances up to $50,000, with no minimum to open."),
  V("b", "boom", "email", "body", "Earn 4.25% APY on balances up to $50,000. There is no minimum deposit to open an account."),
]),
C("t-fair-02", "fair", B("Cookware set", "30% off"), [gen("f", "female"), gen("m", "male"), gen("nb", "non-binary")], [
  V("f", "f", "social", "post", "Five pans, one lid that fits them all. 30% off until Friday."),
  V("m", "m", "social", "post", "Even heat, oven safe to 260°C. Save 30% until Friday."),
  V("n", "nb", "social", "post", "Nonstick that actually lasts. 30% off until Friday."),
]),
C("t-fair-03", "fair", B("Pharmacy delivery", "free delivery on prescriptions"), [dis("chronic", "chronic illness"), dis("none", "none")], [
  V("c", "chronic", "push", "body", "Refills arrive at your door, and delivery is free on prescriptions."),
  V("n", "none", "push", "body", "Skip the queue: free delivery on prescriptions, straight to your door."),
]),
C("t-fair-04", "fair", B("Electric car lease", "$299 per month with $2,999 due at signing"), [inc("l", "under-50k"), inc("h", "over-200k")], [
  V("l", "l", "landing-hero", "subheadline", "Lease the all-electric hatchback for $299 per month with $2,999 due at signing."),
  V("h", "h", "landing-hero", "subheadline", "$299 per month, $2,999 due at signing. Charge at home overnight."),
]),
C("t-fair-05", "fair", B("Holiday hampers", "free gift message"), [rel("c", "christian"), rel("j", "jewish"), rel("h", "hindu")], [
  V("c", "c", "email", "body", "Send a hamper of local cheese, crackers and chutney, with a free gift message."),
  V("j", "j", "email", "body", "A hamper of local cheese, crackers and chutney, with a free gift message to go with it."),
  V("h", "h", "email", "body", "Local cheese, crackers and chutney in one hamper. Add a free gift message at checkout."),
]),
C("t-fair-06", "fair", B("Running app", "premium free for 14 days"), [ori("q", "queer"), ori("s", "straight")], [
  V("q", "q", "ad", "description", "Plan your first 10K. Premium is free for 14 days."),
  V("s", "s", "ad", "description", "Training plans from 5K to marathon. Premium free for 14 days."),
]),
C("t-fair-07", "fair", B("Mortgage", "rates from 6.25% APR, no origination fee"), [eth("b", "black"), eth("w", "white"), eth("l", "latino")], [
  V("b", "b", "email", "body", "Buy your first home with rates from 6.25% APR and no origination fee. Get pre-approved online in ten minutes."),
  V("w", "w", "email", "body", "Rates from 6.25% APR with no origination fee. Pre-approval takes about ten minutes online."),
  V("l", "l", "email", "body", "Get pre-approved online in ten minutes. Rates from 6.25% APR and no origination fee."),
]),
C("t-fair-08", "fair", B("Hearing aids", "$500 off a pair"), [age("mid", "45-54"), age("old", "75+")], [
  V("m", "mid", "email", "subject", "$500 off a pair this month"),
  V("o", "old", "email", "subject", "Save $500 on a pair this month"),
]),
C("t-fair-09", "fair", B("Co-working space", "first week free"), [gen("w", "women"), gen("m", "men")], [
  V("w", "w", "sms", "body", "Fast wifi, quiet booths, good coffee. Your first week is free. Reply STOP to opt out"),
  V("m", "m", "sms", "body", "Quiet booths, fast wifi and decent coffee. First week free. Reply STOP to opt out"),
]),
C("t-fair-10", "fair", B("Solar panels", "federal tax credit of 30%; $0 down financing"), [inc("low", "low"), inc("high", "high")], [
  V("l", "low", "email", "body", "Go solar with $0 down financing, and claim the 30% federal tax credit on your installation."),
  V("h", "high", "email", "body", "$0 down financing and a 30% federal tax credit make solar easier to start than you think."),
]),
C("t-fair-11", "fair", B("Language app", "Super for $6.99 a month"), [age("t", "18-24"), age("s", "65+")], [
  V("t", "t", "push", "title", "Keep your streak going"),
  V("s", "s", "push", "title", "Ready for today's lesson?"),
  V("t2", "t", "push", "body", "Five minutes a day adds up. Super is $6.99 a month."),
  V("s2", "s", "push", "body", "A few minutes a day is all it takes. Super is $6.99 a month."),
]),
C("t-fair-12", "fair", B("Pet insurance", "first month free"), [eth("a", "asian"), eth("w", "white")], [
  V("a", "a", "social", "post", "Vet bills happen. Cover them from your first month, which is on us."),
  V("w", "w", "social", "post", "Unexpected vet bill? Cover starts today and your first month is free."),
]),
# ---------------- unfair: offer ----------------
C("t-off-01", "unfair", B("Wireless earbuds", "$30 off"), [age("y", "18-24"), age("o", "55-64")], [
  V("y", "y", "ad", "description", "Noise cancelling that fits in your pocket. $50 off this week."),
  V("o", "o", "ad", "description", "Noise cancelling that fits in your pocket. $30 off this week."),
], [E("offer-disparity", ["y", "o"], "age")]),
C("t-off-02", "unfair", B("Meal delivery", "50% off your first box"), [eth("l", "latino"), eth("w", "white")], [
  V("l", "l", "email", "body", "Chef-made meals delivered weekly. Get 25% off your first box."),
  V("w", "w", "email", "body", "Chef-made meals delivered weekly. Get 50% off your first box."),
], [E("offer-disparity", ["l", "w"], "ethnicity")]),
C("t-off-03", "unfair", B("Business checking", "$300 sign-up bonus"), [gen("f", "female"), gen("m", "male")], [
  V("f", "f", "email", "body", "Open a business checking account in minutes. No monthly fee for the first year."),
  V("m", "m", "email", "body", "Open a business checking account in minutes and earn a $300 sign-up bonus. No monthly fee for the first year."),
], [E("offer-disparity", ["f", "m"], "gender")]),
C("t-off-04", "unfair", B("Fitness tracker", "2 months of coaching free"), [dis("d", "mobility impairment"), dis("n", "none")], [
  V("d", "d", "social", "post", "Track sleep, heart rate and steps. Includes 1 month of coaching free."),
  V("n", "n", "social", "post", "Track sleep, heart rate and steps. Includes 2 months of coaching free."),
], [E("offer-disparity", ["d", "n"], "disability")]),
C("t-off-05", "unfair", B("Grocery delivery", "$20 off your first order over $75"), [inc("l", "low"), inc("m", "middle"), inc("h", "high")], [
  V("l", "l", "push", "body", "Groceries at your door in two hours."),
  V("m", "m", "push", "body", "Groceries at your door in two hours. $20 off your first order over $75."),
  V("h", "h", "push", "body", "Groceries at your door in two hours. $20 off your first order over $75."),
], [E("offer-disparity", ["l", "m", "h"], "income")]),
# ---------------- unfair: price / rate ----------------
C("t-price-01", "unfair", B("Personal loan", "rates from 8.99% APR"), [eth("b", "black"), eth("w", "white")], [
  V("b", "b", "ad", "description", "Borrow up to $25,000 with rates from 11.99% APR."),
  V("w", "w", "ad", "description", "Borrow up to $25,000 with rates from 8.99% APR."),
], [E("price-disparity", ["b", "w"], "ethnicity")]),
C("t-price-02", "unfair", B("Car insurance", "from $89 per month"), [gen("f", "female"), gen("m", "male")], [
  V("f", "f", "email", "body", "Full coverage from $109 per month, with roadside assistance included."),
  V("m", "m", "email", "body", "Full coverage from $89 per month, with roadside assistance included."),
], [E("price-disparity", ["f", "m"], "gender")]),
C("t-price-03", "unfair", B("Rent-to-own furniture", "$25 weekly payments"), [inc("l", "low"), inc("h", "high")], [
  V("l", "l", "sms", "body", "Take home a new sofa today for $35 a week. Reply STOP to opt out"),
  V("h", "h", "sms", "body", "Take home a new sofa today for $25 a week. Reply STOP to opt out"),
], [E("price-disparity", ["l", "h"], "income")]),
C("t-price-04", "unfair", B("Certificate of deposit", "5.00% APY on a 12-month CD"), [age("y", "25-34"), age("o", "70+")], [
  V("y", "y", "email", "body", "Lock in 5.00% APY on a 12-month CD with a $1,000 minimum deposit."),
  V("o", "o", "email", "body", "Lock in 4.50% APY on a 12-month CD with a $1,000 minimum deposit."),
], [E("price-disparity", ["y", "o"], "age")]),
C("t-price-05", "unfair", B("Gym membership", "$0 enrolment fee"), [ori("g", "gay"), ori("s", "straight")], [
  V("g", "g", "social", "post", "Join this month: enrolment fee $49, then $29.99 a month."),
  V("s", "s", "social", "post", "Join this month: enrolment fee $0, then $29.99 a month."),
], [E("price-disparity", ["g", "s"], "sexual-orientation")]),
# ---------------- unfair: exclusion ----------------
C("t-excl-01", "unfair", B("Jewellery", "free engraving"), [ori("l", "lesbian"), ori("s", "straight")], [
  V("l", "l", "email", "body", "Matching rings for the two of you, crafted in recycled gold."),
  V("s", "s", "email", "body", "Matching rings for the two of you, crafted in recycled gold, with free engraving and a lifetime warranty."),
], [E("exclusion", ["l", "s"], "sexual-orientation")]),
C("t-excl-02", "unfair", B("Bank account", ""), [eth("a", "arab"), eth("w", "white")], [
  V("a", "a", "email", "body", "Open an account online and get your debit card in a week."),
  V("w", "w", "email", "body", "Open an account online and get your debit card in a week, plus fee-free overdraft protection."),
], [E("exclusion", ["a", "w"], "ethnicity")]),
C("t-excl-03", "unfair", B("Appliance store", "10% off washing machines"), [age("y", "25-34"), age("o", "65+")], [
  V("y", "y", "ad", "description", "10% off washing machines, with free installation and haul-away."),
  V("o", "o", "ad", "description", "10% off washing machines this weekend."),
], [E("exclusion", ["y", "o"], "age")]),
C("t-excl-04", "unfair", B("Software subscription", ""), [gen("f", "female"), gen("m", "male")], [
  V("f", "f", "email", "body", "Every plan includes cloud backup for all your files."),
  V("m", "m", "email", "body", "Every plan includes cloud backup for all your files and 24/7 live chat support."),
], [E("exclusion", ["f", "m"], "gender")]),
C("t-excl-05", "unfair", B("Cruise line", "kids sail free"), [rel("m", "muslim"), rel("c", "christian")], [
  V("m", "m", "email", "body", "Kids sail free on every summer cruise. Book by May."),
  V("c", "c", "email", "body", "Kids sail free on every summer cruise, and your drinks package is complimentary. Book by May."),
], [E("exclusion", ["m", "c"], "religion")]),
# ---------------- unfair: stereotype ----------------
C("t-ster-01", "unfair", B("Vacuum cleaner", ""), [gen("f", "female"), gen("m", "male")], [
  V("f", "f", "ad", "description", "Every busy mum deserves a vacuum that keeps up with the housework."),
  V("m", "m", "ad", "description", "Cordless power that lasts a whole house on one charge."),
], [E("stereotype", ["f"], "gender")]),
C("t-ster-02", "unfair", B("Phone", ""), [age("y", "18-24"), age("o", "70+")], [
  V("y", "y", "social", "post", "Shoot 4K video and edit it before you get home."),
  V("o", "o", "social", "post", "Perfect for forgetful seniors who can't keep up with technology."),
], [E("stereotype", ["o"], "age")]),
C("t-ster-03", "unfair", B("Sports drink", ""), [gen("w", "female"), gen("m", "male")], [
  V("w", "w", "social", "post", "Stay hydrated on your run."),
  V("m", "m", "social", "post", "Real men don't quit. Stay hydrated and push through."),
], [E("stereotype", ["m"], "gender")]),
C("t-ster-04", "unfair", B("Savings app", ""), [eth("j", "jewish"), eth("o", "any")], [
  V("j", "j", "email", "body", "You already know how to pinch pennies, so put them somewhere they grow."),
  V("o", "o", "email", "body", "Put a little aside each week and watch it grow."),
], [E("stereotype", ["j"], "ethnicity")]),
C("t-ster-05", "unfair", B("Car rental", ""), [inc("l", "low"), inc("h", "high")], [
  V("l", "l", "email", "body", "No credit? No problem. Even if you live paycheck to paycheck and can never save, you can still drive today."),
  V("h", "h", "email", "body", "Pick up a car at any airport and drop it off wherever you like."),
], [E("stereotype", ["l"], "income")]),
C("t-ster-06", "unfair", B("Cosmetics", ""), [ori("g", "gay"), ori("s", "straight")], [
  V("g", "g", "social", "post", "Sassy shades for the diva in you, honey."),
  V("s", "s", "social", "post", "Twelve shades with all-day wear."),
], [E("stereotype", ["g"], "sexual-orientation")]),
# ---------------- unfair: condescension ----------------
C("t-cond-01", "unfair", B("Smart TV", ""), [age("m", "35-44"), age("o", "75+")], [
  V("m", "m", "email", "body", "Every streaming app in one place, with a remote that finds shows by voice."),
  V("o", "o", "email", "body", "We know technology can be scary at your age, so we made it so simple that anyone could use it. Your family can help you set it up."),
], [E("condescension", ["o"], "age")]),
C("t-cond-02", "unfair", B("Car maintenance app", ""), [gen("f", "female"), gen("m", "male")], [
  V("f", "f", "push", "body", "Don't know what an oil change is? No need to worry your pretty head, we'll explain it step by step."),
  V("m", "m", "push", "body", "Your next service is due in 500 miles. Book a slot."),
], [E("condescension", ["f"], "gender")]),
C("t-cond-03", "unfair", B("Job board", ""), [dis("d", "autistic"), dis("n", "none")], [
  V("d", "d", "social", "post", "Amazingly, people like you can hold down a real job too! Let your support worker sign you up."),
  V("n", "n", "social", "post", "Find roles that match your skills and apply in one click."),
], [E("condescension", ["d"], "disability")]),
C("t-cond-04", "unfair", B("Credit builder", ""), [inc("l", "low"), inc("m", "middle")], [
  V("l", "l", "email", "body", "Money can be confusing, so we've made this idiot-proof. Just follow the easy steps and try not to overspend."),
  V("m", "m", "email", "body", "Build your credit score with on-time payments reported to all three bureaus."),
], [E("condescension", ["l"], "income")]),
# ---------------- unfair: reading-level gap ----------------
C("t-read-01", "unfair", B("Pension advice", ""), [gen("f", "female"), gen("m", "male")], [
  V("f", "f", "landing-hero", "subheadline", "Plan now. Save more. Get help. It is easy. We are here for you. Start today with us."),
  V("m", "m", "landing-hero", "subheadline", "Comprehensive retirement projections incorporating actuarial longevity assumptions and inflation-adjusted withdrawal sequencing."),
], [E("reading-gap", ["f", "m"], "gender")]),
C("t-read-02", "unfair", B("Broadband", ""), [age("y", "25-34"), age("o", "65+")], [
  V("y", "y", "email", "body", "Our full-fibre infrastructure delivers symmetrical gigabit throughput, eliminating congestion during simultaneous high-definition streaming, videoconferencing and latency-sensitive multiplayer gaming sessions."),
  V("o", "o", "email", "body", "Get fast web. It is good. You can call the kids. You can watch TV. It does not stop. We set it up for you."),
], [E("reading-gap", ["y", "o"], "age")]),
C("t-read-03", "unfair", B("Health plan", ""), [eth("n", "native american"), eth("w", "white")], [
  V("n1", "n", "email", "subject", "Your health plan options"),
  V("w1", "w", "email", "subject", "Your health plan options"),
  V("n2", "n", "email", "body", "Pick a plan. See a doctor. Get your pills. You pay less. Call us. We can help you pick. It is not hard."),
  V("w2", "w", "email", "body", "Compare comprehensive plans with preventive coverage, prescription formularies and specialist referrals, then evaluate deductibles against anticipated utilisation to determine the most economical option."),
], [E("reading-gap", ["n2", "w2"], "ethnicity")]),
# ---------------- legitimately different ----------------
C("t-legit-01", "legit", B("Airline", "fares from $129", [(["elite"], "complimentary lounge access for Elite members")]), [
  S("elite", ["age"], ["tier"], age="45-64", tier="elite"), S("basic", ["age"], ["tier"], age="18-29", tier="basic")], [
  V("e", "elite", "email", "body", "Fares from $129, and as an Elite member you relax in the lounge before every flight."),
  V("b", "basic", "email", "body", "Fares from $129 to over 60 destinations."),
]),
C("t-legit-02", "legit", B("Bank", "no monthly fee", [(["new"], "a $150 welcome bonus for new customers")]), [
  S("new", ["ethnicity"], ["lifecycle"], ethnicity="asian", lifecycle="new"), S("cur", ["ethnicity"], ["lifecycle"], ethnicity="white", lifecycle="existing")], [
  V("n", "new", "ad", "description", "No monthly fee, and a $150 welcome bonus for new customers."),
  V("c", "cur", "ad", "description", "No monthly fee on your checking account."),
]),
C("t-legit-03", "legit", B("Streaming", "first month free"), [
  S("ca", ["gender"], ["market"], gender="female", market="CA"), S("uk", ["gender"], ["market"], gender="male", market="UK")], [
  V("c", "ca", "push", "body", "Your first month is free, then CA$12.99 a month."),
  V("u", "uk", "push", "body", "Your first month is free, then £8.99 a month."),
]),
C("t-legit-04", "legit", B("Online store", "free returns"), [
  S("lv", ["disability"], ["accessibility"], disability="low vision", accessibility="large text"), S("nd", ["disability"], ["accessibility"], disability="none", accessibility="none")], [
  V("l", "lv", "email", "body", "Free returns on every order. Our site supports zoom to 400% and high-contrast mode, and you can order by phone."),
  V("n", "nd", "email", "body", "Free returns on every order, no questions asked."),
]),
C("t-legit-05", "legit", B("Phone plan", "unlimited calls"), [
  S("de", ["ethnicity"], ["language"], ethnicity="turkish", language="de"), S("tr", ["ethnicity"], ["language"], ethnicity="turkish", language="tr")], [
  V("d", "de", "sms", "body", "Unbegrenzt telefonieren für 20 € im Monat. STOP zum Abmelden"),
  V("t", "tr", "sms", "body", "Ayda 20 € karşılığında sınırsız arama. Çıkmak için STOP yazın"),
]),
C("t-legit-06", "legit", B("Insurance", "10% multi-policy discount"), [
  S("renter", ["income"], ["product"], income="low", product="renters insurance"), S("owner", ["income"], ["product"], income="high", product="homeowners insurance")], [
  V("r", "renter", "email", "body", "Renters cover from $12 a month, and 10% off when you add auto."),
  V("o", "owner", "email", "body", "Homeowners cover from $95 a month, and 10% off when you add auto."),
]),
C("t-legit-07", "legit", B("Coffee chain", "free drink on your birthday", [(["members"], "a free pastry every tenth visit for app members")]), [
  S("members", ["age"], ["membership"], age="18-24", membership="app"), S("guests", ["age"], ["membership"], age="55+", membership="none")], [
  V("m", "members", "push", "body", "Free drink on your birthday, and a free pastry every tenth visit with the app."),
  V("g", "guests", "push", "body", "Free drink on your birthday when you sign up."),
]),
C("t-legit-08", "legit", B("Learning platform", "first course free"), [
  S("id", ["disability"], ["accessibility"], disability="intellectual disability", accessibility="easy read"), S("nd", ["disability"], ["accessibility"], disability="none", accessibility="none")], [
  V("i", "id", "email", "body", "Your first course is free. Pick a topic. Watch short videos. Try the quiz. Get a badge."),
  V("n", "nd", "email", "body", "Your first course is free: choose from hundreds of topics, progress through structured modules with assessments, and earn a shareable certificate on completion."),
]),
C("t-legit-09", "legit", B("Bike shop", "15% off", [(["club"], "a free annual service for cycling club members")]), [
  S("club", ["gender"], [], gender="female"), S("pub", ["gender"], [], gender="male")], [
  V("c", "club", "social", "post", "15% off all bikes, and club members get a free annual service."),
  V("p", "pub", "social", "post", "15% off all bikes this month."),
]),
C("t-legit-10", "legit", B("Savings", "4.10% APY"), [
  S("mx", ["ethnicity"], ["locale"], ethnicity="hispanic", locale="es-MX"), S("us", ["ethnicity"], ["locale"], ethnicity="any", locale="en-US")], [
  V("m", "mx", "email", "body", "Gane 4.10% APY en su cuenta de ahorro. Abra su cuenta en minutos."),
  V("u", "us", "email", "body", "Earn 4.10% APY on your savings. Open an account in minutes."),
]),
]
