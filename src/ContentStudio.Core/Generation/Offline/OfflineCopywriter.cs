using ContentStudio.Core.Channels;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Llm;

namespace ContentStudio.Core.Generation.Offline;

/// <summary>Request → fields: facts, angle, draft, channel layout, then the rules that span fields
/// (exclamation marks are counted over the whole piece of copy).</summary>
internal static class OfflineCopywriter
{
    public static IReadOnlyDictionary<string, string> Write(CompositionRequest request, int seed)
    {
        Validate(request);
        var feedback = FeedbackDirectives.Parse(request.Feedback);
        var facts = CopyFacts.From(request, feedback);
        var angle = AngleFor(request, facts, seed);
        // Phrase choices depend on everything that should change the copy, the variant and feedback included.
        var rng = new Random(StableHash.Of(seed, request.Brand.Slug, request.Segment.Key, request.Channel.Key,
            request.VariantIndex, request.Feedback ?? ""));
        // Which interest / key message leads rotates with the variant, from a seeded start.
        var rotation = request.VariantIndex + (StableHash.Of(seed, request.Segment.Key, "rotation") & 0xFF);
        var draft = DraftBuilder.Build(angle, facts, rng, rotation, request.VariantIndex);
        var fields = ChannelWriter.Write(request.Channel, facts, draft);

        var names = fields.Keys.ToList();
        var limited = CopyPolish.LimitExclamations(fields.Values.ToList(), facts.Exclamations);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var text = limited[i];
            if (request.Channel.Kind == ChannelKind.Sms) text = CopyPolish.ToGsm7(text);
            // Last guard: whatever happened above, a field never leaves longer than its limit.
            var max = request.Channel.Field(names[i])?.MaxLength;
            result[names[i]] = max is { } m ? TextFit.Fit(text, m) : text;
        }
        return result;
    }

    public static Angle AngleFor(CompositionRequest request, int seed)
    {
        Validate(request);
        var facts = CopyFacts.From(request, FeedbackDirectives.Parse(request.Feedback));
        return AngleFor(request, facts, seed);
    }

    private static Angle AngleFor(CompositionRequest request, CopyFacts facts, int seed) =>
        AnglePlanner.For(facts, StableHash.Of(seed, request.Brand.Slug, request.Segment.Key, request.Channel.Key), request.VariantIndex);

    private static void Validate(CompositionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Brand is null) throw new ArgumentException("CompositionRequest.Brand is missing.", nameof(request));
        if (request.Segment is null) throw new ArgumentException("CompositionRequest.Segment is missing.", nameof(request));
        if (request.Channel is null) throw new ArgumentException("CompositionRequest.Channel is missing.", nameof(request));
        if (request.Brief is null) throw new ArgumentException("CompositionRequest.Brief is missing.", nameof(request));
    }
}
