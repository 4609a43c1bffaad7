using ContentStudio.Testing;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Checks.Judges;
using Microsoft.Extensions.AI;

namespace ContentStudio.Core.Tests.Checks;

public sealed class LlmJudgeTests
{
    /// <summary>A hand-written IChatClient that answers every request with the next canned text.</summary>
    /// <summary>A fake model that answers with <paramref name="answers"/> in turn ("THROW": the provider fails).</summary>
    private static TestChatClient CannedChatClient(params string[] answers) =>
        answers.Aggregate(new TestChatClient(), (client, answer) =>
            answer == "THROW" ? client.ThenThrow(new HttpRequestException("503")) : client.ThenReply(answer));

    private static IReadOnlyList<JudgeRubric> Rubrics() =>
        JudgeRubric.LoadFolder(Path.Combine(TestFiles.RepoRoot(), "prompts", "judges"));

    private static readonly VariantContent Copy = VariantContent.FromText("Busy mums can finally relax: dinner sorted in ten minutes.");

    [Fact]
    public void LoadsTheRubricsUnderPromptsJudges()
    {
        Rubrics().Select(r => r.RuleId).ShouldBe(["judge.subtle-bias", "judge.voice-match"]);
        Rubrics().Select(r => r.RuleId).ShouldBe(LlmJudgeCheck.JudgeRules, ignoreOrder: true);
    }

    [Fact]
    public void RejectsARubricWithoutCopySlotNamingTheFile()
    {
        var e = Should.Throw<FormatException>(() => JudgeRubric.Parse("x.md", "---\nname: x\nrule_id: judge.x\n---\nJudge this."));
        e.Message.ShouldStartWith("x.md:");
    }

    [Fact]
    public async Task WithTheOfflineComposerEveryJudgeIsNotRunAndNothingIsSent()
    {
        var client = CannedChatClient("""{"verdict":"pass"}""");
        var outcome = await new LlmJudgeRunner(client, Rubrics(), realProvider: false).RunAsync(Copy, SpecBrands.Acme, null);
        outcome.Findings.ShouldBeEmpty();
        outcome.NotRun.Count.ShouldBe(2);
        client.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task AFailingVerdictBecomesFindingsAtTheQuotedText()
    {
        var client = CannedChatClient(
            """{"verdict":"fail","reasons":["assumes mothers cook"],"quotes":[{"text":"Busy mums","why":"assumes only mothers cook dinner"}]}""",
            """{"score":4,"verdict":"pass","reasons":[]}""");
        var outcome = await new LlmJudgeRunner(client, Rubrics(), realProvider: true).RunAsync(Copy, SpecBrands.Acme, null);
        var f = outcome.Findings.Single();
        f.RuleId.ShouldBe("judge.subtle-bias");
        (f.Start, f.Length, f.Text).ShouldBe((0, 9, "Busy mums"));
        client.Calls[0].Messages.Last().Text.ShouldContain("Busy mums can finally relax");
    }

    [Fact]
    public async Task InThePipelineALiveJudgeIsAnOrdinaryCheckThatScoresAndGates()
    {
        var client = CannedChatClient(
            """{"verdict":"fail","reasons":["assumes mothers cook"],"quotes":[{"text":"Busy mums","why":"assumes only mothers cook dinner"}]}""",
            """{"score":4,"verdict":"pass","reasons":[]}""");
        var pipeline = new CheckPipelineBuilder().UseJudges(new LlmJudgeRunner(client, Rubrics(), realProvider: true)).Build();

        var report = await pipeline.RunAsync(Copy);

        client.Calls.Count.ShouldBe(2);
        report.Findings.ShouldHaveSingleItem().RuleId.ShouldBe("judge.subtle-bias");
        report.Gate.ShouldBe(Gate.NeedsReview);
        report.NotRun.ShouldBeEmpty();
        report.CategoryScores[CheckCategories.Judge].ShouldBe(80);
    }

    [Fact]
    public async Task InThePipelineWithoutAModelEveryJudgeIsReportedNotRunAndNothingIsSent()
    {
        var client = CannedChatClient("""{"verdict":"pass"}""");
        var report = await new CheckPipelineBuilder().UseJudges(new LlmJudgeRunner(client, Rubrics(), realProvider: false)).Build().RunAsync(Copy);

        client.Calls.ShouldBeEmpty();
        report.NotRun.Select(n => n.RuleId).ShouldBe(LlmJudgeCheck.JudgeRules, ignoreOrder: true);
        report.CategoryScores.ContainsKey(CheckCategories.Judge).ShouldBeFalse();
        report.Gate.ShouldBe(Gate.Clean);
    }

    [Theory]
    [InlineData("THROW")]
    [InlineData("I think it is fine")]
    [InlineData("""{"verdict":"maybe"}""")]
    public async Task AJudgeThatFailsOrAnswersGarbageSendsTheItemToAPerson(string answer)
    {
        var outcome = await new LlmJudgeRunner(CannedChatClient(answer), Rubrics(), realProvider: true).RunAsync(Copy, null, null);
        outcome.Findings.Count.ShouldBe(2);
        outcome.Findings.ShouldAllBe(f => f.RuleId == LlmJudgeRunner.ErrorRule && f.Severity == Severity.Warning);
    }
}
