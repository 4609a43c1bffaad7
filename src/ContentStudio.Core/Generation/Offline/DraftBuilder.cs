namespace ContentStudio.Core.Generation.Offline;

/// <summary>Plans one variant and realises it in sentences. The plan picks, for the variant's angle, which of the
/// segment's interests and pain points and which of the brief's key messages it uses; the sentence patterns below
/// place each typed phrase only in a slot that takes its kind (<see cref="Phrase"/>). The patterns' own words carry no
/// facts: no proof, no results, no numbers, no "made for you". What the product is or does comes only from the
/// brief's key messages, offer and deadline, joined to the reader's interest or pain point side by side, never as a
/// promise that one solves the other.</summary>
internal static class DraftBuilder
{
    private static readonly string[] Emoji = ["✨", "🙌", "👋", "💬", "🌟"];

    /// <param name="r">The variant's rotation: which interest, pain point and key message lead.</param>
    /// <param name="v">The variant's index, which moves every sentence pattern along so neighbours never share one.</param>
    public static Draft Build(Angle angle, CopyFacts f, Random rng, int r, int v)
    {
        var w = new Writer(f, r, v);
        var lead = Clean(f, w.Lead(angle)).ToList();
        var carriesOffer = angle is Angle.OfferLed || (angle is Angle.Urgency && f.HasOffer);
        var offerLine = carriesOffer ? null : f.Polish.Sentence(w.OfferLine());
        var hooks = Clean(f, w.Hooks(angle).OfType<string>().Select(CopyText.Headline)).ToList();
        if (f.OfferFirst && f.Offer is not null && !carriesOffer) hooks.Insert(0, f.Offer);
        if (f.Casual && f.Exclamations > 0 && hooks.Count > 0 && char.IsLetterOrDigit(hooks[0][^1]) && hooks[0] != f.Offer && rng.Next(2) == 0)
            hooks[0] += "!";
        var segmentHooks = Clean(f, w.SegmentHooks().OfType<string>().Select(CopyText.Headline)).ToList();
        if (!f.QuestionOpenerAllowed)
        {
            // "Drop the question opener" (or a statement opening in the template): no headline is a question either.
            hooks.RemoveAll(h => h.EndsWith('?'));
            segmentHooks.RemoveAll(h => h.EndsWith('?'));
        }
        // Headlines that stand alone: the angle's, then the segment's own (from the variant's place), and only then the
        // product's name.
        var start = segmentHooks.Count == 0 ? 0 : (v * 2) % segmentHooks.Count;
        hooks.AddRange([.. segmentHooks.Skip(start), .. segmentHooks.Take(start)]);
        hooks.AddRange(Clean(f, [$"Meet {f.Product}", f.Product, f.BrandName]));

        var used = string.Join(' ', lead);
        var keyPoints = Clean(f, w.KeyPoints(used)).Where(k => !lead.Contains(k)).ToList();
        return new Draft(angle, v, hooks.Distinct().ToList(), segmentHooks,
            lead, offerLine, keyPoints, Clean(f, w.ShortLines()).ToList(), Clean(f, w.Teasers()).ToList(), Clean(f, w.ShortFacts()).ToList(),
            Clean(f, [w.Close()]).FirstOrDefault() ?? "", Clean(f, [w.CtaLine()]).FirstOrDefault() ?? CopyText.Close(f.Cta), Clean(f, [w.PlainCta()]).FirstOrDefault() ?? CopyText.Close(f.Cta),
            Clean(f, [w.Greeting()]).FirstOrDefault() ?? "Hello,", Clean(f, [w.SignOff()]).FirstOrDefault() ?? $"The {f.BrandName} team",
            Hashtags(f, rng, r), f.EmojiAllowed && f.Casual ? Emoji[rng.Next(Emoji.Length)] : null);
    }

    private static List<string> Hashtags(CopyFacts f, Random rng, int r)
    {
        // Real tags: a name or a short interest, letters and digits only, no tag longer than a reader would type.
        var seeds = new List<string> { f.Product };
        for (var i = 0; i < f.Interests.Count; i++) seeds.Add(f.Interest(r + i)!.Text);
        seeds.Add(f.BrandName);
        var tags = seeds.Where(s => s.Split(' ').Length <= 3).Select(Tag)
            .Where(t => t.Length is > 2 and <= 24).Distinct(StringComparer.OrdinalIgnoreCase).Take(4).ToList();
        return [.. tags.OrderBy(_ => rng.Next())];
    }

    private static string Tag(string text) =>
        "#" + string.Concat(text.Split([' ', '-', '_', '/', '&', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()))
            .Where(w => w.Length > 0)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static IEnumerable<string> Clean(CopyFacts f, IEnumerable<string?> sentences) =>
        sentences.OfType<string>().Select(f.Polish.Sentence).OfType<string>()
            .Where(s => f.QuestionsAllowed || !s.Contains('?'));

    /// <summary>The sentence patterns, with the variant's choices made once.</summary>
    private sealed class Writer
    {
        private readonly CopyFacts f;
        private readonly int r, v;
        private readonly string P, B;
        private readonly Phrase? I, I2, N, N2;
        private readonly IReadOnlyList<Phrase> K;
        private readonly List<Phrase> _segment;
        private int _next;

        /// <summary>The segment phrase the next sentence uses (null when the segment has none).</summary>
        private Phrase? NextSegment()
        {
            if (_segment.Count == 0) return null;
            if (_segment.All(_used.Contains)) _used.Clear();
            while (_used.Contains(_segment[_next % _segment.Count])) _next++;
            return Use(_segment[_next++ % _segment.Count]);
        }

        private readonly HashSet<Phrase> _used = [];

        private Phrase Use(Phrase p)
        {
            _used.Add(p);
            return p;
        }

        /// <summary>The sentence after an opening that names the next segment phrase ("If you love pour-overs, have
        /// you met …?"); as it is when the segment has none.</summary>
        private string Framed(string sentence, int n) =>
            NextSegment() is { } seg ? $"{Intro(seg, n)}, {f.Inline(sentence)}" : sentence;

        /// <summary>A key message beside the next segment phrase; on its own when the segment has none.</summary>
        private string Tied(Phrase k, int n) => Bridge(NextSegment(), k, n) ?? Fact(k, n);

        public Writer(CopyFacts facts, int rotation, int variant)
        {
            (f, r, v) = (facts, rotation, variant);
            (P, B) = (f.Product, f.BrandName);
            (I, I2, N, N2) = (f.Interest(r), f.Interest(r + 1), f.Pain(r), f.Pain(r + 1));
            K = Enumerable.Range(0, f.KeyMessages.Count).Select(n => f.KeyMessage(r + n)!).ToList();
            // The segment's phrases in turn (interest, pain point, the next interest …): each sentence that carries a
            // fact takes the next, so the copy is the segment's own from the first line to the last.
            var cycle = new List<Phrase>();
            for (var n = 0; n < Math.Max(f.Interests.Count, f.PainPoints.Count); n++)
                foreach (var p in (n + v) % 2 == 0 ? new[] { f.Interest(r + n), f.Pain(r + n) } : [f.Pain(r + n), f.Interest(r + n)])
                    if (p is not null && !cycle.Contains(p)) cycle.Add(p);
            _segment = cycle;
            // The reviewer's "mention X": a key message that says X moves to the front (X is never stated otherwise).
            foreach (var mention in f.Feedback.MentionList)
                if (K.FirstOrDefault(k => Overlaps(k.Text, mention)) is { } asked)
                    K = [asked, .. K.Where(k => k != asked)];
        }

        private string Say(string casual, string formal) => f.Say(casual, formal);
        private static string Pick(int n, params string[] options) => CopyText.Cycle(n, options);
        private string Inline(Phrase k) => f.Inline(k.Text);
        private Phrase? Km(int n) => K.Count == 0 ? null : K[n % K.Count];

        /// <summary>A key message as a sentence of its own, in one of the frames its kind allows.</summary>
        private string Fact(Phrase k, int n) => k.Kind switch
        {
            PhraseKind.Instruction => Pick(n, k.Sentence, $"With {P}, you can {Inline(k)}.", $"You can {Inline(k)}."),
            PhraseKind.Clause => Pick(n, k.Sentence, $"{Say("Good to know", "Worth knowing")}: {Inline(k)}."),
            PhraseKind.Determined when k.Text.StartsWith("no ", StringComparison.OrdinalIgnoreCase) =>
                Pick(n, k.Sentence, $"With {P}, {Say("there's", "there is")} {Inline(k)}."),
            PhraseKind.Predicate => Pick(n, k.Sentence, $"{P}: {Inline(k)}."),
            _ => Pick(n, k.Sentence, $"With {P}, you get {Inline(k)}.", $"{P} means {Inline(k)}."),
        };

        /// <summary>A key message beside one of the segment's phrases: the reader's world first, then the brief's fact.
        /// The two stand side by side; nothing claims the product solves the pain or serves the interest.</summary>
        private string? Bridge(Phrase? segment, Phrase k, int n)
        {
            if (segment is null) return null;
            var fact = Inline(k);
            if (segment.Kind == PhraseKind.Clause)
                return Pick(n, $"When {f.Inline(segment.Text)}, {Say("here's something worth knowing", "this may be worth knowing")} about {P}: {fact}.",
                    $"For the days when {f.Inline(segment.Text)}, a note on {P}: {fact}.");
            var isPain = f.PainPoints.Contains(segment);
            if (isPain)
            {
                var s = segment.Specific!;
                return Pick(n,
                    $"If {s} {segment.Be} on your mind, {Say("here's something to know", "note this")} about {P}: {fact}.",
                    $"For anyone dealing with {s}, a note on {P}: {fact}.",
                    $"{Say("If you're", "If you are")} thinking about {s}, {Say("here's a fact", "note this")} about {P}: {fact}.");
            }
            var g = segment.General!;
            var agree = segment.Kind is PhraseKind.Plural or PhraseKind.Count ? "matter" : "matters";
            return Pick(n,
                Say($"If you're into {g}, here's something worth knowing about {P}: {fact}.", $"If {g} {agree} to you, note this about {P}: {fact}."),
                $"A note on {P} for anyone who {Say("loves", "values")} {g}: {fact}.",
                $"Between {g} and everything else, {Say("here's", "here is")} one thing to know about {P}: {fact}.");
        }

        public IEnumerable<string?> Lead(Angle angle)
        {
            var k = Km(0);
            var n = v;
            switch (angle)
            {
                case Angle.ProblemLed when N is not null:
                    Use(N);
                    if (N.Kind == PhraseKind.Clause)
                        yield return Pick(n, $"Sometimes {f.Inline(N.Text)}.", $"We know the feeling when {f.Inline(N.Text)}.");
                    else
                        yield return f.Formal
                            ? Pick(n, $"{CopyText.Up(N.Specific!)} can be a real concern.", $"Let us start with {N.Specific}.")
                            : f.QuestionOpenerAllowed
                                ? Pick(n, $"{CopyText.Up(N.Specific!)}? We hear you.", $"{CopyText.Up(N.Specific!)} {N.Be} no fun.",
                                    $"Let's talk about {N.Specific}.")
                                : Pick(n, $"{CopyText.Up(N.Specific!)} {N.Be} no fun.", $"Let's talk about {N.Specific}.");
                    if (k is not null) yield return Tied(k, n + 1);
                    yield break;

                case Angle.InterestLed when I is not null:
                    Use(I);
                    var g = I.General ?? I.Text;
                    yield return f.Formal
                        ? Pick(n, $"You already make time for {g}.", $"This note is for anyone who values {g}.")
                        : Pick(n, $"You make time for {g}.", $"Here's one for anyone into {g}.");
                    yield return k is null ? $"Take a look at {P}." : Tied(k, n);
                    yield break;

                case Angle.QuestionLed:
                    yield return f.QuestionOpenerAllowed
                        ? Framed(Say(Pick(n, $"Have you met {P} yet?", $"Curious about {P}?", $"Ever thought about {P}?"),
                            Pick(n, $"Have you considered {P}?", $"Is {P} on your list?")), n)
                        : Framed(Say($"A quick word about {P}.", $"A brief word about {P}."), n);
                    if (k is not null) yield return Tied(k, n);
                    yield break;

                case Angle.Introduction:
                    yield return Framed(f.Formal && !P.StartsWith(B, StringComparison.OrdinalIgnoreCase)
                        ? Pick(n, $"Meet {P} from {B}.", $"Here is {P} from {B}.")
                        : Pick(n, $"Meet {P}.", $"Say hello to {P}.", $"Here's {P}."), n);
                    if (k is not null) yield return Tied(k, n + 1);
                    yield break;

                case Angle.ReasonsWhy when K.Count > 1:
                    yield return Framed(Say($"Here are a few things to know about {P}.", $"Here is what to know about {P}."), n);
                    yield return Tied(K[0], n);
                    yield return Tied(K[1], n + 1);
                    yield break;

                case Angle.OfferLed when f.Offer is not null:
                    var until = f.Deadline is null ? "" : ", " + f.Deadline;
                    yield return Say(Pick(n, $"{CopyText.Up(f.Inline(f.Offer))}{until}.", $"Here's the offer: {f.Inline(f.Offer)}{until}."),
                        $"Our current offer: {f.Inline(f.Offer)}{until}.");
                    yield return N is { Kind: not PhraseKind.Clause }
                        ? $"A good moment to try {P}, {Say("especially", "particularly")} if {Use(N).Specific} {N.Be} on your mind."
                        : I is not null ? $"If you're into {Use(I).General}, it's a good moment to try {P}."
                        : $"A good moment to try {P}.";
                    yield break;

                case Angle.Urgency when f.Offer is not null || f.Deadline is not null:
                    foreach (var line in Urgency()) yield return line;
                    yield break;

                default: // BenefitLed, and any angle whose material the brief or segment does not have
                    if (k is null)
                    {
                        yield return $"Meet {P}.";
                        yield break;
                    }
                    yield return Tied(k, n);
                    yield break;
            }
        }

        private IEnumerable<string?> Urgency()
        {
            var (o, d) = (f.Offer, f.Deadline);
            if (o is not null && d is not null)
            {
                yield return Say($"{o}, but only {d}.", $"This offer is available {d}: {f.Inline(o)}.");
                yield return Framed(Say($"Now's the moment to try {P}.", $"Take a look at {P} before the offer ends."), v);
            }
            else if (o is not null && f.OfferFirst)
            {
                yield return CopyText.Close(o);
                yield return Framed(Say($"Now's a good time to try {P}.", $"Now is a good time to look at {P}."), v);
            }
            else if (o is not null)
            {
                yield return Framed(Say($"Now's a good time to try {P}.", $"Now is a good time to look at {P}."), v);
                yield return Framed(CopyText.Close(o), v + 1);
            }
            else
            {
                var date = d!.Replace("until ", "", StringComparison.Ordinal);
                yield return Framed($"Take a look at {P} before {date}.", v);
                if (Km(0) is { } k) yield return Tied(k, v);
            }
        }

        /// <summary>The key messages the lead did not already say, the first beside a segment phrase the lead did
        /// not use, the rest in a rotating frame.</summary>
        public IEnumerable<string?> KeyPoints(string lead)
        {
            var n = 0;
            foreach (var k in K)
            {
                if (lead.Contains(f.Inline(k.Text).TrimEnd('.'), StringComparison.OrdinalIgnoreCase)) continue;
                yield return n == 0 ? Tied(k, v + n + 1) : Fact(k, v + n + 1);
                n++;
            }
        }

        /// <summary>The key messages as plain sentences, from the variant's own start: the fill for small rooms.</summary>
        public IEnumerable<string?> ShortFacts() => f.KeyMessages.Select(k => k.Sentence);

        /// <summary>One-line teasers for an email preheader: a segment phrase and a key message, rotating both.</summary>
        public IEnumerable<string?> Teasers()
        {
            if (K.Count == 0) yield break;
            for (var n = 0; n < Math.Max(1, _segment.Count); n++)
            {
                var k = K[(n + 1) % K.Count];
                yield return _segment.Count == 0 ? k.Sentence : $"{Intro(_segment[(n + v) % _segment.Count], v + n)}: {Inline(k)}.";
            }
        }

        /// <summary>Short headlines that use the segment, for ads and push notifications that must name it.</summary>
        public IEnumerable<string?> SegmentHooks()
        {
            var hooks = new List<string>();
            // Form by form, phrase by phrase: neighbouring variants get different phrases, not the same one reworded.
            for (var form = 0; form < 3; form++)
                foreach (var p in f.Interests.Concat(f.PainPoints))
                {
                    if (p.Kind == PhraseKind.Clause) { if (form == 0) hooks.Add(CopyText.Up(p.Text)); continue; }
                    string[] forms = f.PainPoints.Contains(p)
                        ? f.Formal ? [$"{CopyText.Up(p.Specific!)} on your mind?", $"Dealing with {p.Specific}?", $"{CopyText.Up(p.Specific!)}?"]
                            : [$"Tired of {p.Specific}?", $"{CopyText.Up(p.Specific!)}?", $"Done with {p.Specific}?"]
                        : f.Formal ? [$"Care about {p.General}?", $"For anyone who values {p.General}", $"{CopyText.Up(p.General!)}?"]
                            : [$"Love {p.General}?", $"Into {p.General}?", $"For anyone into {p.General}"];
                    hooks.Add(forms[form]);
                }
            // In the segment's own order: the channel writer picks one per variant among those that fit.
            return hooks;
        }

        /// <summary>Short sentences naming the segment's world, for channels with room for little else.</summary>
        public IEnumerable<string?> ShortLines()
        {
            var lines = new List<string>();
            var n = v;
            foreach (var p in _segment)
            {
                n++;
                if (p.Kind == PhraseKind.Clause) lines.Add(CopyText.Close(CopyText.Up(p.Text)));
                else if (f.PainPoints.Contains(p))
                    lines.Add(f.Formal ? Pick(n, $"{CopyText.Up(p.Specific!)} on your mind?", $"Dealing with {p.Specific}?")
                        : Pick(n, $"{CopyText.Up(p.Specific!)}?", $"Tired of {p.Specific}?"));
                else
                    lines.Add(f.Formal ? Pick(n, $"Care about {p.General}?", $"For anyone who values {p.General}.")
                        : Pick(n, $"Into {p.General}?", $"For anyone into {p.General}.", $"Love {p.General}?"));
            }
            var k = lines.Count == 0 ? 0 : v % lines.Count;
            return lines.Skip(k).Concat(lines.Take(k));
        }

        /// <summary>The opening of a sentence that names the segment's world ("For anyone into podcasts", "If overdraft
        /// fees are on your mind", "When daily café spend adds up"), to go before a comma or a colon.</summary>
        private string Intro(Phrase p, int n)
        {
            if (p.Kind == PhraseKind.Clause) return $"When {f.Inline(p.Text)}";
            if (f.PainPoints.Contains(p))
                return Pick(n, $"If {p.Specific} {p.Be} on your mind", $"For anyone dealing with {p.Specific}");
            var agree = p.Kind is PhraseKind.Plural or PhraseKind.Count ? "matter" : "matters";
            return Pick(n, Say($"For anyone into {p.General}", $"For anyone who values {p.General}"),
                Say($"If you love {p.General}", $"If {p.General} {agree} to you"));
        }

        /// <summary>The offer in a frame, beside the segment's world when it has one; an offer that opens the copy
        /// gets a frame that can open it. The offer's words are the brief's, the same for every segment.</summary>
        public string? OfferLine()
        {
            if (f.Offer is null) return null;
            var offer = f.Inline(f.Offer);
            var core = f.Deadline is null ? offer : $"{offer}, {f.Deadline}";
            if (!f.OfferFirst && NextSegment() is { } seg)
                return $"{Intro(seg, r)}, {Say(Pick(r, "here's the offer", "good news", "note the offer"), Pick(r, "note our current offer", "our current offer is this"))}: {core}.";
            return (f.Formal, f.OfferFirst) switch
            {
                (true, true) => Pick(r, $"Our current offer: {core}.", $"{CopyText.Up(core)}.", $"The offer: {core}."),
                (true, false) => Pick(r, $"Our current offer: {core}.", $"{CopyText.Up(core)}.", $"The offer: {core}."),
                (false, true) => Pick(r, $"Right now: {core}.", $"Here's the offer: {core}.", $"{CopyText.Up(core)}.", $"Good news: {core}."),
                _ => Pick(r, $"Right now: {core}.", $"Here's the offer: {core}.", $"{CopyText.Up(core)}.", $"Good news: {core}."),
            };
        }

        /// <summary>The closing line: the call to action beside the segment's world, sometimes after a word for the
        /// segment's relationship with the brand.</summary>
        public string Close()
        {
            var lower = f.Inline(f.Cta);
            var when = Pick(v, Say("when you're ready", "when it suits you"), Say("whenever you like", "at a time that suits you"), "");
            var action = NextSegment() is { } seg
                ? $"{Intro(seg, v + 1)}, {lower}{(when.Length > 0 ? " " + when : "")}."
                : $"{f.Cta}{(when.Length > 0 ? " " + when : " below")}.";
            var hello = f.Lifecycle switch
            {
                "prospect" => Say($"New to {B}?", $"If you are new to {B}, welcome."),
                "new" => Say($"Thanks for joining {B}.", $"Thank you for joining {B}."),
                "active" or "loyal" => Say($"Thanks for being with {B}.", $"Thank you for being with {B}."),
                "lapsed" => Say("It's good to hear from you again.", "We would be glad to welcome you back."),
                _ => "",
            };
            return v % 3 == 0 && hello.Length > 0 ? $"{hello} {action}" : action;
        }

        /// <summary>No "today" or "now": urgency comes only from the brief's offer and deadline.</summary>
        public string CtaLine() => Framed(PlainCta(), v + 2);

        /// <summary>The call to action alone, for channels with room for nothing more.</summary>
        public string PlainCta() => Pick(v + 2, f.Formal
            ? [$"{f.Cta}.", $"{f.Cta} when it suits you.", $"{f.Cta} whenever you like."]
            : [$"{f.Cta}.", $"{f.Cta} when you're ready.", $"{f.Cta} whenever you like."]);

        public string Greeting() => Pick(r, f.Formal ? ["Hello,", "Good day,", "Dear reader,"] : ["Hi there,", "Hello,", "Hey there,", "Hi,"]);

        public string SignOff() => Pick(r + 1, f.Formal
            ? [$"Kind regards,\n{B}", $"The {B} team", $"With warm regards,\nThe {B} team"]
            : [$"Cheers,\nThe {B} team", $"The {B} team", $"Warmly,\nThe {B} team"]);

        public IEnumerable<string?> Hooks(Angle angle)
        {
            var k = Km(0);
            switch (angle)
            {
                case Angle.ProblemLed when N is not null:
                    return N.Kind == PhraseKind.Clause ? [CopyText.Up(N.Text), $"Meet {P}"]
                        : f.Formal ? [$"{CopyText.Up(N.Specific!)} on your mind?", $"Dealing with {N.Specific}?"]
                        : [Pick(v, $"Tired of {N.Specific}?", $"Done with {N.Specific}?"), $"{CopyText.Up(N.Specific!)}?"];
                case Angle.InterestLed when I is not null:
                    var g = I.General!;
                    return f.Formal ? [$"For anyone who values {g}", $"{CopyText.Up(g)} and {P}"]
                        : [Pick(v, $"Love {g}?", $"For anyone into {g}"), $"{CopyText.Up(g)}, meet {P}", $"Into {g}?"];
                case Angle.QuestionLed:
                    var q = I?.General is { } qi ? (f.Formal ? $"{CopyText.Up(qi)}? Consider {P}" : $"Into {qi}? Meet {P}") : null;
                    return f.QuestionOpenerAllowed
                        ? f.Formal ? [q, $"Have you considered {P}?", $"Is {P} on your list?"] : [q, $"Have you met {P}?", $"Curious about {P}?"]
                        : [$"A word about {P}", $"{P}, briefly"];
                case Angle.Introduction:
                    return f.Formal ? [$"Introducing {P}", $"{P} from {B}", $"Meet {P}"] : [Pick(v, $"Meet {P}", $"Say hello to {P}"), $"Introducing {P}"];
                case Angle.ReasonsWhy:
                    return [$"What to know about {P}", $"{P}, in brief", $"{P} at a glance"];
                case Angle.OfferLed when f.Offer is not null:
                    return [f.Offer, $"{P}: {f.Inline(f.Offer)}"];
                case Angle.Urgency when f.Offer is not null || f.Deadline is not null:
                    var (o, d) = (f.Offer, f.Deadline);
                    if (o is not null && d is not null) return [$"{o}, {d}", $"{P}: {f.Inline(o)}"];
                    if (o is not null) return [Say("Now's the time: " + f.Inline(o), "Now available: " + f.Inline(o)), $"{P}: {f.Inline(o)}"];
                    var date = d!.Replace("until ", "", StringComparison.Ordinal);
                    return [$"Take a look before {date}", $"{P}: before {date}"];
                default:
                    return k is null ? [$"Meet {P}"] : [CopyText.Headline(k.Sentence), $"{P}: {Inline(k)}"];
            }
        }

        private static bool Overlaps(string text, string mention)
        {
            var words = Text.Diversity.Words(mention).Where(x => x.Length > 3).ToList();
            var have = Text.Diversity.Words(text).ToHashSet();
            return words.Count > 0 && words.Count(have.Contains) * 2 >= words.Count;
        }
    }
}
