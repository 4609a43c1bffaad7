using System.Buffers;
using System.Text;
using System.Text.Json;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Checks;

namespace ContentStudio.Cli.Check;

/// <summary>`studio check --input items.jsonl --format jsonl`: one {"id", "text", "channel"?} per line in,
/// one {"id", "findings", "score"} per line out, in the same order. A malformed line is answered with
/// {"line": N, "error": "..."} in its place and the rest still run (exit code 2). Lines are checked in parallel
/// in blocks and written in order, so throughput scales with cores while output stays deterministic.</summary>
internal sealed class BatchRunner(CheckPipeline pipeline, ChannelKind? defaultChannel, Severity failOn)
{
    private const int Block = 2048;

    public int Run(TextReader input, TextWriter output, TextWriter error)
    {
        var lineNumber = 0;
        bool anyError = false, anyFailing = false;
        var lines = new List<(int Number, string Text)>(Block);
        var results = new (string Json, bool Error, bool Fails)[Block];
        while (true)
        {
            lines.Clear();
            string? line;
            while (lines.Count < Block && (line = input.ReadLine()) is not null)
            {
                lineNumber++;
                if (!string.IsNullOrWhiteSpace(line)) lines.Add((lineNumber, line));
            }
            if (lines.Count == 0) break;
            Parallel.For(0, lines.Count, i => results[i] = One(lines[i].Number, lines[i].Text));
            for (var i = 0; i < lines.Count; i++)
            {
                output.WriteLine(results[i].Json);
                anyError |= results[i].Error;
                anyFailing |= results[i].Fails;
            }
        }
        if (anyError) error.WriteLine("studio check: some input lines were malformed; see the {\"line\", \"error\"} entries in the output.");
        return anyError ? CheckExitCodes.UsageOrInput : anyFailing ? CheckExitCodes.Findings : CheckExitCodes.Ok;
    }

    internal (string Json, bool Error, bool Fails) One(int number, string line)
    {
        JsonElement id;
        string text;
        ChannelKind? channel = defaultChannel;
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Error(number, "expected a JSON object");
            if (!root.TryGetProperty("id", out var idElement)) return Error(number, "missing \"id\"");
            if (!root.TryGetProperty("text", out var t) || t.ValueKind != JsonValueKind.String) return Error(number, "missing \"text\" (a string)");
            if (root.TryGetProperty("channel", out var ch) && ch.ValueKind != JsonValueKind.Null)
            {
                if (ch.ValueKind != JsonValueKind.String || !ChannelCatalog.TryParse(ch.GetString(), out var spec))
                    return Error(number, $"unknown \"channel\" {ch.GetRawText()}");
                channel = spec.Kind;
            }
            id = idElement.Clone();
            text = t.GetString()!;
        }
        catch (JsonException e) { return Error(number, $"not valid JSON: {e.Message}"); }

        var report = pipeline.Run(VariantContent.FromText(text, channel));
        var buffer = new ArrayBufferWriter<byte>(256 + report.Findings.Count * 256);
        using (var w = new Utf8JsonWriter(buffer, ReportWriters.WriterOptions))
        {
            w.WriteStartObject();
            w.WritePropertyName("id");
            id.WriteTo(w);
            w.WritePropertyName("findings");
            ReportWriters.WriteFindings(w, report.Findings, withField: false);
            w.WriteNumber("score", report.Score);
            w.WriteEndObject();
        }
        return (Encoding.UTF8.GetString(buffer.WrittenSpan), false, report.Reaches(failOn));
    }

    private static (string, bool, bool) Error(int line, string message)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var w = new Utf8JsonWriter(buffer, ReportWriters.WriterOptions))
        {
            w.WriteStartObject(); w.WriteNumber("line", line); w.WriteString("error", message); w.WriteEndObject();
        }
        return (Encoding.UTF8.GetString(buffer.WrittenSpan), true, false);
    }
}
