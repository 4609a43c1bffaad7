using ContentStudio.Core.Llm;
namespace ContentStudio.Core.Generation.Offline;

/// <summary>The ways into a message a copywriter rotates through. Variants of one segment × channel each
/// get a different angle, so they differ in structure, not just in words.</summary>
public enum Angle
{
    BenefitLed,
    ProblemLed,
    SocialProof,
    QuestionLed,
    Story,
    Introduction,
    ReasonsWhy,
    /// <summary>Only when the brief has an offer.</summary>
    OfferLed,
    /// <summary>Only when the brief has an offer or a deadline: urgency is never invented.</summary>
    Urgency,
}

/// <summary>Chooses the angle of each variant: a seeded permutation of the angles the brief supports, so
/// variant 0..N-1 get N different angles (N up to the number of angles available) and the order differs
/// from one segment × channel to the next.</summary>
internal static class AnglePlanner
{
    public static IReadOnlyList<Angle> Available(CopyFacts facts)
    {
        var angles = Enum.GetValues<Angle>().Where(a => a switch
        {
            Angle.OfferLed => facts.HasOffer,
            Angle.Urgency => facts.HasOffer || facts.Deadline is not null,
            Angle.QuestionLed => !facts.Feedback.NoQuestions,
            _ => true,
        }).ToList();
        return angles;
    }

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
        var order = Permutation(Available(facts), permutationSeed).ToList();
        // "More urgent" moves urgency to the front; the other variants keep their relative order.
        if (facts.Feedback.MoreUrgent && order.Remove(Angle.Urgency)) order.Insert(0, Angle.Urgency);
        return order[((variantIndex % order.Count) + order.Count) % order.Count];
    }
}
