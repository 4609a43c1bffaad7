using System.Text.RegularExpressions;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Llm;
using ContentStudio.Core.Segments;
using static ContentStudio.Core.Tests.Generation.Offline.OfflineFixtures;
using ContentStudio.Core.Generation;

namespace ContentStudio.Core.Tests.Generation.Offline;

/// <summary>The rules every variant keeps, checked over the whole matrix: 2 brands × 3 segments × 2 briefs
/// × 6 channels × 5 variants, with and without reviewer feedback.</summary>
public partial class OfflineComposerRulesTests
{
    private static readonly string?[] Feedbacks =
        [null, "Make it shorter", "Longer please, more detail", "More formal", "Mention the offer earlier", "More casual", "More urgent"];

    // Written once and shared by the tests below: the composer is deterministic, so this loses nothing.
    private static readonly Lazy<List<(CompositionRequest Request, IReadOnlyDictionary<string, string> Fields)>> All = new(() =>
        (from feedback in Feedbacks
         from request in Matrix(feedback)
         select (request, Write(request))).ToList());

    private static IEnumerable<(CompositionRequest Request, IReadOnlyDictionary<string, string> Fields)> Everything() => All.Value;

    [Fact]
    public void EveryFieldStaysWithinItsLimitAndRequiredFieldsAreFilled()
    {
        var checkedFields = 0;
        foreach (var (request, fields) in Everything())
            foreach (var spec in request.Channel.Fields)
            {
                var text = fields[spec.Name];
                if (spec.MaxLength is { } max) text.Length.ShouldBeLessThanOrEqualTo(max, Describe(request, spec.Name, text));
                if (spec.Required) text.ShouldNotBeNullOrWhiteSpace(Describe(request, spec.Name, text));
                checkedFields++;
            }
        checkedFields.ShouldBeGreaterThan(2000);
    }

    [Fact]
    public void NoFieldEndsOnDanglingPunctuationOrAHalfSentenceWord()
    {
        string[] dangling = ["and", "or", "with", "the", "a", "to", "for", "of", "your"];
        foreach (var (request, fields) in Everything())
            foreach (var (name, text) in fields.Where(f => f.Value.Length > 0))
            {
                text[^1].ShouldNotBeOneOf([',', ';', ':', '-', '–', '(', '&'], Describe(request, name, text));
                var lastWord = text.Split(' ')[^1];
                dangling.ShouldNotContain(lastWord.ToLowerInvariant(), Describe(request, name, text));
                text.ShouldNotContain("  ", Case.Sensitive, Describe(request, name, text));
            }
    }

    [Fact]
    public void SmsFitsItsSegmentsInGsm7AndCarriesTheOptOutAndDisclaimer()
    {
        foreach (var (request, fields) in Everything().Where(x => x.Request.Channel.Kind == ChannelKind.Sms))
        {
            var body = fields["body"];
            var count = SmsSegmentCounter.Count(body);
            count.Encoding.ShouldBe(SmsEncoding.Gsm7, Describe(request, "body", body));
            count.Segments.ShouldBeLessThanOrEqualTo(request.Channel.MaxSmsSegments!.Value, Describe(request, "body", body));
            body.ShouldEndWith(request.Brand.SmsOptOut, Case.Sensitive, Describe(request, "body", body));
            body.ShouldContain(request.Brand.Disclaimers[ChannelKind.Sms], Case.Sensitive, Describe(request, "body", body));
            body.ShouldStartWith(request.Brand.Name);
        }
    }

    [Fact]
    public void ABareBriefAndSegmentStillGiveCompleteCopyWithinLimits()
    {
        var brand = new Brand { Slug = "plain", Name = "Plain Co" };
        var segment = new Segment { Key = "everyone", BrandSlug = "plain", Name = "Everyone" };
        foreach (var channel in ChannelCatalog.All)
            for (var v = 0; v < 5; v++)
            {
                var request = new CompositionRequest(brand, segment, channel, new CampaignBrief(), v, 1);
                var fields = Write(request);
                foreach (var spec in channel.Fields)
                {
                    if (spec.Required) fields[spec.Name].ShouldNotBeNullOrWhiteSpace(Describe(request, spec.Name, fields[spec.Name]));
                    fields[spec.Name].Length.ShouldBeLessThanOrEqualTo(spec.MaxLength ?? int.MaxValue);
                }
                AllText(fields).ShouldContain("Plain Co");
            }
    }

    [Fact]
    public void SmsTurnsTypographicMarksIntoGsm7()
    {
        var brand = new Brand
        {
            Slug = "cafe", Name = "Café Ünter", ProductNames = ["Morning Pass"],
            Disclaimers = new Dictionary<ChannelKind, string> { [ChannelKind.Sms] = "Terms apply — see our site’s “Offers” page…" },
            SmsOptOut = "Reply STOP to opt out.",
        };
        var segment = new Segment { Key = "commuters", BrandSlug = "cafe", Name = "Commuters", Interests = ["coffee on the go ☕"] };
        var brief = new CampaignBrief
        {
            Product = "Morning Pass", KeyMessages = ["Your coffee’s ready when you are — every weekday"],
            Offer = "A free pastry with your first pass", CallToAction = "Get the pass",
        };
        for (var v = 0; v < 5; v++)
        {
            var body = Write(new CompositionRequest(brand, segment, ChannelCatalog.Sms, brief, v, 1))["body"];
            SmsSegmentCounter.Count(body).Encoding.ShouldBe(SmsEncoding.Gsm7, body);
            body.ShouldContain("Terms apply - see our site's \"Offers\" page...");
            body.ShouldStartWith("Café Ünter");
        }
    }

    [Fact]
    public void EveryChannelWithARequiredDisclaimerCarriesIt()
    {
        var withDisclaimer = 0;
        foreach (var (request, fields) in Everything())
        {
            if (!request.Brand.Disclaimers.TryGetValue(request.Channel.Kind, out var disclaimer)) continue;
            AllText(fields).ShouldContain(disclaimer, Case.Sensitive, Describe(request, "*", AllText(fields)));
            withDisclaimer++;
        }
        withDisclaimer.ShouldBeGreaterThan(500);
    }

    [Fact]
    public void NumbersComeOnlyFromTheBriefOrTheBrandsRequiredText()
    {
        foreach (var (request, fields) in Everything())
        {
            var allowed = Numbers(string.Join(" ", [request.Brief.Product, request.Brief.Offer, request.Brief.CallToAction,
                .. request.Brief.KeyMessages, .. request.Brand.ProductNames, request.Brand.Name, request.Brand.SmsOptOut,
                .. request.Brand.Disclaimers.Values, request.Brief.DeadlineUtc?.Day.ToString() ?? ""]));
            var text = AllText(fields);
            Numbers(text).ShouldBeSubsetOf(allowed, Describe(request, "*", text));
        }
    }

    [Fact]
    public void ABriefWithoutNumbersGivesCopyWithoutDigitsEvenWhenTheSegmentHasThem()
    {
        var segment = new Segment
        {
            Key = "runners", BrandSlug = "fresh-fork", Name = "Runners 25-34",
            Interests = ["5k runs", "meal prep", "24/7 snacking"], PainPoints = ["3 kids to feed", "late training sessions"],
        };
        foreach (var channel in ChannelCatalog.All)
        {
            var texts = Enumerable.Range(0, 5)
                .Select(v => AllText(Write(new CompositionRequest(FreshFork, segment, channel, FreshForkLaunch, v, 9)))).ToList();
            foreach (var text in texts) text.Any(char.IsDigit).ShouldBeFalse(text);
            // Short channels may lead with the offer alone; the longer ones always name the product.
            if (channel.Kind is ChannelKind.Ad or ChannelKind.Push) texts.ShouldContain(t => t.Contains("FreshFork Box"));
            else texts.ShouldAllBe(t => t.Contains("FreshFork Box"));
        }
    }

    [Fact]
    public void BannedDeprecatedHypeAndCompetitorTermsNeverAppear()
    {
        foreach (var (request, fields) in Everything())
        {
            var brand = request.Brand;
            var never = brand.BannedTerms.Concat(brand.DeprecatedTerms).Select(t => t.Term)
                .Concat(brand.Style.HypeWords).Concat(brand.Competitors);
            var text = AllText(fields);
            foreach (var term in never)
                Regex.IsMatch(text, $@"\b{Regex.Escape(term)}\b", RegexOptions.IgnoreCase).ShouldBeFalse($"'{term}' in {Describe(request, "*", text)}");
        }
    }

    [Fact]
    public void TheBriefsOwnWordsAreCleanedByTheBrandsRules()
    {
        var brief = FreshForkLaunch with
        {
            Product = "freshfork box",
            KeyMessages = ["Made for customers with busy weeks", "Guaranteed fresh or your money back",
                "Cheaper than HelloFresh", "Every freshfork box is packed to order"],
            Offer = "SPECIAL pricing on your first box",
        };
        var texts = ChannelCatalog.All.SelectMany(c => Enumerable.Range(0, 5)
            .Select(v => AllText(Write(new CompositionRequest(FreshFork, FreshForkSegments[1], c, brief, v, 3))))).ToList();
        var all = string.Join("\n", texts);

        all.ShouldNotContain("customers", Case.Insensitive);
        all.ShouldContain("home cooks with busy weeks", Case.Insensitive);
        all.ShouldNotContain("guarantee", Case.Insensitive);
        all.ShouldNotContain("HelloFresh", Case.Insensitive);
        all.ShouldNotContain("freshfork box", Case.Sensitive);
        all.ShouldContain("Every FreshFork Box is packed to order");
        all.ShouldNotContain("SPECIAL", Case.Sensitive);
        all.ShouldContain("pecial pricing on your first box");
    }

    [Fact]
    public void ARegulatedBrandNeverExclaimsAndUsesNoEmoji()
    {
        foreach (var (request, fields) in Everything().Where(x => x.Request.Brand.Regulated))
        {
            var text = AllText(fields);
            text.ShouldNotContain('!', Describe(request, "*", text));
            HasEmoji(text).ShouldBeFalse(Describe(request, "*", text));
        }
    }

    [Fact]
    public void ExclamationMarksStayWithinTheBrandsLimitAndEmojiOnlyWhereAllowed()
    {
        var exclaimed = 0;
        foreach (var (request, fields) in Everything())
        {
            var text = AllText(fields);
            text.Count(c => c == '!').ShouldBeLessThanOrEqualTo(request.Brand.Style.MaxExclamations, Describe(request, "*", text));
            if (!request.Brand.Style.EmojiAllowed || request.Channel.Kind == ChannelKind.Sms)
                HasEmoji(text).ShouldBeFalse(Describe(request, "*", text));
            if (text.Contains('!')) exclaimed++;
        }
        exclaimed.ShouldBeGreaterThan(0, "the playful brand should sometimes use its one exclamation mark");
    }

    [Fact]
    public void CallsToActionComeFromTheBrief()
    {
        foreach (var (request, fields) in Everything())
        {
            if (fields.TryGetValue("cta", out var cta)) cta.ShouldBe(request.Brief.CallToAction);
            if (request.Channel.Kind is ChannelKind.Sms) fields["body"].ShouldContain(request.Brief.CallToAction, Case.Sensitive, fields["body"]);
        }
    }

    [Fact]
    public void CopyUsesTheSegmentsInterestsAndPainPoints()
    {
        foreach (var segment in FreshForkSegments.Concat(NorthbankSegments))
        {
            var (brand, brief) = segment.BrandSlug == "fresh-fork" ? (FreshFork, FreshForkLaunch) : (Northbank, NorthbankSaver);
            var all = string.Join("\n", Enumerable.Range(0, 8).Select(v =>
                AllText(Write(new CompositionRequest(brand, segment, ChannelCatalog.Email, brief, v, 5)))));
            segment.Interests.ShouldContain(i => all.Contains(i, StringComparison.OrdinalIgnoreCase), segment.Key);
            segment.PainPoints.ShouldContain(p => all.Contains(p, StringComparison.OrdinalIgnoreCase), segment.Key);
        }
    }

    private static HashSet<string> Numbers(string text) => NumberPattern().Matches(text).Select(m => m.Value).ToHashSet();

    private static bool HasEmoji(string text) =>
        text.EnumerateRunes().Any(r => r.Value >= 0x1F000 || r.Value is (>= 0x2600 and <= 0x27BF));

    private static string Describe(CompositionRequest r, string field, string text) =>
        $"{r.Brand.Slug}/{r.Segment.Key}/{r.Brief.Name}/{r.Channel.Key}/v{r.VariantIndex} [{r.Feedback}] {field}: {text}";

    [GeneratedRegex(@"\d+")]
    private static partial Regex NumberPattern();
}
