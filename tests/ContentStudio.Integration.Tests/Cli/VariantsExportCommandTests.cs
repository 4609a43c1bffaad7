using System.Text.Json;
using ContentStudio.Core.Kernel;
using Microsoft.EntityFrameworkCore;

namespace ContentStudio.Integration.Tests.Cli;

/// <summary>`studio variants export` as a marketer runs it after `studio generate`: a real process, a real SQLite file.</summary>
public sealed class VariantsExportCommandTests : IDisposable
{
    readonly CliWorkspace _workspace = CliWorkspace.Sqlite();

    public void Dispose() => _workspace.Dispose();

    async Task<Guid> GenerateAsync()
    {
        var generated = await _workspace.RunAsync("generate", "--brief", CliWorkspace.SampleBrief, "--quiet");
        generated.ExitCode.ShouldBe(0, generated.ToString());
        await using var db = _workspace.Db();
        return (await db.Campaigns.AsNoTracking().SingleAsync()).Id;
    }

    [Fact]
    public async Task JsonLinesHoldEveryVariantWithItsFieldsChecksAndProvenance()
    {
        var campaign = await GenerateAsync();
        await using var db = _workspace.Db();
        var stored = await db.Variants.AsNoTracking().ToListAsync();

        var result = await _workspace.RunAsync("variants", "export", "--campaign", campaign.ToString());

        result.ExitCode.ShouldBe(0, result.ToString());
        var lines = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.Count.ShouldBe(stored.Count);
        lines.Select(l => l.GetProperty("variantId").GetGuid()).ShouldBe(stored.Select(v => v.Id), ignoreOrder: true);
        foreach (var line in lines)
        {
            var variant = stored.Single(v => v.Id == line.GetProperty("variantId").GetGuid());
            line.GetProperty("segment").GetString().ShouldBe(variant.SegmentKey);
            line.GetProperty("channel").GetString().ShouldBe(variant.Channel.ToString());
            line.GetProperty("gate").GetString().ShouldBe(variant.CheckGate.ToString());
            line.GetProperty("score").GetInt32().ShouldBe(variant.CheckScore!.Value);
            line.GetProperty("fields").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!).ShouldBe(variant.Fields);
            line.GetProperty("findings").GetArrayLength().ShouldBe(Core.Checks.StoredReports.Deserialize(variant.CheckReportJson)!.Findings.Count);
            line.GetProperty("provenance").GetProperty("promptHash").GetString().ShouldBe(variant.PromptHash);
        }
    }

    [Fact]
    public async Task CsvHasAColumnPerFieldAndDisarmsCopyThatASpreadsheetWouldRunAsAFormula()
    {
        var campaign = await GenerateAsync();
        Guid poisoned;
        await using (var db = _workspace.Db())
        {
            // Model output is untrusted: a subject line that opens with "=" must reach the sheet as text.
            var email = await db.Variants.FirstAsync(v => v.Channel == Core.Channels.ChannelKind.Email);
            poisoned = email.Id;
            email.FieldsJson = VariantFields.CanonicalJson(new Dictionary<string, string>(email.Fields) { ["subject"] = "=HYPERLINK(\"http://evil.example\")" });
            await db.SaveChangesAsync();
        }
        var file = Path.Combine(_workspace.Folder, "variants.csv");

        var result = await _workspace.RunAsync("variants", "export", "--campaign", campaign.ToString(), "--format", "csv", "--out", file);

        result.ExitCode.ShouldBe(0, result.ToString());
        var text = await File.ReadAllTextAsync(file);
        var header = text[..text.IndexOf('\n')];
        header.ShouldStartWith("campaign_id,campaign,brand,run_id,variant_id,segment,channel");
        var subject = header.IndexOf("field:subject", StringComparison.Ordinal);
        subject.ShouldBeGreaterThan(0);
        subject.ShouldBeLessThan(header.IndexOf("field:body", StringComparison.Ordinal)); // as the email reads
        header.ShouldContain("findings");
        text.ShouldContain(poisoned.ToString());
        text.ShouldNotContain(",=HYPERLINK", Case.Sensitive);
        text.ShouldNotContain("\"=HYPERLINK", Case.Sensitive);
        text.ShouldContain("\"'=HYPERLINK", Case.Sensitive); // shown as text by Excel, LibreOffice and Sheets
        File.Exists(file + ".partial").ShouldBeFalse();
        result.StdErr.ShouldContain("variant(s) written to");
    }

    [Fact]
    public async Task AnUnknownCampaignExitsTwoNamingTheId()
    {
        await GenerateAsync();
        var missing = Guid.NewGuid();

        var result = await _workspace.RunAsync("variants", "export", "--campaign", missing.ToString());

        result.ExitCode.ShouldBe(2, result.ToString());
        result.StdErr.ShouldContain(missing.ToString(), Case.Sensitive, result.ToString());
        result.StdOut.ShouldBeEmpty();
    }
}
