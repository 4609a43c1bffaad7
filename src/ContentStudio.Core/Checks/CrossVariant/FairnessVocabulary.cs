using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ContentStudio.Core.Segments;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ContentStudio.Core.Checks.CrossVariant;

/// <summary>The words the fairness check reads copy with, kept as data (Checks/Data/fairness/*.yaml, embedded):
/// stereotype and condescension phrases per protected attribute and group, and the perks an exclusion is about.
/// A brand extends them with files of the same shape (<see cref="WithFolder"/>); schema in Checks/README.md.</summary>
public sealed class FairnessVocabulary
{
    public sealed record Group(string Kind, string Attribute, IReadOnlyList<string> Aliases, IReadOnlyList<string> Values,
        int? AgeFrom, int? AgeTo, IReadOnlyList<Regex> Phrases, string Why, string File)
    {
        /// <summary>"*" in values: the phrases patronise or stereotype whatever the group (needs a comparison segment).</summary>
        public bool AnyValue => Values.Contains("*");

        public bool AppliesTo(string attribute) =>
            Norm(Attribute) == Norm(attribute) || Attribute == "*" || Aliases.Any(a => Norm(a) == Norm(attribute));

        /// <summary>Whether a segment's value for the attribute is one of the group's (word-level, so "women" is not
        /// "men"; age bands by their bounds, "65+" is from 65).</summary>
        public bool Matches(string value)
        {
            if (value.Trim().Length == 0 || Norm(value) is "any" or "all" or "none" or "mixed" or "unknown") return false;
            if (AnyValue) return true;
            var padded = " " + Words(value) + " ";
            if (Values.Any(v => padded.Contains(" " + Words(v) + " ", StringComparison.Ordinal))) return true;
            var (low, high) = AgeBounds(value);
            return (AgeFrom is { } from && low is { } l && l >= from) || (AgeTo is { } to && high is { } h && h <= to);
        }
    }

    /// <summary>A perk: its id, phrases, and the last word of each phrase (its head nouns).</summary>
    public sealed record Perk(string Id, IReadOnlyList<Regex> Phrases, IReadOnlyList<string> Words);

    public IReadOnlyList<Group> Groups { get; }
    public PerkVocabulary Perks { get; }
    /// <summary>Short hash of the files: part of the campaign rule-set version.</summary>
    public string DataHash { get; }

    private FairnessVocabulary(IReadOnlyList<Group> groups, PerkVocabulary perks, string hash) =>
        (Groups, Perks, DataHash) = (groups, perks, hash);

    private static readonly Lazy<FairnessVocabulary> BuiltIn = new(() => Parse(Embedded()));
    public static FairnessVocabulary Default => BuiltIn.Value;

    /// <summary>The built-in vocabulary plus every *.yaml file in <paramref name="folder"/> (a brand's additions).</summary>
    public static FairnessVocabulary WithFolder(string? folder)
    {
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder)) return Default;
        var extra = Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f)));
        return Parse(Embedded().Concat(extra));
    }

    private static IEnumerable<(string, string)> Embedded()
    {
        var assembly = typeof(FairnessVocabulary).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains(".Data.fairness.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            yield return (name[(name.IndexOf(".Data.fairness.", StringComparison.Ordinal) + 15)..], reader.ReadToEnd());
        }
    }

    /// <summary>Parses vocabulary files given as (name, YAML); errors name the file, the line where YAML can tell, and what to fix.</summary>
    public static FairnessVocabulary Parse(IEnumerable<(string Name, string Yaml)> files)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        var groups = new List<Group>();
        var perks = new List<Perk>();
        var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, yaml) in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(yaml));
            FileDto dto;
            try { dto = deserializer.Deserialize<FileDto>(yaml) ?? new(); }
            catch (YamlDotNet.Core.YamlException e) { throw new FormatException($"{name}:{e.Start.Line}: {e.Message}", e); }
            switch (dto.Kind)
            {
                case "stereotype" or "condescension":
                    if (string.IsNullOrWhiteSpace(dto.Attribute)) throw new FormatException($"{name}: missing 'attribute' (a protected attribute such as age, gender, or * for any)");
                    for (var i = 0; i < dto.Groups.Count; i++)
                    {
                        var g = dto.Groups[i];
                        if (g.Values.Count == 0 && g.AgeFrom is null && g.AgeTo is null)
                            throw new FormatException($"{name}: groups[{i}] has no 'values' (use [\"*\"] for any value)");
                        if (g.Phrases.Count == 0) throw new FormatException($"{name}: groups[{i}] has no 'phrases'");
                        if (string.IsNullOrWhiteSpace(g.Why)) throw new FormatException($"{name}: groups[{i}] has no 'why' (the finding's explanation)");
                        groups.Add(new Group(dto.Kind, dto.Attribute, dto.Aliases, g.Values, g.AgeFrom, g.AgeTo,
                            [.. g.Phrases.Select(p => Phrase(p, name))], g.Why.Trim(), name));
                    }
                    break;
                case "perk":
                    foreach (var p in dto.Perks)
                    {
                        if (string.IsNullOrWhiteSpace(p.Id) || p.Phrases.Count == 0) throw new FormatException($"{name}: every perk needs an 'id' and 'phrases'");
                        perks.Add(new Perk(p.Id, [.. p.Phrases.Select(x => Phrase(x, name))],
                            [.. p.Phrases.Select(x => x.Trim().Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)[^1].ToLowerInvariant())]));
                    }
                    break;
                default:
                    throw new FormatException($"{name}: 'kind' must be stereotype, condescension or perk (was '{dto.Kind}')");
            }
        }
        return new FairnessVocabulary(groups, new PerkVocabulary(perks), Convert.ToHexString(hash.GetHashAndReset())[..8].ToLowerInvariant());
    }

    /// <summary>A phrase as written matches spaced, hyphenated and straight- or curly-apostrophe forms, any case, with
    /// a plural or possessive "s" on its last word; "*" stands for one word.</summary>
    private static Regex Phrase(string phrase, string file)
    {
        var words = phrase.Trim().Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) throw new FormatException($"{file}: an empty phrase");
        var parts = words.Select(w => w == "*" ? @"[\w'’]+" : string.Concat(w.Select(c => c is '\'' or '’' ? "['’]" : Regex.Escape(c.ToString()))));
        var pattern = @"(?<![\w])" + string.Join(@"[\s-]+", parts) + @"(?:e?s|['’]s)?(?![\w])";
        return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
    }

    internal static string Norm(string s) => s.Trim().ToLowerInvariant().Replace('_', '-').Replace(' ', '-');

    private static string Words(string s) => string.Join(' ', Regex.Split(s.ToLowerInvariant(), @"[^\p{L}\p{N}+]+").Where(w => w.Length > 0));

    /// <summary>"65+" → (65, null), "18-24" → (18, 24), "under 25" → (null, 24), "over 50" → (50, null).</summary>
    internal static (int? Low, int? High) AgeBounds(string value)
    {
        var v = value.ToLowerInvariant();
        var m = Regex.Match(v, @"(\d{1,3})\s*(?:-|–|to)\s*(\d{1,3})");
        if (m.Success) return (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value));
        m = Regex.Match(v, @"(\d{1,3})\s*\+|(?:over|above|from)\s*(\d{1,3})");
        if (m.Success) return (int.Parse(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value), null);
        m = Regex.Match(v, @"(?:under|below)\s*(\d{1,3})");
        if (m.Success) return (null, int.Parse(m.Groups[1].Value) - 1);
        return (null, null);
    }

    /// <summary>The groups of the given kind a segment belongs to, through its protected attributes.</summary>
    public IEnumerable<(string Attribute, Group Group)> For(Segment segment, string kind)
    {
        foreach (var attribute in segment.ProtectedAttributes)
        {
            var value = SegmentComparison.Value(segment, attribute);
            foreach (var g in Groups)
                if (g.Kind == kind && g.AppliesTo(attribute) && g.Matches(value)) yield return (attribute, g);
        }
    }

    private sealed class FileDto
    {
        public string Kind { get; set; } = "";
        public string Attribute { get; set; } = "";
        public List<string> Aliases { get; set; } = [];
        public string Source { get; set; } = "";
        public List<GroupDto> Groups { get; set; } = [];
        public List<PerkDto> Perks { get; set; } = [];
    }

    private sealed class GroupDto
    {
        public List<string> Values { get; set; } = [];
        public int? AgeFrom { get; set; }
        public int? AgeTo { get; set; }
        public List<string> Phrases { get; set; } = [];
        public string Why { get; set; } = "";
    }

    private sealed class PerkDto
    {
        public string Id { get; set; } = "";
        public List<string> Phrases { get; set; } = [];
    }
}

/// <summary>Finds perks in copy: the listed perks by their phrases; any "free X" / "complimentary X" benefit by its
/// head word (so "free seat selection" is the perk "selection"); and "X is free|included|on us" when X is the head
/// word of a listed perk ("installation is free"). A bare "X is free" says nothing of what X is ("your first one is
/// free"), so it needs the list.</summary>
public sealed partial class PerkVocabulary(IReadOnlyList<FairnessVocabulary.Perk> perks, IReadOnlyDictionary<string, string> heads)
{
    public IReadOnlyList<FairnessVocabulary.Perk> Perks { get; } = perks;

    public PerkVocabulary(IReadOnlyList<FairnessVocabulary.Perk> perks) : this(perks, perks
        .SelectMany(p => p.Words.Select(w => (w, p.Id))).Where(x => x.w != "*" && !Stop.Contains(x.w) && x.w.Length > 3)
        .GroupBy(x => Head(x.w)).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase)) { }

    [GeneratedRegex(@"(?<![\w-])(?:free|complimentary)\s+(?<np>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FreeThing();

    [GeneratedRegex(@"\b(?<head>[a-z][\w-]*)\s+(?:is|are)\s+(?:free|complimentary|included|on\s+us)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThingIsFree();

    private static readonly HashSet<string> Stop = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "with", "on", "for", "to", "when", "if", "this", "your", "the", "a", "an", "of", "in", "at", "by", "from", "until",
        "every", "all", "any", "today", "now", "first", "plus", "as", "is", "are", "it", "them", "you", "we", "our",
    };

    private static readonly HashSet<string> NotPerks = new(StringComparer.OrdinalIgnoreCase)
    {
        "day", "days", "week", "weeks", "month", "months", "year", "years", "trial", "time", "one", "it", "that", "this", "everything",
        "charge", "cancellation", "cancel", "sample", "samples", "quote", "estimate",
    };

    public IEnumerable<(string Key, int Start, int Length)> Find(string text)
    {
        var found = new List<(string Key, int Start, int Length)>();
        foreach (var perk in Perks)
            foreach (var re in perk.Phrases)
                foreach (Match m in re.Matches(text))
                    if (!found.Any(f => Overlaps(f, m.Index, m.Length))) found.Add((perk.Id, m.Index, m.Length));
        foreach (Match m in FreeThing().Matches(text))
        {
            var words = m.Groups["np"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeWhile(w => !Stop.Contains(w)).ToList();
            if (words.Count == 0 || NotPerks.Contains(words[^1])) continue;
            if (found.Any(f => Overlaps(f, m.Index, m.Length))) continue;
            found.Add((Head(words[^1]), m.Index, m.Length));
        }
        foreach (Match m in ThingIsFree().Matches(text))
        {
            if (!heads.TryGetValue(Head(m.Groups["head"].Value), out var id) || found.Any(f => Overlaps(f, m.Index, m.Length))) continue;
            found.Add((id, m.Index, m.Length));
        }
        return found;
    }

    private static bool Overlaps((string, int Start, int Length) f, int start, int length) => start < f.Start + f.Length && f.Start < start + length;

    /// <summary>Whether the text names the perk at all: a listed perk by any of its phrases or head nouns, another by
    /// its head word.</summary>
    public bool Names(string text, string key)
    {
        var perk = Perks.FirstOrDefault(p => p.Id == key);
        if (perk is not null && perk.Phrases.Any(r => r.IsMatch(text))) return true;
        var words = perk is null ? [key] : perk.Words.Where(w => w != "*" && w.Length > 3 && !Stop.Contains(w)).Select(Head).Distinct().ToArray();
        return words.Any(w => Regex.IsMatch(text, $@"(?<!\w){Regex.Escape(w)}(?:e?s)?(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
    }

    internal static string Head(string word)
    {
        var w = word.ToLowerInvariant();
        return w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss") ? w[..^1] : w;
    }
}
