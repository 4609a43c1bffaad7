using ContentStudio.Core.Brands;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Prompts;
using ContentStudio.Core.TemplateStudio;
using ContentStudio.Core.Segments;

namespace ContentStudio.Core.Tests.TemplateStudio;

public class EvaluationSetTests
{
    private static string Prompts => RepoPaths.Resolve("prompts", AppContext.BaseDirectory);

    [Fact]
    public void EveryShippedTemplateHasAnEvaluationSetOfSixToTenCasesOnRealBrandsAndSegments()
    {
        var brands = new BrandCatalog(RepoPaths.Resolve("brand-guides", AppContext.BaseDirectory));
        var segments = SegmentCatalogFiles.LoadSamples(brands.Folder).Segments;
        var templates = new PromptCatalog(Prompts).Templates;
        templates.Count.ShouldBe(6);
        foreach (var template in templates)
        {
            var (set, errors) = EvaluationSet.Load(EvaluationSet.PathFor(Prompts, template.Name));
            errors.ShouldBeEmpty();
            set!.Cases.Count.ShouldBeInRange(6, 10, template.Name);
            set.Cases.Select(c => c.Brand).Distinct().Count().ShouldBe(2, $"{template.Name} covers both sample brands");
            foreach (var c in set.Cases)
            {
                brands.Find(c.Brand).ShouldNotBeNull($"{template.Name}: brand {c.Brand}");
                segments.ShouldContain(s => s.BrandSlug == c.Brand && s.Key == c.Segment, $"{template.Name}: {c.Brand}/{c.Segment}");
                c.Brief!.CallToAction.ShouldNotBeNullOrWhiteSpace();
            }
        }
    }

    [Fact]
    public void AMissingFieldIsReportedWithItsCaseNumber()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".eval.json");
        File.WriteAllText(path, """{ "cases": [ { "brand": "a", "segment": "b", "brief": { "product": "p" } }, { "brand": "a", "brief": { "product": "" } } ] }""");
        try
        {
            var (set, errors) = EvaluationSet.Load(path);
            set.ShouldBeNull();
            errors.Select(e => e.Message).ShouldBe(["case 2: 'segment' is missing", "case 2: 'brief.product' is missing"]);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void InvalidJsonIsReportedWithItsLine()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".eval.json");
        File.WriteAllText(path, "{\n  \"cases\": [\n    { \"brand\": }\n  ]\n}");
        try
        {
            var error = EvaluationSet.Load(path).Errors.ShouldHaveSingleItem();
            error.Line.ShouldBe(3);
            error.Message.ShouldStartWith("invalid JSON");
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void AMissingSetSaysWhereItShouldBe() =>
        EvaluationSet.Load(EvaluationSet.PathFor(Prompts, "newsletter")).Errors.ShouldHaveSingleItem()
            .ToString().ShouldContain("evals/newsletter.eval.json: evaluation set not found");
}
