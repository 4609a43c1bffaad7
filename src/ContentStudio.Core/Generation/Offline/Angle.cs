namespace ContentStudio.Core.Generation.Offline;

/// <summary>The ways into a message a copywriter rotates through. Variants of one segment × channel each
/// get a different angle, so they differ in structure, not just in words. None of them needs a fact the brief
/// does not give: there is no social-proof or testimonial angle, because the brief never supplies the proof.</summary>
public enum Angle
{
    /// <summary>A key message leads.</summary>
    BenefitLed,
    /// <summary>The segment's pain point leads.</summary>
    ProblemLed,
    /// <summary>The segment's interest leads.</summary>
    InterestLed,
    /// <summary>A question to the reader leads (never when the reviewer or the template asked for no questions).</summary>
    QuestionLed,
    /// <summary>The product is introduced by name.</summary>
    Introduction,
    /// <summary>Several key messages, one after another.</summary>
    ReasonsWhy,
    /// <summary>Only when the brief has an offer.</summary>
    OfferLed,
    /// <summary>Only when the brief has an offer or a deadline: urgency is never invented.</summary>
    Urgency,
}

/// <summary>Chooses the angle of each variant: the template's declared angles in its order when it lists them,
/// otherwise a seeded permutation of the angles the brief supports, so variant 0..N-1 get N different angles and
/// the order differs from one segment × channel to the next.</summary>
internal static class AnglePlanner
{
    public static IReadOnlyList<Angle> Available(CopyFacts facts) =>
        Enum.GetValues<Angle>().Where(a => Supported(a, facts)).ToList();

    private static bool Supported(Angle a, CopyFacts facts) => a switch
    {
        Angle.OfferLed => facts.HasOffer,
        Angle.Urgency => facts.HasOffer || facts.Deadline is not null,
        Angle.QuestionLed => facts.QuestionsAllowed,
        Angle.ProblemLed => facts.PainPoints.Count > 0,
        Angle.InterestLed => facts.Interests.Count > 0,
        Angle.ReasonsWhy => facts.KeyMessages.Count > 1,
        _ => true,
    };

    public static IReadOnlyList<Angle> Permutation(IReadOnlyList<Angle> available, int seed)
    {
        var order = available.ToArray();
        var rng = new Random(seed);
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    public static Angle For(CopyFacts facts, int permutationSeed, int variantIndex)
    {
        var declared = facts.Style.Angles.Select(Parse).OfType<Angle>().Where(a => Supported(a, facts)).Distinct().ToList();
        // The template's list is the order; without one, a seeded shuffle so segment × channel groups differ.
        var order = declared.Count > 0 ? declared : Permutation(Available(facts), permutationSeed).ToList();
        if (order.Count == 0) order = [Angle.Introduction];
        // "More urgent" moves urgency to the front; the other variants keep their relative order.
        if (facts.Feedback.MoreUrgent && Supported(Angle.Urgency, facts))
        {
            order.Remove(Angle.Urgency);
            order.Insert(0, Angle.Urgency);
        }
        return order[((variantIndex % order.Count) + order.Count) % order.Count];
    }

    /// <summary>A template's angle name ("problem", "reasons-why") as an angle; null for an unknown name (the
    /// template parser reports those).</summary>
    public static Angle? Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "benefit" => Angle.BenefitLed,
        "problem" => Angle.ProblemLed,
        "interest" => Angle.InterestLed,
        "question" => Angle.QuestionLed,
        "introduction" => Angle.Introduction,
        "reasons-why" => Angle.ReasonsWhy,
        "offer" => Angle.OfferLed,
        "urgency" => Angle.Urgency,
        _ => null,
    };
}
