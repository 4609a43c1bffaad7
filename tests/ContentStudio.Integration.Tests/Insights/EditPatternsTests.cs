using ContentStudio.Core.Channels;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Insights;
using ContentStudio.Core.Insights.Edits;
using ContentStudio.Core.Review;
using ContentStudio.Integration.Tests.Infrastructure;
using ContentStudio.Integration.Tests.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Kernel;
using static ContentStudio.Testing.People;

namespace ContentStudio.Integration.Tests.Insights;

/// <summary>Learning from edits on a real SQLite database: saved edits are diffed field by field and the same phrase
/// change in several variants of a brand becomes a suggestion (counted by hand below), never a change.</summary>
public sealed class EditPatternsTests : StudioTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        Task.FromResult<(DatabaseProvider, string, Action?)>(TestDatabases.Sqlite());

    protected override void ConfigureServices(IServiceCollection services) => services.AddInsights();

    [Fact]
    public async Task TheSamePhraseReplacedInThreeVariantsIsSuggestedWithItsTemplates()
    {
        var now = Studio.Clock.GetUtcNow().UtcDateTime;
        var lumen = await Studio.CampaignAsync("Edits", 3, null,
            variants: Enumerable.Range(0, 4).Select(_ => new QueueSeed.Spec("students", ChannelKind.Email, Gate.Clean)));
        var acme = await Studio.CampaignAsync("Elsewhere", 3, null, brand: "acme", variants: [new("students", ChannelKind.Email, Gate.Clean)]);
        await using (var db = Studio.Db())
        {
            var v = await db.Variants.Where(x => x.CampaignId == lumen.Id).OrderBy(x => x.VariantIndex).ToListAsync();
            var other = await db.Variants.SingleAsync(x => x.CampaignId == acme.Id);
            (v[0].TemplateName, v[1].TemplateName, v[2].TemplateName, v[3].TemplateName, other.TemplateName) =
                ("email-promo", "email-promo", "email-story", "email-story", "email-promo");
            var minutes = 0;
            void Edit(Variant variant, string field, string before, string after, double days = 0) => db.VariantEdits.Add(new VariantEdit
            {
                VariantId = variant.Id, EditedBy = Bree.Id, AtUtc = now.AddDays(days).AddMinutes(++minutes), AuditSequence = minutes,
                BeforeJson = VariantFields.CanonicalJson(new Dictionary<string, string> { ["subject"] = "Same subject", [field == "subject" ? "body" : field] = "Same body", [field] = before }),
                AfterJson = VariantFields.CanonicalJson(new Dictionary<string, string> { ["subject"] = "Same subject", [field == "subject" ? "body" : field] = "Same body", [field] = after }),
                BeforeHash = "b", AfterHash = "a",
            });
            Edit(v[0], "body", "We utilize smart tools.", "We use smart tools.");
            Edit(v[1], "subject", "Utilize it today", "Use it today");
            Edit(v[2], "body", "Teams utilize data", "Teams use data");
            Edit(v[2], "body", "Teams use data", "Teams use data!");
            Edit(v[3], "body", "Hurry, act now", "Act now");
            Edit(v[3], "body", "We utilize it", "We use it", days: -40); // before the period
            Edit(other, "body", "We utilize it", "We use it");            // another brand
            await db.SaveChangesAsync();
        }

        var report = await Studio.Get<EditPatterns>().ForPeriodAsync("lumen", now.AddDays(-1), now.AddDays(1), Pat);

        (report.EditsRead, report.FieldsChanged, report.MinimumVariants).ShouldBe((5, 5, 3));
        var top = report.Patterns[0];
        (top.Brand, top.Removed, top.Added, top.Variants, top.Edits, top.Suggested).ShouldBe(("lumen", "utilize", "use", 3, 3, true));
        top.Templates.ShouldBe(new Dictionary<string, int> { ["email-promo"] = 2, ["email-story"] = 1 });
        top.Suggestion.ShouldStartWith("Reviewers replaced “utilize” with “use” in 3 variants: add “utilize” to the brand guide's deprecated terms");
        top.Examples.Count.ShouldBe(3);
        report.Patterns.Skip(1).Select(p => (p.Removed, p.Added, p.Variants, p.Suggested))
            .ShouldBe([("Hurry, act", "Act", 1, false), ("", "!", 1, false)], ignoreOrder: true);
        report.Patterns.Single(p => p.Added == "!").Suggestion.ShouldBe("Reviewers added “!” in 1 variant.");

        var all = await Studio.Get<EditPatterns>().ForPeriodAsync(null, now.AddDays(-1), now.AddDays(1), Pat);
        all.Patterns.Single(p => p.Brand == "acme").Variants.ShouldBe(1);
        all.Patterns.Single(p => p.Brand == "lumen" && p.Added == "use").Variants.ShouldBe(3);
    }
}
