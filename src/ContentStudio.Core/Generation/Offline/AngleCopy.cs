using ContentStudio.Core.Llm;
namespace ContentStudio.Core.Generation.Offline;

/// <summary>The opening of a piece of copy for one angle: headline candidates (best first) and the lead
/// sentences. Phrases here carry no facts of their own (no numbers, prices or superlatives): every
/// specific comes from the brief or the segment through <see cref="CopyFacts"/>.</summary>
internal sealed record AngleOpening(IReadOnlyList<string> Hooks, IReadOnlyList<string> Lead, bool CarriesOffer);

internal static class AngleCopy
{
    public static AngleOpening Open(Angle angle, CopyFacts f, Random rng, int r)
    {
        var opening = OpenCore(angle, f, rng, r);
        return opening with { Hooks = [.. opening.Hooks, .. ShortHooks(angle, f)] };
    }

    /// <summary>Headlines short enough for an ad or a push title when the angle's own hooks run long,
    /// still in the angle's voice so two variants do not fall back to the same line.</summary>
    private static string[] ShortHooks(Angle angle, CopyFacts f) => angle switch
    {
        Angle.BenefitLed => ["Made with you in mind"],
        Angle.ProblemLed => [f.Say("We've got you", "Here to help")],
        Angle.SocialProof => [f.Say("You're in good company", "You are in good company")],
        Angle.QuestionLed => ["Ready for a change?"],
        Angle.Story => [f.Say("Small moments, good days", "Picture your week")],
        Angle.Introduction => [$"Meet {f.Product}", $"Say hello to {f.BrandName}"],
        Angle.ReasonsWhy => [f.Say("Here's why", "Here is why")],
        Angle.OfferLed => [f.Say("An offer for you", "Our current offer")],
        _ => [f.Say("Don't leave it too late", "Take a look before it ends")],
    };

    private static AngleOpening OpenCore(Angle angle, CopyFacts f, Random rng, int r)
    {
        var (p, b) = (f.Product, f.BrandName);
        var (i, pain, k, k2) = (f.Interest(r), f.Pain(r), f.KeyMessage(r), f.KeyMessage(r + 1));
        var kHook = Headline(k);
        switch (angle)
        {
            case Angle.BenefitLed:
                return new([kHook, $"{p}, made for {i}", $"Made for {i}", $"{p} for {i}"],
                    [k, Pick(rng, f.Say($"That's what {p} is about.", $"That is what {p} is for."),
                        f.Say($"That's {p} in a sentence.", $"That is the idea behind {p}."))], false);

            case Angle.ProblemLed:
                return f.Formal
                    ? new([$"Dealing with {pain}?", $"{Up(pain)} on your mind?", $"Meet {p}"],
                        Pick(rng, new[] { $"If you are dealing with {pain}, {p} may help." },
                            new[] { $"{Up(pain)} should not get in the way of {i}.", $"{p} may help." }), false)
                    : new([Pick(rng, $"Tired of {pain}?", $"Done with {pain}?"), $"Dealing with {pain}?", $"Meet {p}"],
                        [$"{Up(pain)} shouldn't stand between you and {i}.",
                         Pick(rng, $"That's where {p} comes in.", $"{p} is here to help.")], false);

            case Angle.SocialProof:
                return new(f.Formal
                        ? [$"Join others who value {i}", "You are in good company", $"People already rely on {p}"]
                        : [Pick(rng, $"Join people who love {i}", $"{Up(i)} fans already know {p}"), "You're in good company"],
                    [f.Say(Pick(rng, $"People who care about {i} are already making room for {p}.",
                            $"People who love {i} already use {p}."),
                        $"People who value {i} already rely on {p}."), k], false);

            case Angle.QuestionLed:
                return new(f.Formal
                        ? [$"Have you considered {p}?", $"{Up(pain)} on your mind?", $"Ready to look at {p}?"]
                        : [Pick(rng, $"Ready for {p}?", $"Have you met {p}?"), $"What would you do with {p}?", $"{Up(pain)} on your mind?"],
                    Pick(rng,
                        new[] { f.Say($"Have you met {p} yet?", $"Have you considered {p}?"), k },
                        new[] { $"{Up(pain)} on your mind?", f.Say($"{p} is a good place to start.", $"{p} may be worth a look.") }), false);

            case Angle.Story:
                return new([f.Say(Pick(rng, $"It starts with {i}", "Small moments, good days"), $"Picture your week with {p}"),
                        $"Your week, with {p}", $"It starts with {i}"],
                    f.Formal
                        ? Pick(rng, new[] { $"Picture a week with room for {i}.", $"{p} is there alongside you." },
                            new[] { $"It often starts with a simple question about {i}.", $"{p} is one place to start." })
                        : Pick(rng, new[] { $"Picture it: {i}, your pace, and {p} ready when you are.", "It's the small moments that count." },
                            new[] { "It starts on an ordinary evening.", $"You make time for {i}, and {p} is right there with you." }), false);

            case Angle.Introduction:
                return new(f.Formal ? [$"Introducing {p}", $"{p} from {b}", $"Meet {p}"]
                        : [Pick(rng, $"Meet {p}", $"Say hello to {p}"), $"Introducing {p}"],
                    [f.Say(Pick(rng, $"Meet {p} from {b}.", $"Say hello to {p}."),
                        p.StartsWith(b, StringComparison.OrdinalIgnoreCase) ? $"Introducing {p}."
                            : Pick(rng, $"{b} introduces {p}.", $"Introducing {p} from {b}.")), k], false);

            case Angle.ReasonsWhy:
                return new([$"Why {p}?", f.Say($"What {p} brings", $"What {p} offers"), $"The case for {p}"],
                    [f.Say(Pick(rng, $"Why {p}? Start here.", $"Here's what {p} brings."), $"Here is what {p} offers."), k, k2], false);

            case Angle.OfferLed:
                var offer = f.Inline(f.Offer!);
                var until = f.Deadline is null ? "" : ", " + f.Deadline;
                return new([f.Offer!, f.Say($"Your offer: {offer}", $"Current offer: {offer}"), $"{p}: {offer}"],
                    [f.Say($"Here's the offer: {offer}{until}.", $"Our current offer: {offer}{until}."),
                     f.Say(Pick(rng, $"It's an easy way to try {p}.", $"A good moment to get to know {p}."),
                        $"It is a straightforward way to get started with {p}.")], true);

            default:
                return Urgency(f, rng, k);
        }
    }

    private static AngleOpening Urgency(CopyFacts f, Random rng, string k)
    {
        var (p, o, d) = (f.Product, f.Offer, f.Deadline);
        var inline = o is null ? null : f.Inline(o);
        if (o is not null && d is not null)
            return new([$"{o}, {d}", f.Say("Don't miss out: " + inline, "Offer available " + d), $"{p}: {inline}"],
                [f.Say($"{o}, but only {d}.", $"This offer is available {d}: {inline}."),
                 f.Say(Pick(rng, $"Don't leave {p} too late.", $"Now's the moment to try {p}."), $"Take a look at {p} before the offer ends.")], true);
        if (o is not null)
            return new([f.Say(Pick(rng, "Now's the time: " + inline, "Don't miss this: " + inline), "Now available: " + inline), $"{p}: {inline}"],
                [f.Say($"Now's a good time to try {p}.", $"Now is a good time to look at {p}."), $"{o}."], true);
        var date = d!.Replace("until ", "", StringComparison.Ordinal);
        return new([$"Take a look before {date}", $"{p}: before {date}"],
            [$"Take a look at {p} before {date}.", k], false);
    }

    public static string Headline(string sentence) => sentence.TrimEnd('.', ' ');

    public static string Up(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public static string Cycle(int r, string[] options) => options[((r % options.Length) + options.Length) % options.Length];

    public static T Pick<T>(Random rng, params T[] options) => options[rng.Next(options.Length)];
}
