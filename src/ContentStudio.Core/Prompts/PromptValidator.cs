using System.Text.RegularExpressions;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Channels;
using HandlebarsDotNet;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Prompts;

/// <summary>The checks that need more than the YAML: output fields against the channel's schema, and the body
/// against the declared inputs (variables, helpers, blocks, unused inputs, Handlebars syntax).</summary>
public static partial class PromptValidator
{
    private static readonly IHandlebars Handlebars = PromptHandlebars.Create();

    /// <summary>Every output field must be one of the channel's fields, and every required channel field
    /// must be listed: the model returns exactly these keys and the parser downstream expects them.</summary>
    public static IReadOnlyList<SourceError> ValidateOutputs(string file, int line, ChannelSpec channel, IReadOnlyList<string> outputs)
    {
        var errors = new List<SourceError>();
        var known = string.Join(", ", channel.Fields.Select(f => f.Name));
        foreach (var dup in outputs.GroupBy(o => o, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            errors.Add(new(file, line, $"output field '{dup.Key}' is listed more than once"));
        foreach (var name in outputs.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var field = channel.Field(name);
            if (field is null) errors.Add(new(file, line, $"output field '{name}' is not a field of channel '{channel.Key}' (its fields: {known})"));
            else if (field.Name != name) errors.Add(new(file, line, $"output field '{name}' must be spelled '{field.Name}' as in channel '{channel.Key}'"));
        }
        foreach (var field in channel.Fields.Where(f => f.Required && !outputs.Contains(f.Name, StringComparer.OrdinalIgnoreCase)))
            errors.Add(new(file, line, $"output is missing '{field.Name}', which channel '{channel.Key}' requires"));
        return errors;
    }

    /// <summary>Checks the message parts against the declared inputs. <paramref name="inputLines"/> gives the
    /// line each input is declared on, so "declared but never used" points at the declaration.</summary>
    public static IReadOnlyList<SourceError> ValidateBody(string file, IReadOnlyList<PromptBodyPart> parts,
        IReadOnlyList<PromptInput> inputs, IReadOnlyDictionary<string, int>? inputLines = null)
    {
        var byName = inputs.GroupBy(i => i.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var scanner = new HandlebarsScanner(file, byName);
        var errors = new List<SourceError>();
        foreach (var part in parts)
        {
            var before = scanner.Errors.Count;
            scanner.Scan(part.Text, part.FirstLine);
            // The scanner's message is more precise; compile only to catch what it does not know about.
            if (scanner.Errors.Count == before) errors.AddRange(Compile(file, part));
        }
        errors.InsertRange(0, scanner.Errors);
        foreach (var input in inputs.Where(i => !scanner.Used.Contains(i.Name)))
            errors.Add(new SourceError(file, inputLines?.GetValueOrDefault(input.Name) ?? 0,
                $"input '{input.Name}' is declared but never used in the body") { Severity = SourceSeverity.Warning });
        return errors;
    }

    private static IEnumerable<SourceError> Compile(string file, PromptBodyPart part)
    {
        try
        {
            // One shared environment: compile under a lock rather than trust its caches to be thread-safe.
            lock (Handlebars) Handlebars.Compile(part.Text);
            return [];
        }
        catch (Exception ex)
        {
            // Handlebars.Net reports "Occured at: line:column" with a 0-based line, relative to the part.
            var at = OccurredAt().Match(ex.Message);
            var line = part.FirstLine + (at.Success ? int.Parse(at.Groups[1].Value) : 0);
            var message = OccurredAt().Replace(ex.Message, "").Trim();
            return [new SourceError(file, line, $"Handlebars syntax error in the {part.Role} part: {message}")];
        }
    }

    [GeneratedRegex("\\s*Occured at:\\s*(\\d+):(\\d+)")]
    private static partial Regex OccurredAt();
}
