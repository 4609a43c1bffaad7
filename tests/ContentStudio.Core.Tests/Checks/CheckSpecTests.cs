using ContentStudio.Testing;
using ContentStudio.Core.Checks;

namespace ContentStudio.Core.Tests.Checks;

/// <summary>Runs every example of the spec files under Checks/Specs through the standard pipeline and compares
/// the findings in the example's scope with the expected ones (rule id and matched text, in order).</summary>
public sealed class CheckSpecTests
{
    private static readonly CheckPipelineFactory Factory = new();

    public static TheoryData<CheckSpecExample> Examples()
    {
        var data = new TheoryData<CheckSpecExample>();
        foreach (var e in CheckSpecFile.ReadAll(Path.Combine(TestFiles.ChecksFolder, "Specs"))) data.Add(e);
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void ExampleProducesItsExpectedFindings(CheckSpecExample example)
    {
        var fields = example.Fields.ToDictionary(
            kv => kv.Key == "text" ? VariantContent.DefaultField(example.Channel) : kv.Key, kv => kv.Value);
        var brief = example.Brief is null ? null : Core.Campaigns.BriefFile.Parse(example.Brief, example.File);
        var report = Factory.ForBrand(SpecBrands.Find(example.Brand)).Run(new VariantContent(example.Channel, fields) { Brief = brief });

        var actual = report.Findings
            .Where(f => f.RuleId.StartsWith(example.Scope, StringComparison.Ordinal))
            .Select(f => f.Text.Length > 0 ? $"{f.RuleId} \"{f.Text}\"" : f.RuleId)
            .ToList();
        actual.ShouldBe(example.Expected,
            $"{example.File}:{example.Line} {example.Title}\nwhy: {example.Why}\nall findings:\n" +
            string.Join("\n", report.Findings.Select(f => $"  {f.RuleId} {f.Severity} {f.Field}[{f.Start}+{f.Length}] \"{f.Text}\": {f.Message}")));
        // Spans are UTF-16 offsets into the field: they must point at exactly the reported text.
        foreach (var f in report.Findings.Where(f => fields.ContainsKey(f.Field)))
            fields[f.Field].Substring(f.Start, f.Length).ShouldBe(f.Text, $"span of {f.RuleId}");
    }

    [Fact]
    public void EveryCategoryOfInclusiveLanguageHasSpecExamples()
    {
        var examples = CheckSpecFile.ReadAll(Path.Combine(TestFiles.ChecksFolder, "Specs")).ToList();
        foreach (var category in CheckCategories.Inclusive)
            examples.Count(e => e.Expected.Any(x => x.StartsWith(category + ".", StringComparison.Ordinal))).ShouldBeGreaterThanOrEqualTo(2, category);
    }
}
