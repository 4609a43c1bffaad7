using ContentStudio.Core.Channels;

namespace ContentStudio.Core.Tests.Checks;

/// <summary>One example of a spec file: input (one or more fields), the findings it must produce and why.</summary>
public sealed record CheckSpecExample(string File, int Line, string Title, string Why, string Brand, ChannelKind? Channel,
    string Scope, IReadOnlyDictionary<string, string> Fields, IReadOnlyList<string> Expected, string? Brief = null)
{
    public override string ToString() => $"{File}: {Title}";
}

/// <summary>Reads the Markdown spec files under Checks/Specs (the Markdig spec-file idea). Per example:
/// a `## title`, `why:` (required), optional `brand:`, `channel:`, `brief:` (the campaign brief as one line of JSON, the
/// `studio generate --brief` shape), `scope:` (rule-id prefix the expectations
/// cover; the file's `scope:` line sets the default), one fenced block per field (```text for the channel's main
/// field, ```subject etc. for named fields), then `expect:` with `- rule.id "matched text"` lines or `- none`.</summary>
public static class CheckSpecFile
{
    public static IEnumerable<CheckSpecExample> ReadAll(string folder) =>
        Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal).SelectMany(Read);

    public static IEnumerable<CheckSpecExample> Read(string path)
    {
        var name = Path.GetFileName(path);
        var lines = File.ReadAllLines(path);
        var fileScope = "";
        var examples = new List<CheckSpecExample>();
        Builder? current = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("## "))
            {
                if (current is not null) examples.Add(current.Build(name));
                current = new Builder { Line = i + 1, Title = line[3..].Trim(), Scope = fileScope };
            }
            else if (current is null && line.StartsWith("scope:")) fileScope = line[6..].Trim();
            else if (current is null) continue;
            else if (line.StartsWith("```"))
            {
                var field = line[3..].Trim();
                var body = new List<string>();
                for (i++; i < lines.Length && !lines[i].StartsWith("```"); i++) body.Add(lines[i]);
                if (i == lines.Length) throw new FormatException($"{name}:{current.Line}: unclosed code block");
                current.Fields[field.Length == 0 ? "text" : field] = string.Join("\n", body);
            }
            else if (line.StartsWith("why:")) current.Why = line[4..].Trim();
            else if (line.StartsWith("brand:")) current.Brand = line[6..].Trim();
            else if (line.StartsWith("brief:")) current.Brief = line[6..].Trim();
            else if (line.StartsWith("scope:")) current.Scope = line[6..].Trim();
            else if (line.StartsWith("channel:"))
            {
                var value = line[8..].Trim();
                current.Channel = value == "none" ? null : ChannelCatalog.TryParse(value, out var spec) ? spec.Kind
                    : throw new FormatException($"{name}:{i + 1}: unknown channel '{value}'");
            }
            else if (line.StartsWith("- ") && current.InExpect) { if (line[2..].Trim() != "none") current.Expected.Add(line[2..].Trim()); }
            else if (line.StartsWith("expect:")) current.InExpect = true;
        }
        if (current is not null) examples.Add(current.Build(name));
        return examples;
    }

    private sealed class Builder
    {
        public int Line; public string Title = ""; public string Why = ""; public string Brand = "none"; public string Scope = ""; public string? Brief;
        public ChannelKind? Channel; public bool InExpect;
        public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);
        public List<string> Expected { get; } = [];

        public CheckSpecExample Build(string file)
        {
            if (Why.Length == 0) throw new FormatException($"{file}:{Line}: example '{Title}' has no 'why:'");
            if (Fields.Count == 0) throw new FormatException($"{file}:{Line}: example '{Title}' has no input block");
            if (!InExpect) throw new FormatException($"{file}:{Line}: example '{Title}' has no 'expect:'");
            return new(file, Line, Title, Why, Brand, Channel, Scope, Fields, Expected, Brief);
        }
    }
}
