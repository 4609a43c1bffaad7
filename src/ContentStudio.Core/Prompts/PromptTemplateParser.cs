using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Channels;
using YamlDotNet.RepresentationModel;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Prompts;

/// <summary>The outcome of parsing one template file. <see cref="Template"/> is null when any entry of
/// <see cref="Errors"/> is an error; warnings alone still give a template.</summary>
public sealed record PromptParseResult(PromptTemplate? Template, IReadOnlyList<SourceError> Errors)
{
    public bool Succeeded => Template is not null;
}

/// <summary>Parses <c>prompts/&lt;name&gt;.prompt.md</c>: YAML front matter between "---" lines, then a Handlebars
/// body with a system and a user message. Every problem comes back with its file line (see prompts/README.md).</summary>
public static partial class PromptTemplateParser
{
    private static readonly string[] TopKeys = ["name", "description", "channel", "inputs", "output", "model", "template_format", "style"];
    private static readonly string[] StyleKeys = ["angles", "tone", "opening", "length", "structure"];
    private static readonly string[] InputKeys = ["name", "type", "required", "description"];
    private static readonly string[] ModelKeys = ["temperature", "max_output_tokens"];

    /// <summary>The largest template read or saved (characters). A hard safety bound, not a setting: a template is a
    /// page or two of instructions, and every version is kept in the database for good.</summary>
    public const int MaxFileLength = 128 * 1024;

    public static PromptParseResult Parse(string filePath, string text)
    {
        if (text.Length > MaxFileLength)
            return Failed(filePath, 1, string.Create(CultureInfo.InvariantCulture,
                $"the template is {text.Length:N0} characters; the limit is {MaxFileLength:N0}"));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n").Split('\n');
        var errors = new List<SourceError>();

        if (lines[0].Trim() != "---")
            return Failed(filePath, 1, "the file must start with YAML front matter: a '---' line, the settings, then another '---' line");
        var close = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (close < 0) return Failed(filePath, 1, "the front matter opened on line 1 is never closed with a '---' line");

        var reader = new FrontMatter(filePath, errors);
        reader.Read(string.Join('\n', lines[1..close]), yamlFirstLine: 2);

        var bodyFirstLine = close + 2;
        var parts = PromptBody.Split(filePath, string.Join('\n', lines[(close + 1)..]), bodyFirstLine);
        errors.AddRange(parts.Errors);

        if (reader.Channel is { } channel && reader.Outputs is { } outputs)
            errors.AddRange(PromptValidator.ValidateOutputs(filePath, reader.OutputLine, channel, outputs));
        var bodyParts = new[] { parts.System, parts.User }.OfType<PromptBodyPart>().ToList();
        // Without readable YAML every variable would look undeclared: one error is clearer than a cascade.
        if (!reader.YamlFailed) errors.AddRange(PromptValidator.ValidateBody(filePath, bodyParts, reader.Inputs, reader.InputLines));

        var stem = Path.GetFileName(filePath) is var f && f.EndsWith(".prompt.md", StringComparison.OrdinalIgnoreCase) ? f[..^".prompt.md".Length] : null;
        if (reader.Name is { } n && stem is not null && !string.Equals(n, stem, StringComparison.Ordinal))
            errors.Add(new SourceError(filePath, reader.NameLine, $"name '{n}' differs from the file name '{stem}.prompt.md'") { Severity = SourceSeverity.Warning });

        var ordered = errors.OrderBy(e => e.Line).ToList();
        if (ordered.Any(e => !e.IsWarning) || reader.Name is null || reader.Channel is null || parts.System is null || parts.User is null)
            return new PromptParseResult(null, ordered);
        return new PromptParseResult(new PromptTemplate
        {
            Name = reader.Name,
            Description = reader.Description,
            Channel = reader.Channel.Kind,
            Inputs = reader.Inputs,
            OutputFields = reader.Outputs ?? [],
            Temperature = reader.Temperature,
            MaxOutputTokens = reader.MaxOutputTokens,
            Style = reader.Style,
            SystemTemplate = parts.System.Text.Trim(),
            UserTemplate = parts.User.Text.Trim(),
            SourcePath = filePath,
            ContentHash = hash,
        }, ordered);
    }

    private static PromptParseResult Failed(string file, int line, string message) =>
        new(null, [new SourceError(file, line, message)]);

    /// <summary>Reads the YAML settings, collecting errors with file lines.</summary>
    private sealed partial class FrontMatter(string file, List<SourceError> errors)
    {
        private int _offset;
        public string? Name { get; private set; }
        public int NameLine { get; private set; } = 1;
        public string Description { get; private set; } = "";
        public ChannelSpec? Channel { get; private set; }
        public List<PromptInput> Inputs { get; } = [];
        public Dictionary<string, int> InputLines { get; } = new(StringComparer.Ordinal);
        public List<string>? Outputs { get; private set; }
        public int OutputLine { get; private set; } = 1;
        public double Temperature { get; private set; } = 0.7;
        public int MaxOutputTokens { get; private set; } = 600;
        public PromptStyle Style { get; private set; } = PromptStyle.None;
        public bool YamlFailed { get; private set; }

        private int L(YamlNode node) => (int)node.Start.Line + _offset;
        private void Error(int line, string message) => errors.Add(new SourceError(file, line, message));

        public void Read(string yaml, int yamlFirstLine)
        {
            _offset = yamlFirstLine - 1;
            YamlMappingNode? root = null;
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(yaml));
                root = stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode;
                if (stream.Documents.Count > 0 && root is null)
                    Error(yamlFirstLine, "the front matter must be a set of 'key: value' settings");
            }
            catch (YamlDotNet.Core.YamlException ex)
            {
                Error((int)ex.Start.Line + _offset, $"invalid YAML: {ex.Message}");
                YamlFailed = true;
                return;
            }
            catch (Exception ex) // YamlDotNet throws InvalidOperationException on some unterminated flow lists
            {
                Error(yamlFirstLine, $"invalid YAML: {ex.Message}");
                YamlFailed = true;
                return;
            }
            root ??= new YamlMappingNode();
            foreach (var (keyNode, value) in root.Children)
            {
                var key = KeyText(keyNode);
                switch (key)
                {
                    case "name": Name = Text(key, value); NameLine = L(keyNode); break;
                    case "description": Description = Text(key, value) ?? ""; break;
                    case "channel": ReadChannel(value); break;
                    case "inputs": ReadInputs(value); break;
                    case "output": ReadOutputs(value); OutputLine = L(keyNode); break;
                    case "model": ReadModel(value); break;
                    case "style": ReadStyle(value); break;
                    case "template_format":
                        if (Text(key, value) is { } format && format != "handlebars")
                            Error(L(value), $"template_format '{format}' is not supported: use 'handlebars'");
                        break;
                    default:
                        Error(L(keyNode), $"unknown front-matter key '{key}' (known: {string.Join(", ", TopKeys)})");
                        break;
                }
            }
            if (string.IsNullOrWhiteSpace(Name)) { Name = null; Error(yamlFirstLine - 1, "missing 'name'"); }
            else if (!NamePattern().IsMatch(Name)) Error(NameLine, $"name '{Name}' must be lower-case letters, digits and '-'");
            if (!root.Children.ContainsKey("channel")) Error(yamlFirstLine - 1, "missing 'channel' (one of: " + ChannelKeys + ")");
            if (Outputs is null) Error(yamlFirstLine - 1, "missing 'output': list the JSON fields the model returns");
        }

        private static string KeyText(YamlNode key) => (key as YamlScalarNode)?.Value ?? key.ToString();

        private static string ChannelKeys => string.Join(", ", ChannelCatalog.All.Select(c => c.Key));

        private string? Text(string key, YamlNode node)
        {
            if (node is YamlScalarNode s) return s.Value;
            Error(L(node), $"'{key}' must be a single value, not a list or a mapping");
            return null;
        }

        private void ReadChannel(YamlNode node)
        {
            var text = Text("channel", node);
            if (text is null) return;
            if (ChannelCatalog.TryParse(text, out var spec)) Channel = spec;
            else Error(L(node), $"unknown channel '{text}' (known: {ChannelKeys})");
        }

        private void ReadInputs(YamlNode node)
        {
            if (node is YamlScalarNode { Value: null or "" }) return;
            if (node is not YamlSequenceNode list) { Error(L(node), "'inputs' must be a list of {name, type, required, description}"); return; }
            foreach (var item in list)
            {
                if (item is not YamlMappingNode map) { Error(L(item), "each input must be a mapping with name, type, required, description"); continue; }
                string? name = null, type = PromptInputCatalog.String, description = "";
                var required = true;
                foreach (var (k, v) in map.Children)
                {
                    var key = KeyText(k);
                    switch (key)
                    {
                        case "name": name = Text("name", v); break;
                        case "type": type = Text("type", v); break;
                        case "description": description = Text("description", v) ?? ""; break;
                        case "required":
                            var flag = Text("required", v);
                            if (bool.TryParse(flag, out var b)) required = b;
                            else Error(L(v), $"'required' must be true or false, not '{flag}'");
                            break;
                        default: Error(L(k), $"unknown input key '{key}' (known: {string.Join(", ", InputKeys)})"); break;
                    }
                }
                var line = L(item);
                if (string.IsNullOrWhiteSpace(name)) { Error(line, "an input has no 'name'"); continue; }
                if (!PromptInputCatalog.Types.Contains(type))
                {
                    Error(line, $"input '{name}' has type '{type}': use one of {string.Join(", ", PromptInputCatalog.Types)}");
                    continue;
                }
                if (InputLines.ContainsKey(name)) { Error(line, $"input '{name}' is declared twice"); continue; }
                var known = PromptInputCatalog.Find(name);
                if (known is null) Error(line, $"input '{name}' is not one the renderer supplies (see prompts/README.md for the list)");
                else if (known.Type != type) Error(line, $"input '{name}' is a {known.Type}, not a {type}");
                Inputs.Add(new PromptInput(name, type!, required, description));
                InputLines[name] = line;
            }
        }

        private void ReadOutputs(YamlNode node)
        {
            Outputs = [];
            if (node is not YamlSequenceNode list) { Error(L(node), "'output' must be a list of field names"); return; }
            foreach (var item in list)
                if (Text("output", item) is { Length: > 0 } field) Outputs.Add(field);
        }

        private void ReadModel(YamlNode node)
        {
            if (node is not YamlMappingNode map) { Error(L(node), "'model' must be a mapping with temperature and max_output_tokens"); return; }
            foreach (var (k, v) in map.Children)
            {
                var key = KeyText(k);
                var text = Text(key, v);
                switch (key)
                {
                    case "temperature":
                        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) && t is >= 0 and <= 2) Temperature = t;
                        else Error(L(v), $"temperature must be a number from 0 to 2, not '{text}'");
                        break;
                    case "max_output_tokens":
                        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 32000) MaxOutputTokens = m;
                        else Error(L(v), $"max_output_tokens must be a whole number from 1 to 32000, not '{text}'");
                        break;
                    default: Error(L(k), $"unknown model key '{key}' (known: {string.Join(", ", ModelKeys)})"); break;
                }
            }
        }

        /// <summary>The <c>style:</c> mapping (prompts/README.md): every value checked against its allowed set.</summary>
        private void ReadStyle(YamlNode node)
        {
            if (node is not YamlMappingNode map) { Error(L(node), $"'style' must be a mapping with any of: {string.Join(", ", StyleKeys)}"); return; }
            var style = PromptStyle.None;
            List<string> List(YamlNode v, IReadOnlyList<string> allowed, string what)
            {
                var items = v is YamlSequenceNode seq ? seq.Children.Select(c => (c as YamlScalarNode)?.Value?.Trim() ?? "").ToList() : [];
                if (v is not YamlSequenceNode) Error(L(v), $"'{what}' must be a list, e.g. [{string.Join(", ", allowed.Take(2))}]");
                foreach (var bad in items.Where(i => !allowed.Contains(i)))
                    Error(L(v), $"unknown {what} '{bad}' (known: {string.Join(", ", allowed)})");
                return [.. items.Where(allowed.Contains).Distinct()];
            }
            T? One<T>(YamlNode v, string what) where T : struct, Enum
            {
                var text = (v as YamlScalarNode)?.Value?.Trim() ?? "";
                if (Enum.TryParse<T>(text, ignoreCase: true, out var parsed) && !text.Any(char.IsDigit)) return parsed;
                Error(L(v), $"{what} must be one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}, not '{text}'");
                return null;
            }
            foreach (var (k, v) in map.Children)
            {
                switch (KeyText(k))
                {
                    case "angles": style = style with { Angles = List(v, PromptStyle.AngleNames, "angle") }; break;
                    case "tone": style = style with { Tone = One<PromptTone>(v, "tone") }; break;
                    case "opening": style = style with { Opening = One<PromptOpening>(v, "opening") }; break;
                    case "length": style = style with { Length = One<PromptLength>(v, "length") }; break;
                    case "structure": style = style with { Structure = List(v, PromptStyle.StructureParts, "structure part") }; break;
                    default: Error(L(k), $"unknown style key '{KeyText(k)}' (known: {string.Join(", ", StyleKeys)})"); break;
                }
            }
            Style = style;
        }

        [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
        private static partial Regex NamePattern();
    }
}
