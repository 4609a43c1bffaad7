using System.Buffers;

namespace ContentStudio.Core.Checks.Analysis;

/// <summary>A cheap pre-filter for regex-based checks: most copy contains none of a check's trigger words or
/// characters, and a hash lookup per word costs far less than running a large case-insensitive regex.</summary>
public sealed class WordTriggers
{
    private readonly HashSet<string> _words;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly SearchValues<char> _chars;
    private readonly bool _digits;

    public WordTriggers(IEnumerable<string> words, string chars = "", bool digits = false)
    {
        _words = new HashSet<string>(words, StringComparer.OrdinalIgnoreCase);
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        _chars = SearchValues.Create(chars);
        _digits = digits;
    }

    public bool Fires(AnalyzedField field)
    {
        var text = field.Text.AsSpan();
        if (text.IndexOfAny(_chars) >= 0) return true;
        if (_digits && text.IndexOfAnyInRange('0', '9') >= 0) return true;
        foreach (var w in field.Words)
            if (_lookup.Contains(text.Slice(w.Start, w.Length))) return true;
        return false;
    }
}
