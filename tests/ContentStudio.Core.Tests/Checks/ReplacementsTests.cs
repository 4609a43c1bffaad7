using ContentStudio.Core.Checks;
using ContentStudio.Core.Checks.Hooks;

namespace ContentStudio.Core.Tests.Checks;

/// <summary>Suggestions a person can trust: a replacement is offered only where it fits (tokens, form, capitals), only
/// for the span of the rule that suggested it, previewed as the sentence it makes, and applied only to the text the
/// check saw.</summary>
public class ReplacementsTests
{
    private static readonly CheckPipeline Pipeline = new CheckPipelineFactory().ForBrand(null);

    /// <summary>The replacements offered for the one finding of <paramref name="rulePrefix"/> the checks make in <paramref name="text"/>.</summary>
    private static IReadOnlyList<SuggestedEdit> Offered(string text, string rulePrefix)
    {
        var finding = Pipeline.Run(text).Findings.Single(f => f.RuleId.StartsWith(rulePrefix, StringComparison.Ordinal));
        return Replacements.For(text, finding);
    }

    private static Finding At(string text, string span, string ruleId, string? suggestion, int occurrence = 0)
    {
        var start = -1;
        for (var i = 0; i <= occurrence; i++) start = text.IndexOf(span, start + 1, StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0);
        return new Finding(ruleId, "c", Severity.Warning, "body", start, span.Length, span, "why", suggestion);
    }

    [Fact]
    public void AnInclusiveTermOffersEachAlternativeAsItsOwnReplacement()
    {
        var edits = Offered("Hey guys, the new blend is here.", "inclusive.gender");
        edits.Select(e => e.Replacement).ShouldBe(["everyone", "folks", "all", "team"]);
        edits[0].NewText.ShouldBe("Hey everyone, the new blend is here.");
        edits[0].Label.ShouldBe("Use “everyone”");
    }

    [Fact]
    public void ThePreviewIsTheSentenceBeforeAndAfterNotTheWholeField()
    {
        var text = "Fresh beans every week. Hey guys, the new blend is here! Order today.";
        var edit = Offered(text, "inclusive.gender")[0];
        edit.Sentence.ShouldBe(new SentenceChange("Hey guys, the new blend is here!", "Hey everyone, the new blend is here!"));
    }

    [Theory]
    [InlineData("Our chairman welcomes you.", "Our chair welcomes you.", "Our chairperson welcomes you.")]
    [InlineData("Chairman's picks are back.", "Chair's picks are back.", "Chairperson's picks are back.")] // sentence-initial, possessive
    [InlineData("Meet our chairmen at the fair.", "Meet our chairs at the fair.", "Meet our chairpeople at the fair.")] // plural
    [InlineData("A GIFT FOR THE CHAIRMAN", "A GIFT FOR THE CHAIR", "A GIFT FOR THE CHAIRPERSON")]            // ALL CAPS stays ALL CAPS
    public void AReplacementTakesTheFormAndCapitalsOfTheWordsItReplaces(string text, params string[] expected) =>
        Offered(text, "inclusive.gender").Select(e => e.NewText).ShouldBe(expected);

    [Fact]
    public void AnIrregularVerbIsNotOfferedInAFormItCannotTake()
    {
        // "run" has no "-ed" past: "will be runed" would be wrong, so only the regular verbs are offered.
        var edits = Offered("The booth will be manned all day.", "inclusive.gender");
        edits.Select(e => e.NewText).ShouldBe(["The booth will be staffed all day.", "The booth will be operated all day."]);
    }

    [Fact]
    public void AListedSingularFormTakesTheSingularOfThePluralSuggestion()
    {
        var edits = Offered("A gift for the old person in your life.", "inclusive.age");
        edits.Select(e => e.NewText).ShouldBe(["A gift for the older person in your life.", "A gift for the older adult in your life."]);
    }

    [Fact]
    public void ASuggestionWrittenForOneTermIsNotOfferedForAnotherTerm()
    {
        // "young people only" once shared the job-ad term's suggestion ("no experience needed"): it read
        // "free money for no experience needed". Its own suggestion fits its own words.
        var edits = Offered("Free money for young people only.", "inclusive.age");
        edits.Select(e => e.NewText).ShouldBe(["Free money for everyone."]);
    }

    [Fact]
    public void AdviceIsNotOfferedAsReplacementText()
    {
        Replacements.For("This is AMAZING", new Finding("brand.voice.hype", "c", Severity.Warning, "body", 8, 7, "AMAZING", "hype", "a concrete benefit")).ShouldBeEmpty();
        Replacements.For("OK boomer, try it.", At("OK boomer, try it.", "OK boomer", "inclusive.age.ok-boomer", "remove it")).ShouldBeEmpty();
        Replacements.For("Millennials are lazy.", At("Millennials are", "Millennials are", "inclusive.age.millennials-are", "describe the behaviour, not the generation")).ShouldBeEmpty();
        Replacements.For("He is a cripple.", At("He is a cripple.", "cripple", "inclusive.disability.cripple", "disabled person; for the figure of speech, severe or paralysing")).ShouldBeEmpty();
    }

    [Fact]
    public void AFindingWithoutASpanHasNothingToReplace() =>
        Replacements.For("Some text.", new Finding("inclusive.age.elderly", "inclusive.age", Severity.Warning, "body", 0, 0, "", "why", "older people")).ShouldBeEmpty();

    [Fact]
    public void AStaleFindingOffersNothing()
    {
        // The check saw "guys" at 4; the text has changed since (someone saved): nothing is offered at the old offset.
        var stale = At("Hey guys, the blend.", "guys", "inclusive.gender.guys", "everyone");
        Replacements.For("Hey you guys, the blend.", stale).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Join #LumenRoastClub today.", "LumenRoastClub", "Lumen Roast Club")] // the product name, spelled as a tag
    [InlineData("Join #lumenroastclub today.", "lumenroastclub", "Lumen Roast Club")]
    public void AProductNameInsideAHashtagStaysOneToken(string text, string span, string name)
    {
        var f = At(text, span, "brand.product-name", name);
        var edits = Replacements.For(text, f);
        edits.ShouldAllBe(e => !e.Replacement.Contains(' '));
        edits.ShouldAllBe(e => !e.NewText.Contains("#Lumen Roast"));
    }

    [Fact]
    public void AHashtagReplacementIsJoinedInTheTagsStyle()
    {
        var camel = "Tag us #GuysNightOut";
        Replacements.For(camel, At(camel, "Guys", "inclusive.gender.guys", "everyone / all of you")).Select(e => e.NewText)
            .ShouldBe(["Tag us #EveryoneNightOut", "Tag us #AllOfYouNightOut"]);
        var lower = "Tag us #guysnightout";
        Replacements.For(lower, At(lower, "guys", "inclusive.gender.guys", "everyone")).Single().NewText.ShouldBe("Tag us #everyonenightout");
    }

    [Theory]
    [InlineData("Follow @crazyroasters for news.", "crazy")]            // a handle names an account
    [InlineData("Write to crazy@lumen.example now.", "crazy")]           // an address
    [InlineData("See https://lumen.example/crazy-deals now.", "crazy")]  // a link
    [InlineData("See www.crazydeals.example today.", "crazy")]
    [InlineData("Visit crazydeals.com today.", "crazy")]
    public void NothingIsOfferedInsideAHandleAnAddressOrALink(string text, string span) =>
        Replacements.For(text, At(text, span, "inclusive.disability.crazy", "wild / amazing")).ShouldBeEmpty();

    [Fact]
    public void AProductNameKeepsItsExactSpellingWhereverItStands()
    {
        var text = "try lumen roast club today.";
        var edit = Replacements.For(text, At(text, "lumen roast club", "brand.product-name", "Lumen Roast Club")).Single();
        edit.NewText.ShouldBe("try Lumen Roast Club today.");
        var possessive = "The lumen roast club's beans.";
        Replacements.For(possessive, At(possessive, "lumen roast club's", "brand.product-name", "Lumen Roast Club")).Single().NewText
            .ShouldBe("The Lumen Roast Club's beans.");
    }

    [Theory]
    [InlineData("AMAZING coffee, every day.", "AMAZING", "Amazing coffee, every day.")]  // sentence-initial
    [InlineData("This is AMAZING coffee.", "AMAZING", "This is amazing coffee.")]       // mid-sentence: lower case
    [InlineData("Fresh. INCREDIBLE taste.", "INCREDIBLE", "Fresh. Incredible taste.")]
    public void ShoutingBecomesTheWordWithCapitalsOnlyWhereTheyBelong(string text, string span, string expected)
    {
        var f = At(text, span, "brand.voice.all-caps", "Whatever");
        Replacements.For(text, f).Single().NewText.ShouldBe(expected);
    }

    [Fact]
    public void ASecondExclamationMarkIsRemovedAndALoneOneBecomesAFullStop()
    {
        var doubled = "Great coffee!! Try it.";
        var second = At(doubled, "!", "brand.voice.exclamation", ".", occurrence: 1);
        var edit = Replacements.For(doubled, second).Single();
        (edit.Removes, edit.NewText, edit.Label).ShouldBe((true, "Great coffee! Try it.", "Remove “!”"));
        var single = "Wow! Try it.";
        Replacements.For(single, At(single, "!", "brand.voice.exclamation", ".")).Single().NewText.ShouldBe("Wow. Try it.");
    }

    [Fact]
    public void RemovingAnEmojiLeavesNoDoubleSpace()
    {
        var text = "Good morning ☕ and welcome.";
        Replacements.For(text, At(text, "☕", "brand.voice.emoji", "remove the emoji")).Single().NewText.ShouldBe("Good morning and welcome.");
        var atEnd = "Good morning ☕.";
        Replacements.For(atEnd, At(atEnd, "☕", "brand.voice.emoji", "remove the emoji")).Single().NewText.ShouldBe("Good morning.");
    }

    [Fact]
    public void OverlappingFindingsEachOfferTheirOwnRulesReplacementForTheirOwnSpan()
    {
        // Two rules on overlapping words: each finding's buttons replace exactly its span with its rule's suggestion.
        var text = "Hey guys, CRAZY deals today.";
        var guys = At(text, "guys", "inclusive.gender.guys", "everyone");
        var crazy = At(text, "CRAZY", "inclusive.disability.crazy", "wild");
        var caps = At(text, "CRAZY", "brand.voice.all-caps", "Crazy");
        Replacements.For(text, guys).Single().NewText.ShouldBe("Hey everyone, CRAZY deals today.");
        Replacements.For(text, crazy).Single().NewText.ShouldBe("Hey guys, WILD deals today.");
        Replacements.For(text, caps).Single().NewText.ShouldBe("Hey guys, crazy deals today.");
    }

    [Fact]
    public void ApplyingChecksTheTextStillReadsAsTheCheckSawIt()
    {
        var fields = new Dictionary<string, string> { ["body"] = "Hey guys, the blend.", ["subject"] = "New" };
        var edit = Replacements.For(fields["body"], At(fields["body"], "guys", "inclusive.gender.guys", "everyone")).Single();

        Replacements.Apply(fields, edit).ShouldBe(new Dictionary<string, string> { ["body"] = "Hey everyone, the blend.", ["subject"] = "New" });

        var changed = new Dictionary<string, string>(fields) { ["body"] = "Hey there guys, the blend." };
        Should.Throw<InvalidOperationException>(() => Replacements.Apply(changed, edit)).Message.ShouldContain("changed since the checks ran");
    }

    [Fact]
    public void AfterApplyingAFreshCheckPointsAtTheRemainingProblemsWhereTheyNowAre()
    {
        // The reported bug: after an edit the remaining highlights were off by the length difference. The page reads the
        // findings of a fresh check of the new text; every remaining span reads as its finding says.
        var text = "Hey guys, our chairman picks a CRAZY blend.";
        var guys = Pipeline.Run(text).Findings.Single(f => f.RuleId == "inclusive.gender.guys");
        var after = Replacements.For(text, guys).Single(e => e.Replacement == "everyone").NewText;
        var fresh = Pipeline.Run(after).Findings.Where(f => f.Length > 0).ToList();
        fresh.ShouldNotBeEmpty();
        fresh.ShouldAllBe(f => Replacements.StillReads(after, f));
        fresh.ShouldContain(f => f.Text == "chairman" && f.Start == after.IndexOf("chairman", StringComparison.Ordinal));
    }
}

public class CampaignFindingSpansTests
{
    private static Finding Offer(int start, string text) =>
        new("campaign.consistency.offer", CheckCategories.Consistency, Severity.Warning, "body", start, text.Length, text, "differs");

    [Fact]
    public void AfterAnEditACampaignFindingPointsAtItsWordsWhereTheyNowAreOrAtTheWholeField()
    {
        var moved = Offer(11, "20% off");            // "Hey guys, 20% off today." → "Hey everyone, 20% off today."
        var gone = Offer(0, "Hey guys");             // the words are no longer there
        var twice = Offer(4, "off");                 // ambiguous in the new text: no guess
        var whole = new Finding("campaign.duplicates", CheckCategories.Duplicates, Severity.Info, "body", 0, 0, "", "near-duplicate");
        var other = new Finding("campaign.consistency.offer", CheckCategories.Consistency, Severity.Warning, "subject", 0, 3, "New", "x");

        var after = CampaignFindingSpans.AfterEdit([moved, gone, twice, whole, other],
            new Dictionary<string, string> { ["body"] = "Hey everyone, 20% off today, off we go.", ["subject"] = "New" });

        after[0].ShouldBe(moved with { Start = 14 });
        after[1].ShouldBe(gone with { Start = 0, Length = 0, Text = "" });
        after[2].ShouldBe(twice with { Start = 0, Length = 0, Text = "" });
        after[3].ShouldBe(whole);
        after[4].ShouldBe(other); // an unchanged field keeps its spans
    }
}
