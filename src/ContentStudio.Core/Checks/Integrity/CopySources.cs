using System.Runtime.CompilerServices;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Checks.Claims;

namespace ContentStudio.Core.Checks.Integrity;

/// <summary>Where a fact in the copy may come from, and what each source holds: the brief (product, objective, key
/// messages, offer, call to action), the guide (product names, disclaimers, opt-out, the voice guide's text) and the
/// approved claims. The guide's and the claims' part is built once per brand, the brief's once per brief object.</summary>
public sealed class CopySources
{
    public const string BriefName = "the brief";
    public const string GuideName = "the brand guide";
    public const string ClaimsName = "the approved claims";

    private static readonly ConditionalWeakTable<CampaignBrief, Source> Briefs = new();

    public CopySources(Brand brand)
    {
        Guide = new Source(GuideName, [brand.Name, .. brand.ProductNames, .. brand.Disclaimers.Values, brand.SmsOptOut,
            .. brand.Sections.Values, .. brand.Examples]);
        Claims = new Source(ClaimsName, [.. brand.Claims.Select(c => c.Text)]);
    }

    public Source Guide { get; }
    public Source Claims { get; }

    public static Source ForBrief(CampaignBrief brief) => Briefs.GetValue(brief, b =>
        new Source(BriefName, [b.Product, b.Objective, .. b.KeyMessages, b.Offer, b.CallToAction, .. DeadlineWords(b.DeadlineUtc)]));

    /// <summary>The brief's deadline in the ways copy writes a date ("Saturday, July 31, 2027", "31 July"), so a deadline the
    /// brief set is sourced, whatever the wording; an invented one still is not.</summary>
    private static IEnumerable<string> DeadlineWords(DateTime? deadline)
    {
        if (deadline is not { } d) yield break;
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        yield return d.ToString("dddd, MMMM d, yyyy", invariant);
        yield return d.ToString("d MMM yyyy", invariant);
        yield return d.ToString("yyyy-MM-dd", invariant);
    }

    /// <summary>One source: its normalised text, its figures (value and unit) and its content words.</summary>
    public sealed class Source
    {
        public Source(string name, IEnumerable<string?> texts)
        {
            Name = name;
            var joined = string.Join("\n", texts.Where(t => !string.IsNullOrWhiteSpace(t)));
            Text = ClaimWording.Of(joined).Text;
            Figures = [.. OfferTerms.Figures(joined)];
            Words = OfferTerms.ContentWords(joined);
        }

        public string Name { get; }
        public string Text { get; }
        public HashSet<(decimal Value, string Unit)> Figures { get; }
        public HashSet<string> Words { get; }

        /// <summary>True when the source states this figure: the same value, and the same unit unless either has none
        /// ("April 30" states 30; "30-day returns" states 30 days).</summary>
        public bool HasFigure((decimal Value, string Unit) figure)
        {
            if (Figures.Contains(figure)) return true;
            foreach (var f in Figures)
                if (f.Value == figure.Value && (f.Unit.Length == 0 || figure.Unit.Length == 0)) return true;
            return false;
        }

        public bool HasWording(string normalised) => normalised.Length > 0 && Text.Contains(normalised, StringComparison.Ordinal);
    }
}
