using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ContentStudio.Core.Checks.CrossVariant;

/// <summary>The Core half of `studio check-campaign --input campaigns.jsonl --format jsonl`: one campaign (the
/// <see cref="CampaignInputReader"/> shape) per line in, one {"id", "gate", "findings"} line per campaign out, in the same
/// order. A line that cannot be read is answered in its place with {"line", "field", "error"} and the rest still run.
/// Returns 0 when nothing reaches <paramref name="failOn"/>, 1 when a finding does, 2 when a line was bad.</summary>
public sealed class CampaignBatch(CampaignCheckRunner runner, Severity failOn)
{
    /// <summary>A file of more campaigns than this is refused after this many lines (each line is also limited).</summary>
    public const int MaxCampaigns = 10_000;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public int Run(TextReader input, TextWriter output, TextWriter error)
    {
        bool anyError = false, anyFailing = false;
        var number = 0;
        var campaigns = 0;
        while (ReadLine(input) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (++campaigns > MaxCampaigns)
            {
                output.WriteLine(Error(number, "", $"more than {MaxCampaigns:N0} campaigns in one input; split the file"));
                anyError = true;
                break;
            }
            var (json, failing, bad) = One(number, line);
            output.WriteLine(json);
            anyError |= bad;
            anyFailing |= failing;
        }
        if (anyError) error.WriteLine("studio check-campaign: some input lines could not be read; see the {\"line\", \"field\", \"error\"} entries in the output.");
        return anyError ? 2 : anyFailing ? 1 : 0;
    }

    /// <summary>Reads one line, but never holds more than the line limit (plus one) in memory: an over-long line is
    /// returned cut, and the reader then rejects it by length.</summary>
    private static string? ReadLine(TextReader input)
    {
        var sb = new StringBuilder();
        int c;
        while ((c = input.Read()) >= 0)
        {
            if (c == '\n') return sb.ToString().TrimEnd('\r');
            if (sb.Length <= CampaignInputReader.MaxLineChars) sb.Append((char)c);
        }
        return sb.Length == 0 ? null : sb.ToString();
    }

    internal (string Json, bool Failing, bool Bad) One(int number, string line)
    {
        CampaignInput campaign;
        try { campaign = CampaignInputReader.Parse(line); }
        catch (CampaignInputException e) { return (Error(number, e.Field, e.Message), false, true); }
        var report = runner.Run(campaign.Variants, campaign.Brief);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("id", campaign.Id);
            w.WriteString("gate", report.Overall.Gate switch { Gate.Clean => "clean", Gate.NeedsReview => "needsReview", _ => "blocked" });
            w.WriteString("ruleSetVersion", report.Overall.RuleSetVersion);
            w.WriteStartArray("findings");
            foreach (var f in report.Findings)
            {
                w.WriteStartObject();
                w.WriteString("rule", f.Finding.RuleId);
                w.WriteString("type", f.Type);
                w.WriteString("severity", f.Finding.Severity.ToString().ToLowerInvariant());
                w.WriteStartArray("variants");
                foreach (var id in f.VariantIds) w.WriteStringValue(id);
                w.WriteEndArray();
                w.WriteString("attribute", f.Attribute);
                w.WriteString("message", f.Finding.Message);
                if (f.Finding.Suggestion is { } s) w.WriteString("suggestion", s);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return (Encoding.UTF8.GetString(buffer.WrittenSpan), report.Overall.Reaches(failOn), false);
    }

    private static string Error(int line, string field, string message)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject(); w.WriteNumber("line", line); w.WriteString("field", field); w.WriteString("error", message); w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
