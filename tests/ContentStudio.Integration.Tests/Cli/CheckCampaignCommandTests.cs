using System.Text.Json;

namespace ContentStudio.Integration.Tests.Cli;

/// <summary>`studio check-campaign --input campaigns.jsonl --format jsonl` run as the real process: one result line per
/// campaign in input order, one finding per disparity naming every variant and the attribute, a bad line answered in
/// its place with its line number and field while the others still run, and a brand's vocabulary folder applied.</summary>
public sealed class CheckCampaignCommandTests : IDisposable
{
    readonly CliWorkspace _workspace = CliWorkspace.Sqlite();

    public void Dispose() => _workspace.Dispose();

    const string Unfair = """{"id":"rates","brief":{"product":"Auto loan","offer":"rates from 5.49% APR"},"segments":[{"key":"young","attributes":{"age":"18-24"},"protected":["age"]},{"key":"older","attributes":{"age":"65+"},"protected":["age"]}],"variants":[{"id":"y1","segment":"young","channel":"email","field":"body","text":"Drive away sooner with rates from 5.49% APR."},{"id":"o1","segment":"older","channel":"email","field":"body","text":"Drive away sooner with rates from 7.99% APR."}]}""";

    const string Sanctioned = """{"id":"loyalty","brief":{"offer":"10% off","extras":[{"segments":["gold"],"text":"double points for Gold members"}]},"segments":[{"key":"gold","attributes":{"age":"55+"},"protected":["age"]},{"key":"new","attributes":{"age":"18-34"},"protected":["age"]}],"variants":[{"id":"g","segment":"gold","channel":"email","text":"Take 10% off this week, and as a Gold member you earn double points."},{"id":"n","segment":"new","channel":"email","text":"Take 10% off this week on everything in store."}]}""";

    const string BadField = """{"id":"bad","segments":[{"key":"a","protected":["age"]}],"variants":[{"id":"1","segment":"a","channel":"email","field":"footer","text":"Hello"}]}""";

    [Fact]
    public async Task PrintsOneLinePerCampaignAndAnswersABadLineInItsPlace()
    {
        var input = _workspace.WriteFile("campaigns.jsonl", string.Join("\n", Unfair, BadField, Sanctioned) + "\n");

        var result = await _workspace.RunAsync("check-campaign", "--input", input, "--format", "jsonl");

        result.ExitCode.ShouldBe(2, result.ToString());
        var lines = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.Count.ShouldBe(3, result.ToString());

        lines[0].GetProperty("id").GetString().ShouldBe("rates");
        lines[0].GetProperty("gate").GetString().ShouldBe("blocked");
        var finding = lines[0].GetProperty("findings").EnumerateArray().Single();
        finding.GetProperty("rule").GetString().ShouldBe("campaign.fairness.price-disparity");
        finding.GetProperty("type").GetString().ShouldBe("price-disparity");
        finding.GetProperty("severity").GetString().ShouldBe("blocker");
        finding.GetProperty("variants").EnumerateArray().Select(v => v.GetString()).ShouldBe(["y1", "o1"], ignoreOrder: true);
        finding.GetProperty("attribute").GetString().ShouldBe("age");
        finding.GetProperty("message").GetString()!.ShouldContain("7.99%");

        lines[1].GetProperty("line").GetInt32().ShouldBe(2);
        lines[1].GetProperty("field").GetString().ShouldBe("variants[0].field");
        lines[1].GetProperty("error").GetString()!.ShouldContain("use subject, preheader, body, cta");

        lines[2].GetProperty("id").GetString().ShouldBe("loyalty");
        lines[2].GetProperty("findings").GetArrayLength().ShouldBe(0, "the brief sanctions the Gold members' double points");
        result.StdErr.ShouldContain("could not be read");
    }

    [Fact]
    public async Task ABrandVocabularyFolderAddsItsPhrasesAndAFileErrorIsAUsageError()
    {
        var campaign = """{"id":"house","segments":[{"key":"low","attributes":{"income":"low"},"protected":["income"]},{"key":"high","attributes":{"income":"high"},"protected":["income"]}],"variants":[{"id":"l","segment":"low","channel":"social","text":"Straight from the bargain bin to your door."},{"id":"h","segment":"high","channel":"social","text":"Straight from the studio to your door."}]}""";
        var input = _workspace.WriteFile("one.jsonl", campaign + "\n");

        var plain = await _workspace.RunAsync("check-campaign", "--input", input);
        plain.ExitCode.ShouldBe(0, plain.ToString());

        _workspace.WriteFile("words/house.yaml", "kind: stereotype\nattribute: income\ngroups:\n  - values: [low]\n    why: our house rule.\n    phrases: [bargain bin]\n");
        var withWords = await _workspace.RunAsync("check-campaign", "--input", input, "--vocabulary", Path.Combine(_workspace.Folder, "words"), "--fail-on", "warning");
        withWords.ExitCode.ShouldBe(1, withWords.ToString());
        withWords.StdOut.ShouldContain("\"type\":\"stereotype\"");
        withWords.StdOut.ShouldContain("our house rule.");

        _workspace.WriteFile("broken/bad.yaml", "kind: stereotype\nattribute: income\ngroups:\n  - values: [low]\n    phrases: [x]\n");
        var broken = await _workspace.RunAsync("check-campaign", "--input", input, "--vocabulary", Path.Combine(_workspace.Folder, "broken"));
        broken.ExitCode.ShouldBe(2, broken.ToString());
        broken.StdErr.ShouldContain("bad.yaml: groups[0] has no 'why'");
    }
}
