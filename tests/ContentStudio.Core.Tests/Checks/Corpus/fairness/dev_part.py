# Development part of the fairness corpus, written by hand from common retail, banking, telecom and travel copy
# patterns, the APA bias-free language guidance and the Conscious Style Guide's notes on stereotypes and
# patronising framing. Rules may be tuned while reading this part's errors.
from author import S, V, B, E, C

young = lambda **kw: S("young", ["age"], ["locale"], age="18-24", locale="en-US", **kw)
older = lambda **kw: S("older", ["age"], ["locale"], age="65+", locale="en-US", **kw)
women = S("women", ["gender"], [], gender="female")
men = S("men", ["gender"], [], gender="male")

CAMPAIGNS = [
# ---------------- fair ----------------
C("d-fair-01", "fair", B("Everyday Saver account", "4.10% APY on balances up to $25,000"), [young(), older()], [
  V("a", "young", "email", "body", "Grow your savings with 4.10% APY on balances up to $25,000. Open the account in minutes from your phone."),
  V("b", "older", "email", "body", "Earn 4.10% APY on balances up to $25,000. You can open the account online or at any branch."),
]),
C("d-fair-02", "fair", B("Trail running shoes", "20% off with code TRAIL20"), [women, men], [
  V("w", "women", "social", "post", "Built for long climbs and muddy descents. Take 20% off with code TRAIL20 this week."),
  V("m", "men", "social", "post", "Grip that holds on wet rock. Take 20% off with code TRAIL20 this week."),
]),
C("d-fair-03", "fair", B("Home broadband", "first 3 months free"), [
  S("hisp", ["ethnicity"], ["locale"], ethnicity="hispanic", locale="en-US"), S("gen", ["ethnicity"], ["locale"], ethnicity="any", locale="en-US")], [
  V("h", "hisp", "email", "body", "Fast fibre for the whole household, with your first 3 months free. Installation is included."),
  V("g", "gen", "email", "body", "Stream, work and game on fast fibre. Your first 3 months are free and installation is included."),
]),
C("d-fair-04", "fair", B("Travel rewards card", "60,000 bonus points after $4,000 spend in 3 months"), [
  S("low", ["income"], [], income="under-40k"), S("high", ["income"], [], income="over-150k")], [
  V("l", "low", "ad", "description", "Earn 60,000 bonus points after you spend $4,000 in 3 months. No foreign transaction fees."),
  V("h", "high", "ad", "description", "60,000 bonus points when you spend $4,000 in your first 3 months. No foreign transaction fees."),
]),
C("d-fair-05", "fair", B("Meal kit", "free delivery on your first box"), [
  S("muslim", ["religion"], [], religion="muslim"), S("other", ["religion"], [], religion="any")], [
  V("m", "muslim", "push", "body", "Fresh recipes, measured ingredients, and free delivery on your first box."),
  V("o", "other", "push", "body", "Dinner sorted in 30 minutes. Free delivery on your first box."),
]),
C("d-fair-06", "fair", B("Mobile plan", "unlimited data for $35 a month"), [
  S("deaf", ["disability"], [], disability="deaf"), S("hear", ["disability"], [], disability="none")], [
  V("d", "deaf", "sms", "body", "Unlimited data for $35 a month, with video calling and captions built in. Reply STOP to opt out"),
  V("h", "hear", "sms", "body", "Unlimited data for $35 a month on our fastest network. Reply STOP to opt out"),
]),
C("d-fair-07", "fair", B("Yoga studio membership", "first class free"), [
  S("lgbt", ["sexual-orientation"], [], **{"sexual_orientation": "lgbtq+"}), S("all", ["sexual-orientation"], [], **{"sexual_orientation": "any"})], [
  V("l", "lgbt", "social", "post", "Your first class is free. Come as you are, leave a little stronger."),
  V("a", "all", "social", "post", "Try a class on us: your first one is free. Mats and towels provided."),
]),
C("d-fair-08", "fair", B("Online course platform", "$10 off any course"), [young(), older()], [
  V("y1", "young", "email", "subject", "$10 off any course this week"),
  V("o1", "older", "email", "subject", "Take $10 off any course this week"),
  V("y2", "young", "email", "body", "Pick up a new skill at your own pace. Every course comes with lifetime access, and you save $10 on any course you choose this week."),
  V("o2", "older", "email", "body", "Learn something new at your own pace. Each course includes lifetime access, and this week you save $10 on any course you choose."),
]),
C("d-fair-09", "fair", B("Car insurance", "save up to 15% when you bundle home and auto"), [women, men], [
  V("w", "women", "email", "body", "Bundle home and auto and save up to 15%. Claims are handled by one team, day or night."),
  V("m", "men", "email", "body", "Save up to 15% when you bundle home and auto, with claims handled by one team day or night."),
]),
C("d-fair-10", "fair", B("Smart thermostat", "$50 rebate"), [
  S("black", ["ethnicity"], [], ethnicity="black"), S("white", ["ethnicity"], [], ethnicity="white"), S("asian", ["ethnicity"], [], ethnicity="asian")], [
  V("b", "black", "ad", "description", "Cut heating costs with a smart thermostat and claim a $50 rebate."),
  V("w", "white", "ad", "description", "A smarter way to heat your home, plus a $50 rebate."),
  V("a", "asian", "ad", "description", "Save energy without thinking about it. Claim your $50 rebate."),
]),
C("d-fair-11", "fair", B("Personal loan", "rates from 7.99% APR"), [
  S("low", ["income"], [], income="low"), S("mid", ["income"], [], income="middle")], [
  V("l", "low", "landing-hero", "subheadline", "Consolidate debt with one monthly payment. Rates from 7.99% APR, no early repayment fee."),
  V("m", "mid", "landing-hero", "subheadline", "One fixed monthly payment, rates from 7.99% APR and no early repayment fee."),
]),
C("d-fair-12", "fair", B("Streaming service", "first month free"), [young(), older()], [
  V("y", "young", "push", "body", "New series every Friday. Your first month is free."),
  V("o", "older", "push", "body", "Classic films and new series, with your first month free."),
]),
C("d-fair-13", "fair", B("Gym", "no joining fee this month"), [women, men], [
  V("w", "women", "social", "post", "Strength classes, open gym, and a sauna after. No joining fee this month."),
  V("m", "men", "social", "post", "Cardio, weights and a sauna to finish. No joining fee this month."),
]),
C("d-fair-14", "fair", B("Banking app", ""), [
  S("wc", ["disability"], [], disability="wheelchair user"), S("nd", ["disability"], [], disability="none")], [
  V("w", "wc", "email", "body", "Check your balance, pay bills and move money between accounts, all from the app. It takes two minutes to set up and your card works straight away."),
  V("n", "nd", "email", "body", "Pay bills, check your balance and move money between accounts from the app. Setup takes two minutes and your card works straight away."),
]),
C("d-fair-15", "fair", B("Coffee subscription", "free grinder with a 6-month plan"), [
  S("jew", ["religion"], [], religion="jewish"), S("chr", ["religion"], [], religion="christian")], [
  V("j", "jew", "email", "body", "Freshly roasted beans every fortnight. Choose a 6-month plan and get a free grinder."),
  V("c", "chr", "email", "body", "Beans roasted the week they ship. Pick a 6-month plan and the grinder is free."),
]),
C("d-fair-16", "fair", B("Electric scooter", "$100 off until Sunday"), [young(), older()], [
  V("y", "young", "ad", "headline", "$100 off until Sunday"),
  V("o", "older", "ad", "headline", "Save $100 until Sunday"),
]),
# ---------------- unfair: offer ----------------
C("d-off-01", "unfair", B("Premium checking", "$200 bonus with direct deposit"), [young(), older()], [
  V("a", "young", "email", "body", "Open premium checking and get a $200 bonus when you set up direct deposit."),
  V("b", "older", "email", "body", "Open premium checking and get a $100 bonus when you set up direct deposit."),
], [E("offer-disparity", ["a", "b"], "age")]),
C("d-off-02", "unfair", B("Sneakers", "15% off"), [women, men], [
  V("w", "women", "social", "post", "New season runners are here. Enjoy 15% off this weekend."),
  V("m", "men", "social", "post", "New season runners are here. Enjoy 25% off this weekend."),
], [E("offer-disparity", ["w", "m"], "gender")]),
C("d-off-03", "unfair", B("Home security system", "free installation"), [
  S("hisp", ["ethnicity"], [], ethnicity="hispanic"), S("white", ["ethnicity"], [], ethnicity="white")], [
  V("h", "hisp", "email", "body", "Protect your home with 24/7 monitoring. Order this month."),
  V("w", "white", "email", "body", "Protect your home with 24/7 monitoring. Order this month and installation is free."),
], [E("offer-disparity", ["h", "w"], "ethnicity")]),
C("d-off-04", "unfair", B("Music streaming", "3 months free"), [
  S("low", ["income"], [], income="low"), S("high", ["income"], [], income="high")], [
  V("l", "low", "push", "body", "Ad-free music on every device. Try it for 1 month free."),
  V("h", "high", "push", "body", "Ad-free music on every device. Try it for 3 months free."),
], [E("offer-disparity", ["l", "h"], "income")]),
C("d-off-05", "unfair", B("Cashback card", "5% cash back on groceries for 6 months"), [young(), older(), S("mid", ["age"], ["locale"], age="35-44", locale="en-US")], [
  V("y", "young", "ad", "description", "Get 5% cash back on groceries for your first 6 months."),
  V("m", "mid", "ad", "description", "Get 5% cash back on groceries for your first 6 months."),
  V("o", "older", "ad", "description", "Get 2% cash back on groceries for your first 6 months."),
], [E("offer-disparity", ["y", "m", "o"], "age")]),
C("d-off-06", "unfair", B("Laptop", "$150 off plus a free carry case"), [
  S("gay", ["sexual-orientation"], [], **{"sexual_orientation": "gay"}), S("str", ["sexual-orientation"], [], **{"sexual_orientation": "straight"})], [
  V("g", "gay", "email", "body", "Our thinnest laptop yet, now $150 off."),
  V("s", "str", "email", "body", "Our thinnest laptop yet, now $150 off with a free carry case."),
], [E("offer-disparity", ["g", "s"], "sexual-orientation")]),
# ---------------- unfair: price / rate ----------------
C("d-price-01", "unfair", B("Auto loan", "rates from 5.49% APR"), [young(), older()], [
  V("a", "young", "landing-hero", "subheadline", "Drive away sooner with rates from 5.49% APR."),
  V("b", "older", "landing-hero", "subheadline", "Drive away sooner with rates from 7.99% APR."),
], [E("price-disparity", ["a", "b"], "age")]),
C("d-price-02", "unfair", B("Phone plan", "$40 a month"), [women, men], [
  V("w", "women", "sms", "body", "Unlimited talk and text with 50GB of data for $45 a month. Reply STOP to opt out"),
  V("m", "men", "sms", "body", "Unlimited talk and text with 50GB of data for $40 a month. Reply STOP to opt out"),
], [E("price-disparity", ["w", "m"], "gender")]),
C("d-price-03", "unfair", B("Apartment rental", "$500 security deposit"), [
  S("black", ["ethnicity"], [], ethnicity="black"), S("white", ["ethnicity"], [], ethnicity="white")], [
  V("b", "black", "email", "body", "Move in this spring. A security deposit of $1,500 holds your unit."),
  V("w", "white", "email", "body", "Move in this spring. A security deposit of $500 holds your unit."),
], [E("price-disparity", ["b", "w"], "ethnicity")]),
C("d-price-04", "unfair", B("Credit card", "no annual fee"), [
  S("low", ["income"], [], income="under-30k"), S("high", ["income"], [], income="over-100k")], [
  V("l", "low", "ad", "description", "Build your credit with a card that works everywhere. $95 annual fee."),
  V("h", "high", "ad", "description", "Build your credit with a card that works everywhere. No annual fee."),
], [E("price-disparity", ["l", "h"], "income")]),
C("d-price-05", "unfair", B("Savings account", "3.75% APY"), [
  S("musl", ["religion"], [], religion="muslim"), S("any", ["religion"], [], religion="any")], [
  V("m", "musl", "email", "body", "Put your money to work at 3.25% APY, with no monthly maintenance fee."),
  V("a", "any", "email", "body", "Put your money to work at 3.75% APY, with no monthly maintenance fee."),
], [E("price-disparity", ["m", "a"], "religion")]),
C("d-price-06", "unfair", B("Home loan", "rates from 6.1% APR"), [
  S("dis", ["disability"], [], disability="blind"), S("nd", ["disability"], [], disability="none")], [
  V("d", "dis", "email", "body", "Fixed rates from 6.6% APR and a decision in 48 hours. Monthly payments start at $1,850."),
  V("n", "nd", "email", "body", "Fixed rates from 6.1% APR and a decision in 48 hours. Monthly payments start at $1,790."),
], [E("price-disparity", ["d", "n"], "disability")]),
# ---------------- unfair: exclusion ----------------
C("d-excl-01", "unfair", B("Department store", "10% off sitewide"), [women, men], [
  V("w", "women", "email", "body", "Take 10% off sitewide this week."),
  V("m", "men", "email", "body", "Take 10% off sitewide this week, with free gift wrapping on every order."),
], [E("exclusion", ["w", "m"], "gender")]),
C("d-excl-02", "unfair", B("Internet service", ""), [young(), older()], [
  V("y", "young", "email", "body", "Switch to fibre and get priority support whenever you need help."),
  V("o", "older", "email", "body", "Switch to fibre for a faster connection at home."),
], [E("exclusion", ["y", "o"], "age")]),
C("d-excl-03", "unfair", B("Television", "$200 off"), [
  S("asian", ["ethnicity"], [], ethnicity="asian"), S("white", ["ethnicity"], [], ethnicity="white")], [
  V("a", "asian", "ad", "description", "$200 off our 65-inch OLED this week."),
  V("w", "white", "ad", "description", "$200 off our 65-inch OLED, plus a 3-year extended warranty."),
], [E("exclusion", ["a", "w"], "ethnicity")]),
C("d-excl-04", "unfair", B("Airline", "fares from $99"), [
  S("low", ["income"], [], income="low"), S("high", ["income"], [], income="high")], [
  V("l", "low", "email", "body", "Fares from $99 to over 40 cities."),
  V("h", "high", "email", "body", "Fares from $99 to over 40 cities, with lounge access and free seat selection."),
], [E("exclusion", ["l", "h"], "income")]),
C("d-excl-05", "unfair", B("Mattress", "100-night trial"), [
  S("dis", ["disability"], [], disability="wheelchair user"), S("nd", ["disability"], [], disability="none")], [
  V("d", "dis", "social", "post", "Sleep on it for 100 nights. If it is not right, we take it back."),
  V("n", "nd", "social", "post", "Sleep on it for 100 nights, with free white-glove delivery and old mattress removal."),
], [E("exclusion", ["d", "n"], "disability")]),
C("d-excl-06", "unfair", B("Hotel chain", "15% off weekend stays"), [
  S("lgbt", ["sexual-orientation"], [], **{"sexual_orientation": "lgbtq+"}), S("all", ["sexual-orientation"], [], **{"sexual_orientation": "straight"})], [
  V("l", "lgbt", "email", "body", "15% off weekend stays at any of our city hotels."),
  V("a", "all", "email", "body", "15% off weekend stays at any of our city hotels, with late checkout and a free room upgrade."),
], [E("exclusion", ["l", "a"], "sexual-orientation")]),
# ---------------- unfair: stereotype ----------------
C("d-ster-01", "unfair", B("Food processor", ""), [women, men], [
  V("w", "women", "social", "post", "Spend less time in the kitchen and more time keeping the house spotless."),
  V("m", "men", "social", "post", "Prep dinner in five minutes and get on with your evening."),
], [E("stereotype", ["w"], "gender")]),
C("d-ster-02", "unfair", B("Tablet", ""), [young(), older()], [
  V("y", "young", "ad", "description", "A bright screen for streaming, drawing and gaming on the go."),
  V("o", "older", "ad", "description", "A bright screen even technophobes can figure out, with big buttons."),
], [E("stereotype", ["o"], "age")]),
C("d-ster-03", "unfair", B("Power tools", ""), [women, men], [
  V("w", "women", "email", "body", "Pretty pastel colours that look great in any drawer."),
  V("m", "men", "email", "body", "Brushless motors with the torque to drive anything into anything."),
], [E("stereotype", ["w"], "gender")]),
C("d-ster-04", "unfair", B("Budget app", ""), [
  S("low", ["income"], [], income="low"), S("high", ["income"], [], income="high")], [
  V("l", "low", "email", "body", "Stop wasting your paycheck on impulse buys and finally get your spending under control."),
  V("h", "high", "email", "body", "See where every dollar goes and plan the year ahead with confidence."),
], [E("stereotype", ["l"], "income")]),
C("d-ster-05", "unfair", B("Spice kit", ""), [
  S("asian", ["ethnicity"], [], ethnicity="asian"), S("white", ["ethnicity"], [], ethnicity="white")], [
  V("a", "asian", "social", "post", "Exotic flavours straight from the mysterious Orient to your table."),
  V("w", "white", "social", "post", "Twelve spice blends that make weeknight cooking more interesting."),
], [E("stereotype", ["a"], "ethnicity")]),
C("d-ster-06", "unfair", B("Fashion retailer", ""), [
  S("gay", ["sexual-orientation"], [], **{"sexual_orientation": "gay men"}), S("str", ["sexual-orientation"], [], **{"sexual_orientation": "straight men"})], [
  V("g", "gay", "social", "post", "Fabulous, flamboyant looks for every brunch and every drama."),
  V("s", "str", "social", "post", "Clean, sharp looks for work and the weekend."),
], [E("stereotype", ["g"], "sexual-orientation")]),
# ---------------- unfair: condescension ----------------
C("d-cond-01", "unfair", B("Smartphone", ""), [young(), older()], [
  V("y", "young", "email", "body", "A camera that keeps up with your night out and a battery that lasts two days."),
  V("o", "older", "email", "body", "Don't worry, it's not as complicated as it looks. Ask your grandchildren to set it up for you."),
], [E("condescension", ["o"], "age")]),
C("d-cond-02", "unfair", B("Investment app", ""), [women, men], [
  V("w", "women", "email", "body", "Investing isn't just for the guys! Even you can build a portfolio, no maths required."),
  V("m", "men", "email", "body", "Build a diversified portfolio with low fees and automatic rebalancing."),
], [E("condescension", ["w"], "gender")]),
C("d-cond-03", "unfair", B("Accessible travel", ""), [
  S("dis", ["disability"], [], disability="wheelchair user"), S("nd", ["disability"], [], disability="none")], [
  V("d", "dis", "social", "post", "You're so brave! Let a caregiver book the trip for you and we'll handle the rest."),
  V("n", "nd", "social", "post", "Book a city break in three taps and we'll handle the rest."),
], [E("condescension", ["d"], "disability")]),
C("d-cond-04", "unfair", B("Tax software", ""), [
  S("low", ["income"], [], income="low"), S("high", ["income"], [], income="high")], [
  V("l", "low", "email", "body", "Taxes are simple, really. We'll explain everything in small words so you can follow along."),
  V("h", "high", "email", "body", "File your return in under an hour, with every deduction you qualify for."),
], [E("condescension", ["l"], "income")]),
C("d-cond-05", "unfair", B("Coding bootcamp", ""), [
  S("black", ["ethnicity"], [], ethnicity="black"), S("white", ["ethnicity"], [], ethnicity="white")], [
  V("b", "black", "social", "post", "You might be surprised how articulate and capable our graduates are."),
  V("w", "white", "social", "post", "Our graduates ship real projects in twelve weeks."),
], [E("condescension", ["b"], "ethnicity")]),
# ---------------- unfair: reading-level gap ----------------
C("d-read-01", "unfair", B("Retirement plan", ""), [young(), older()], [
  V("y", "young", "email", "body", "Our retirement plan combines diversified index portfolios with automatic contribution escalation, so your allocation adjusts as circumstances evolve. Comprehensive projections illustrate how incremental contributions accumulate over multiple decades."),
  V("o", "older", "email", "body", "Save for later. Put in a bit each month. We keep it safe. You can see it grow. It is easy to start. We help you."),
], [E("reading-gap", ["y", "o"], "age")]),
C("d-read-02", "unfair", B("Health insurance", ""), [
  S("hisp", ["ethnicity"], [], ethnicity="hispanic"), S("white", ["ethnicity"], [], ethnicity="white")], [
  V("h", "hisp", "email", "body", "Get a plan. It helps when you are sick. You pay a bit each month. We pay the doctor. Call us to start. It is fast."),
  V("w", "white", "email", "body", "Our comprehensive coverage includes preventive care, prescription benefits and specialist consultations, with deductibles calibrated to your anticipated utilisation and predictable out-of-pocket maximums."),
], [E("reading-gap", ["h", "w"], "ethnicity")]),
C("d-read-03", "unfair", B("Brokerage account", ""), [women, men], [
  V("w1", "women", "email", "subject", "Investing made simple"),
  V("m1", "men", "email", "subject", "Sophisticated portfolio construction"),
  V("w2", "women", "email", "body", "Start to invest. Pick a plan. Add some cash. Watch it grow. We do the hard part. It is that easy to begin."),
  V("m2", "men", "email", "body", "Construct a diversified portfolio using institutional-grade analytics, tax-loss harvesting and automated rebalancing calibrated to your individual risk tolerance and investment horizon."),
], [E("reading-gap", ["w2", "m2"], "gender")]),
# ---------------- legitimately different ----------------
C("d-legit-01", "legit", B("Loyalty programme", "10% off", [(["gold"], "double points for Gold members")]), [
  S("gold", ["age"], ["tier"], age="55+", tier="gold"), S("new", ["age"], ["tier"], age="18-34", tier="new")], [
  V("g", "gold", "email", "body", "Take 10% off this week, and as a Gold member you earn double points on every order."),
  V("n", "new", "email", "body", "Take 10% off this week on everything in store."),
]),
C("d-legit-02", "legit", B("Broadband", "first month free", [(["new"], "a $50 welcome credit for new customers")]), [
  S("new", ["gender"], ["lifecycle"], gender="female", lifecycle="new"), S("exist", ["gender"], ["lifecycle"], gender="male", lifecycle="existing")], [
  V("n", "new", "email", "body", "Your first month is free, and new customers get a $50 welcome credit."),
  V("e", "exist", "email", "body", "Your first month on the upgraded plan is free."),
]),
C("d-legit-03", "legit", B("Phone plan", "unlimited data"), [
  S("us", ["ethnicity"], ["market"], ethnicity="any", market="US"), S("uk", ["ethnicity"], ["market"], ethnicity="any", market="UK")], [
  V("u", "us", "sms", "body", "Unlimited data for $40 a month. Reply STOP to opt out"),
  V("k", "uk", "sms", "body", "Unlimited data for £30 a month. Text STOP to opt out"),
]),
C("d-legit-04", "legit", B("Banking app", ""), [
  S("blind", ["disability"], ["accessibility"], disability="blind", accessibility="screen reader"), S("nd", ["disability"], ["accessibility"], disability="none", accessibility="none")], [
  V("b", "blind", "email", "body", "Pay bills and check your balance from the app. Every screen works with VoiceOver and TalkBack, and statements come in large print on request."),
  V("n", "nd", "email", "body", "Pay bills and check your balance from the app, and get statements by email."),
]),
C("d-legit-05", "legit", B("Insurance", "save 10% when you buy online"), [
  S("es", ["ethnicity"], ["language"], ethnicity="hispanic", language="es"), S("en", ["ethnicity"], ["language"], ethnicity="any", language="en")], [
  V("s", "es", "email", "body", "Ahorre un 10% al comprar en línea. Atención al cliente en español las 24 horas."),
  V("e", "en", "email", "body", "Save 10% when you buy online. Customer service is available around the clock."),
]),
C("d-legit-06", "legit", B("Credit card", "0% intro APR for 15 months"), [
  S("student", ["age"], ["product"], age="18-24", product="student card"), S("premium", ["age"], ["product"], age="45-54", product="premium card")], [
  V("s", "student", "ad", "description", "0% intro APR for 15 months and no annual fee on the student card."),
  V("p", "premium", "ad", "description", "0% intro APR for 15 months. Premium card, $95 annual fee, airport lounge access."),
]),
C("d-legit-07", "legit", B("Retailer", "20% off", [(["vip"], "free express shipping for VIP members")]), [
  S("vip", ["income"], ["tier"], income="high", tier="vip"), S("std", ["income"], ["tier"], income="low", tier="standard")], [
  V("v", "vip", "email", "body", "20% off everything, and as a VIP member your order ships free by express."),
  V("s", "std", "email", "body", "20% off everything this weekend only."),
]),
C("d-legit-08", "legit", B("Streaming", "first month free"), [
  S("fr", ["age"], ["locale"], age="18-24", locale="fr-FR"), S("en", ["age"], ["locale"], age="65+", locale="en-US")], [
  V("f", "fr", "push", "body", "Votre premier mois est offert. Des séries nouvelles chaque vendredi."),
  V("e", "en", "push", "body", "Your first month is free. New series every Friday."),
]),
C("d-legit-09", "legit", B("Gym", "no joining fee", [(["students"], "a student rate of $15 a month")]), [
  S("students", ["age"], ["occupation"], age="18-24", occupation="student"), S("adults", ["age"], ["occupation"], age="35-54", occupation="employed")], [
  V("s", "students", "social", "post", "No joining fee, and with a valid student card membership is $15 a month."),
  V("a", "adults", "social", "post", "No joining fee this month. Membership is $30 a month."),
]),
C("d-legit-10", "legit", B("Software", "30-day free trial"), [
  S("dys", ["disability"], ["accessibility"], disability="dyslexia", accessibility="easy read"), S("nd", ["disability"], ["accessibility"], disability="none", accessibility="none")], [
  V("d", "dys", "email", "body", "Try it free for 30 days. Make notes. Share them. Turn on read aloud. It is all in one place."),
  V("n", "nd", "email", "body", "Try it free for 30 days: capture notes, organise projects across teams, and collaborate on shared documents with version history and granular permissions."),
]),
C("d-legit-11", "legit", B("Insurance", "", [(["over50"], "a free health check for policyholders over 50")]), [
  S("over50", ["age"], [], age="50+"), S("under50", ["age"], [], age="25-49")], [
  V("o", "over50", "email", "body", "Cover that grows with your family, plus a free health check for policyholders over 50."),
  V("u", "under50", "email", "body", "Cover that grows with your family, with claims paid in days."),
]),
C("d-legit-12", "legit", B("Bank", "4.10% APY", [(["premier"], "a dedicated relationship manager for Premier clients")]), [
  S("premier", ["income"], ["tier"], income="high", tier="premier"), S("std", ["income"], ["tier"], income="middle", tier="standard")], [
  V("p", "premier", "email", "body", "Earn 4.10% APY, with a dedicated relationship manager for Premier clients."),
  V("s", "std", "email", "body", "Earn 4.10% APY on every dollar you save."),
]),
]

# ---------------- added after the first rule change: fair copy that varies in wording (dev only) ----------------
def _seg(key, attr, value): return S(key, [attr], [], **{attr.replace("-", "_"): value})
CAMPAIGNS += [
C("d-fair-17", "fair", B("Streaming", "a month free"), [_seg("f", "gender", "female"), _seg("m", "gender", "male")], [
  V("f", "f", "push", "body", "Get a month free and watch the new season tonight."),
  V("m", "m", "push", "body", "Your first month is free. The new season starts tonight."),
]),
C("d-fair-18", "fair", B("Online shop", "free shipping"), [_seg("y", "age", "18-24"), _seg("o", "age", "65+")], [
  V("y", "y", "email", "body", "Everything ships free this week, and returns are easy."),
  V("o", "o", "email", "body", "Free shipping on everything this week, with easy returns."),
]),
C("d-fair-19", "fair", B("Phone plan", "$30/month"), [_seg("l", "income", "low"), _seg("h", "income", "high")], [
  V("l", "l", "sms", "body", "Unlimited data for $30/month, no contract. Reply STOP to opt out"),
  V("h", "h", "sms", "body", "Unlimited data at $30.00 per month with no contract. Reply STOP to opt out"),
]),
C("d-fair-20", "fair", B("Energy plan", ""), [_seg("b", "ethnicity", "black"), _seg("w", "ethnicity", "white")], [
  V("b", "b", "email", "body", "Switching takes about five minutes, and you keep your current meter while paying a fixed price every month on a renewable tariff."),
  V("w", "w", "email", "body", "Switch in five minutes. Keep your meter. Pay a fixed price each month. All of it comes from renewable sources."),
]),
C("d-fair-21", "fair", B("Kitchen mixer", "15% off"), [_seg("f", "gender", "female"), _seg("m", "gender", "male")], [
  V("f", "f", "social", "post", "Bread, cakes and pasta dough in one bowl. 15% off the stand mixer this week."),
  V("m", "m", "social", "post", "From pizza dough to meringue, one machine does it. Save 15% on the stand mixer this week."),
]),
C("d-fair-22", "fair", B("Credit card", "$200 bonus after $1,000 spend"), [_seg("g", "sexual-orientation", "gay"), _seg("s", "sexual-orientation", "straight")], [
  V("g", "g", "ad", "description", "Earn a $200 bonus after you spend $1,000 in 90 days."),
  V("s", "s", "ad", "description", "Spend $1,000 in 90 days and get a $200 bonus."),
]),
C("d-fair-23", "fair", B("Hotel", "20% off weekend stays"), [_seg("d", "disability", "wheelchair user"), _seg("n", "disability", "none")], [
  V("d", "d", "email", "body", "20% off weekend stays. Every hotel has step-free rooms you can book online."),
  V("n", "n", "email", "body", "20% off weekend stays at every hotel, booked online in a minute."),
]),
C("d-fair-24", "fair", B("Gym", "first week free"), [_seg("y", "age", "18-24"), _seg("o", "age", "55-64")], [
  V("y", "y", "social", "post", "Train with us free for one week. Classes, weights, pool."),
  V("o", "o", "social", "post", "Your first week is on us: classes, weights and the pool."),
]),
C("d-fair-25", "fair", B("Savings", "4.00% AER"), [_seg("c", "religion", "christian"), _seg("h", "religion", "hindu")], [
  V("c", "c", "email", "body", "A savings account paying 4.00% AER, with instant access and no fees. Open it online in a few minutes and move money whenever you need to."),
  V("h", "h", "email", "body", "Earn 4% AER with instant access and no fees. Opening the account online takes a few minutes, and you can move money whenever you like."),
]),
C("d-fair-26", "fair", B("Laptop", "$100 off and a free case"), [_seg("a", "ethnicity", "asian"), _seg("l", "ethnicity", "latino")], [
  V("a", "a", "ad", "description", "$100 off the 14-inch laptop, and the case is on us."),
  V("l", "l", "ad", "description", "Save $100 on the 14-inch laptop and get a free case."),
]),
]
