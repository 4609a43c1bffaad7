using ContentStudio.Core.Brands;

namespace ContentStudio.Core.Campaigns;

/// <summary>One thing wrong with a brief: the field (as named in the brief JSON and the form) and what to do.</summary>
public sealed record FieldError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>Checks a brief before anything is stored or generated. Every message says what to fix. The length caps are
/// constants, not settings: they bound what one brief sends to the model for every variant of every segment.</summary>
public static class BriefValidator
{
    public const int MaxNameLength = 120, MaxProductLength = 200, MaxObjectiveLength = 500, MaxMessageLength = 300,
        MaxKeyMessages = 10, MaxOfferLength = 300, MaxCallToActionLength = 60, MaxVariants = 10, MaxExtras = 10;

    public static IReadOnlyList<FieldError> Validate(CampaignBrief brief, Brand? brand,
        IReadOnlyCollection<string> knownSegmentKeys, DateTime? nowUtc = null)
    {
        var errors = new List<FieldError>();
        void Add(string field, string message) => errors.Add(new FieldError(field, message));
        void Text(string field, string label, string value, int max, bool required)
        {
            if (required && string.IsNullOrWhiteSpace(value)) Add(field, $"{label} is required.");
            else if (value.Length > max) Add(field, $"{label} is {value.Length} characters; keep it to {max}.");
        }

        Text("name", "Campaign name", brief.Name, MaxNameLength, true);
        if (string.IsNullOrWhiteSpace(brief.BrandSlug)) Add("brandSlug", "Choose a brand.");
        else if (brand is null) Add("brandSlug", $"Brand '{brief.BrandSlug}' is unknown: add brand-guides/{brief.BrandSlug}.md or pick an existing brand.");
        Text("product", "Product", brief.Product, MaxProductLength, true);
        Text("objective", "Objective", brief.Objective, MaxObjectiveLength, true);

        var messages = brief.KeyMessages.Where(m => !string.IsNullOrWhiteSpace(m)).ToList();
        if (messages.Count == 0) Add("keyMessages", "Add at least one key message.");
        if (brief.KeyMessages.Count > MaxKeyMessages) Add("keyMessages", $"{brief.KeyMessages.Count} key messages; keep it to {MaxKeyMessages}.");
        // Past the count, one error says it all: a list of a million messages must not come back as a million errors.
        for (var i = 0; i < brief.KeyMessages.Count && brief.KeyMessages.Count <= MaxKeyMessages; i++)
        {
            if (string.IsNullOrWhiteSpace(brief.KeyMessages[i]) && messages.Count > 0) Add($"keyMessages[{i}]", "Key message is empty: write it or remove it.");
            else Text($"keyMessages[{i}]", "Key message", brief.KeyMessages[i], MaxMessageLength, false);
        }
        Text("offer", "Offer", brief.Offer, MaxOfferLength, false);
        Text("callToAction", "Call to action", brief.CallToAction, MaxCallToActionLength, false);
        if (brief.SanctionedExtras.Count > MaxExtras) Add("sanctionedExtras", $"{brief.SanctionedExtras.Count} sanctioned extras; keep it to {MaxExtras}.");
        for (var i = 0; i < brief.SanctionedExtras.Count && brief.SanctionedExtras.Count <= MaxExtras; i++)
        {
            Text($"sanctionedExtras[{i}].text", "Sanctioned extra", brief.SanctionedExtras[i].Text, MaxOfferLength, true);
            foreach (var key in brief.SanctionedExtras[i].Segments.Where(k => !brief.SegmentKeys.Contains(k)))
                Add($"sanctionedExtras[{i}].segments", $"Segment '{key}' is not one of the brief's segments; name a segment the campaign targets.");
        }

        if (brief.Channels.Count == 0) Add("channels", "Choose at least one channel.");
        foreach (var dup in brief.Channels.GroupBy(c => c).Where(g => g.Count() > 1))
            Add("channels", $"Channel '{dup.Key}' is listed twice; list each channel once.");

        if (brief.SegmentKeys.Count == 0) Add("segmentKeys", "Choose at least one segment.");
        var known = new HashSet<string>(knownSegmentKeys, StringComparer.Ordinal);
        foreach (var key in brief.SegmentKeys.Where(k => !known.Contains(k)))
            Add("segmentKeys", $"Segment '{key}' is unknown for brand '{brief.BrandSlug}'" +
                (known.Count == 0 ? "; import segments first." : $"; known segments: {string.Join(", ", known.Order())}."));
        foreach (var dup in brief.SegmentKeys.GroupBy(k => k).Where(g => g.Count() > 1))
            Add("segmentKeys", $"Segment '{dup.Key}' is listed twice; list each segment once.");

        if (brief.VariantsPerSegment is < 1 or > MaxVariants)
            Add("variantsPerSegment", $"Variants per segment must be between 1 and {MaxVariants} (was {brief.VariantsPerSegment}).");
        if (brief.BusinessImpact is < 1 or > 5)
            Add("businessImpact", $"Business impact must be between 1 (low) and 5 (critical) (was {brief.BusinessImpact}).");
        if (brief.DeadlineUtc is { } deadline)
        {
            var utc = deadline.Kind == DateTimeKind.Local ? deadline.ToUniversalTime() : deadline;
            if (utc < (nowUtc ?? DateTime.UtcNow)) Add("deadlineUtc", $"Deadline {utc:yyyy-MM-dd HH:mm} UTC is in the past; pick a later date or leave it empty.");
        }
        return errors;
    }
}
