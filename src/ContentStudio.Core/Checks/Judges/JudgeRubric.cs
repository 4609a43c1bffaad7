using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ContentStudio.Core.Checks.Judges;

/// <summary>An LLM-judge rubric from prompts/judges/*.md: YAML front matter (name, rule_id, description,
/// severity_on_fail) and a body with {{voice}}, {{segment}} and {{copy}} slots.</summary>
public sealed record JudgeRubric(string Name, string RuleId, string Description, Severity SeverityOnFail, string Template, string SourcePath)
{
    public static IReadOnlyList<JudgeRubric> LoadFolder(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal).Select(p => Parse(p, File.ReadAllText(p)))];

    /// <summary>Parses one rubric; errors name the file and line.</summary>
    public static JudgeRubric Parse(string path, string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---") throw new FormatException($"{path}:1: a rubric starts with '---' front matter");
        var end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (end < 0) throw new FormatException($"{path}:1: front matter is not closed with '---'");
        Dto dto;
        try
        {
            dto = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
                .Deserialize<Dto>(string.Join('\n', lines[1..end])) ?? new();
        }
        catch (YamlDotNet.Core.YamlException e) { throw new FormatException($"{path}:{e.Start.Line + 1}: {e.Message}", e); }
        if (string.IsNullOrWhiteSpace(dto.Name)) throw new FormatException($"{path}:2: missing 'name'");
        if (string.IsNullOrWhiteSpace(dto.RuleId) || !dto.RuleId.StartsWith("judge.", StringComparison.Ordinal))
            throw new FormatException($"{path}:2: 'rule_id' must start with 'judge.'");
        var severity = dto.SeverityOnFail switch
        {
            "info" => Severity.Info, "warning" => Severity.Warning, "blocker" => Severity.Blocker,
            _ => throw new FormatException($"{path}: 'severity_on_fail' must be info, warning or blocker"),
        };
        var body = string.Join('\n', lines[(end + 1)..]).Trim();
        if (!body.Contains("{{copy}}", StringComparison.Ordinal)) throw new FormatException($"{path}:{end + 2}: the rubric body never uses {{{{copy}}}}");
        return new JudgeRubric(dto.Name, dto.RuleId, dto.Description, severity, body, path);
    }

    public string Render(string copy, string voice, string segment) => Template
        .Replace("{{copy}}", copy, StringComparison.Ordinal)
        .Replace("{{voice}}", voice, StringComparison.Ordinal)
        .Replace("{{segment}}", segment, StringComparison.Ordinal);

    private sealed class Dto
    {
        public string Name { get; set; } = "";
        public string RuleId { get; set; } = "";
        public string Description { get; set; } = "";
        public string SeverityOnFail { get; set; } = "warning";
    }
}
