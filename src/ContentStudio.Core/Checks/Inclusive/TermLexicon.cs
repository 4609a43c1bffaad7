using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using ContentStudio.Core.Checks.Analysis;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ContentStudio.Core.Checks.Inclusive;

/// <summary>The inclusive-language terms, one YAML file per category (embedded under Checks/Data/inclusive),
/// expanded into every inflected surface form and indexed for matching.</summary>
public sealed class TermLexicon
{
    private const string ResourcePrefix = "ContentStudio.Core.Checks.Data.inclusive.";
    private static readonly Lazy<TermLexicon> LazyDefault = new(LoadEmbedded);

    public TermLexicon(IReadOnlyList<TermEntry> entries, PhraseMatcher<TermEntry> matcher, string dataHash)
    {
        Entries = entries;
        Matcher = matcher;
        DataHash = dataHash;
    }

    public static TermLexicon Default => LazyDefault.Value;

    public IReadOnlyList<TermEntry> Entries { get; }
    public PhraseMatcher<TermEntry> Matcher { get; }
    /// <summary>Short hash of the terms files: part of the rule-set version.</summary>
    public string DataHash { get; }

    /// <summary>Parses terms files given as (name, YAML text); errors name the file and the term.</summary>
    public static TermLexicon Parse(IEnumerable<(string Name, string Yaml)> files)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        var entries = new List<TermEntry>();
        var variants = new List<PhraseVariant<TermEntry>>();
        var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, yaml) in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(yaml));
            TermsFileDto dto;
            try { dto = deserializer.Deserialize<TermsFileDto>(yaml) ?? new(); }
            catch (YamlDotNet.Core.YamlException e) { throw new FormatException($"{name}:{e.Start.Line}: {e.Message}", e); }
            if (string.IsNullOrWhiteSpace(dto.Category)) throw new FormatException($"{name}: missing 'category'");
            foreach (var t in dto.Terms)
            {
                if (string.IsNullOrWhiteSpace(t.Term)) throw new FormatException($"{name}: a term has no 'term'");
                if (string.IsNullOrWhiteSpace(t.Why)) throw new FormatException($"{name}: term '{t.Term}' has no 'why'");
                var entry = ToEntry(dto.Category, t, name);
                entries.Add(entry);
                var surfaces = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var cls in t.Classes())
                    foreach (var words in PhraseMatcher<TermEntry>.Expand(t.Term, cls, t.Closed))
                        if (surfaces.Add(string.Join(' ', words))) variants.Add(new(words, entry));
                foreach (var form in t.Forms)
                    foreach (var words in PhraseMatcher<TermEntry>.Expand(form, WordClass.Fixed, false))
                        if (surfaces.Add(string.Join(' ', words))) variants.Add(new(words, entry));
            }
        }
        return new TermLexicon(entries, new PhraseMatcher<TermEntry>(variants), Convert.ToHexString(hash.GetHashAndReset())[..8].ToLowerInvariant());
    }

    private static TermEntry ToEntry(string category, TermDto t, string file)
    {
        var severity = t.Severity.ToLowerInvariant() switch
        {
            "info" => Severity.Info,
            "warning" => Severity.Warning,
            "blocker" => Severity.Blocker,
            _ => throw new FormatException($"{file}: term '{t.Term}' has unknown severity '{t.Severity}'"),
        };
        var id = t.Id ?? t.Term.ToLowerInvariant().Replace(' ', '-').Replace("'", "");
        return new TermEntry
        {
            RuleId = $"{category}.{id}",
            Category = category,
            Term = t.Term,
            Severity = severity,
            Suggestions = t.Suggest,
            Why = t.Why.Trim(),
            UnlessPrev = Set(t.UnlessPrev),
            UnlessNext = Set(t.UnlessNext),
            OnlyPrev = Set(t.OnlyPrev),
            OnlyNext = Set(t.OnlyNext),
            Exceptions = [.. t.Exceptions.Select(e => e.ToLowerInvariant())],
            AllowProperNames = t.ProperNames,
        };
    }

    private static HashSet<string> Set(List<string> words) => new(words, StringComparer.OrdinalIgnoreCase);

    private static TermLexicon LoadEmbedded()
    {
        var asm = typeof(TermLexicon).Assembly;
        var files = asm.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(n => (n[ResourcePrefix.Length..], Read(asm, n)))
            .ToList();
        if (files.Count == 0) throw new InvalidOperationException("No inclusive-language terms files are embedded (Checks/Data/inclusive/*.yaml).");
        return Parse(files);
    }

    internal static string Read(Assembly asm, string resource)
    {
        using var stream = asm.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
