using ContentStudio.Testing;
using System.Text.Json;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Checks;
using ContentStudio.Cli.Check;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.Cli;

public sealed class CheckCommandCoreTests
{
    private sealed class FakeCatalog : IBrandCatalog
    {
        public string Folder => "";
        public IReadOnlyList<Brand> Brands { get; } = [SpecBrands.Acme];
        public IReadOnlyList<SourceError> Errors { get; } = [];
        public Brand? Find(string slug) => Brands.FirstOrDefault(b => b.Slug == slug);
        public void Reload() { }
    }

    private static (int Code, string Out, string Err) Run(string input, CheckCommandOptions options)
    {
        var core = new CheckCommandCore(new CheckPipelineFactory(), new FakeCatalog());
        var output = new StringWriter(); var error = new StringWriter();
        var code = core.Run(options, new StringReader(input), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void ExitsZeroWhenNothingReachesFailOn()
    {
        var (code, output, _) = Run("Hey guys, our sale starts now.", new());
        code.ShouldBe(CheckExitCodes.Ok);
        output.ShouldContain("needs review");
        output.ShouldContain("body:1:5 warning inclusive.gender.guys");
    }

    [Fact]
    public void ExitsOneWhenAFindingReachesFailOn()
    {
        Run("Hey guys, our sale starts now.", new() { FailOn = "warning" }).Code.ShouldBe(CheckExitCodes.Findings);
        Run("Guaranteed returns.", new() { Brand = "acme" }).Code.ShouldBe(CheckExitCodes.Findings);
    }

    [Theory]
    [InlineData("xml", null, null, null, "--format")]
    [InlineData("text", "info", null, null, "--fail-on")]
    [InlineData("text", "blocker", "fax", null, "--channel")]
    [InlineData("text", "blocker", null, "globex", "--brand 'globex' (known brands: acme)")]
    public void ExitsTwoOnUsageErrorsNamingTheOption(string format, string? failOn, string? channel, string? brand, string expected)
    {
        var (code, _, error) = Run("Hello", new() { Format = format, FailOn = failOn ?? "blocker", Channel = channel, Brand = brand });
        code.ShouldBe(CheckExitCodes.UsageOrInput);
        error.ShouldContain(expected);
    }

    [Fact]
    public void ExitsTwoOnEmptyInput() => Run("  \n", new()).Code.ShouldBe(CheckExitCodes.UsageOrInput);

    [Fact]
    public void WritesJsonWithGateScoresAndFindings()
    {
        var (_, output, _) = Run("Crazy deals for the elderly.", new() { Format = "json" });
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.GetProperty("gate").GetString().ShouldBe("needsReview");
        root.GetProperty("score").GetInt32().ShouldBe(60);
        root.GetProperty("categoryScores").GetProperty("inclusive.age").GetInt32().ShouldBe(80);
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        findings.Select(f => f.GetProperty("ruleId").GetString()).ShouldBe(["inclusive.disability.crazy", "inclusive.age.the-elderly"]);
        findings[1].GetProperty("start").GetInt32().ShouldBe(16);
        root.GetProperty("notRun").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public void WritesSarifWithUtf16RegionsAndLevels()
    {
        var (_, output, _) = Run("Guaranteed returns 🚀", new() { Format = "sarif", Brand = "acme", SourceName = "ad.txt" });
        using var doc = JsonDocument.Parse(output);
        var run = doc.RootElement.GetProperty("runs")[0];
        doc.RootElement.GetProperty("version").GetString().ShouldBe("2.1.0");
        run.GetProperty("columnKind").GetString().ShouldBe("utf16CodeUnits");
        var results = run.GetProperty("results").EnumerateArray().ToList();
        var claim = results.Single(r => r.GetProperty("ruleId").GetString() == "claims.unapproved");
        claim.GetProperty("level").GetString().ShouldBe("error");
        var location = claim.GetProperty("locations")[0].GetProperty("physicalLocation");
        location.GetProperty("artifactLocation").GetProperty("uri").GetString().ShouldBe("ad.txt");
        location.GetProperty("region").GetProperty("charLength").GetInt32().ShouldBe(10);
        var emoji = results.Single(r => r.GetProperty("ruleId").GetString() == "brand.voice.emoji");
        emoji.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("charLength").GetInt32().ShouldBe(2);
    }

    [Fact]
    public void AcceptsAJsonItemWithChannelAndFields()
    {
        var item = """{"channel":"push","fields":{"title":"Spring is here","body":"Shop the new range today."}}""";
        var (code, output, _) = Run(item, new() { Format = "json" });
        code.ShouldBe(CheckExitCodes.Ok);
        JsonDocument.Parse(output).RootElement.GetProperty("findings").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public void BatchAnswersEveryLineInOrderAndReportsMalformedLinesInPlace()
    {
        var input = string.Join("\n",
            """{"id": 1, "text": "Hey guys, welcome."}""",
            """{"id": "b", "text": "🎉 Crazy deals", "channel": "sms"}""",
            """{"id": 3, "text": 42}""",
            "not json",
            "",
            """{"id": 5, "text": "A calm, clear message."}""");
        var (code, output, _) = Run(input, new() { Format = "jsonl" });
        code.ShouldBe(CheckExitCodes.UsageOrInput);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.Count.ShouldBe(5);
        lines[0].GetProperty("id").GetInt32().ShouldBe(1);
        lines[0].GetProperty("findings")[0].GetProperty("ruleId").GetString().ShouldBe("inclusive.gender.guys");
        lines[1].GetProperty("id").GetString().ShouldBe("b");
        var crazy = lines[1].GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "inclusive.disability.crazy");
        crazy.GetProperty("start").GetInt32().ShouldBe(3);
        crazy.GetProperty("length").GetInt32().ShouldBe(5);
        crazy.TryGetProperty("field", out _).ShouldBeFalse();
        lines[2].GetProperty("line").GetInt32().ShouldBe(3);
        lines[2].GetProperty("error").GetString()!.ShouldContain("text");
        lines[3].GetProperty("line").GetInt32().ShouldBe(4);
        lines[4].GetProperty("id").GetInt32().ShouldBe(5);
        lines[4].GetProperty("score").GetInt32().ShouldBe(100);
    }

    [Fact]
    public void BatchKeepsOrderAcrossParallelBlocks()
    {
        var input = string.Join("\n", Enumerable.Range(0, 5000).Select(i => $$"""{"id": {{i}}, "text": "Item {{i}} for the elderly"}"""));
        var (code, output, _) = Run(input, new() { Format = "jsonl", FailOn = "warning" });
        code.ShouldBe(CheckExitCodes.Findings);
        var ids = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetInt32());
        ids.ShouldBe(Enumerable.Range(0, 5000));
    }
}
