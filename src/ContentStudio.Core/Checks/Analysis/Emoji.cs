using System.Globalization;
using System.Text;

namespace ContentStudio.Core.Checks.Analysis;

/// <summary>Emoji as a reader sees them: one user-perceived character (an extended grapheme cluster, UAX #29), so a
/// skin-toned hand, a ZWJ family, a flag (two regional indicators) and a keycap (1️⃣) are one emoji each. A cluster is an
/// emoji when it is drawn as one by default (the emoji blocks and the few older symbols with emoji presentation such as
/// ⌚ ☕ ✅ ⭐), or when it asks for emoji presentation (U+FE0F) or is a keycap (U+20E3). Text symbols (★ ✓ ☺ ❤ → ©) without
/// U+FE0F are typography, not emoji.</summary>
public static class Emoji
{
    /// <summary>True when the grapheme cluster starting at <paramref name="i"/> is an emoji; <paramref name="length"/> is the
    /// cluster's length in UTF-16 code units.</summary>
    public static bool IsEmojiAt(string text, int i, out int length)
    {
        length = 1;
        var c = text[i];
        if (c < 0x2190)
        {
            // Below the symbol blocks only a keycap (1️⃣ #️⃣ *️⃣) can start an emoji: a digit, # or * with its selector.
            if (!(c is '#' or '*' || char.IsAsciiDigit(c)) || i + 1 >= text.Length || text[i + 1] is not ('\uFE0F' or '\u20E3')) return false;
        }
        length = StringInfo.GetNextTextElementLength(text.AsSpan(i));
        if (length <= 0) { length = 1; return false; }
        var cluster = text.AsSpan(i, length);
        if (cluster.Contains('\u20E3')) return true; // keycap: 1️⃣ #️⃣
        if (char.IsAsciiDigit(c) || c is '#' or '*') return false;
        if (cluster.Contains('\uFE0F')) return true; // emoji presentation asked for: ❤️ ☺️ ✔️
        if (cluster.Contains('\uFE0E')) return false; // text presentation asked for
        return Rune.TryGetRuneAt(text, i, out var rune) && DefaultEmoji(rune.Value);
    }

    // Code points drawn as emoji without a selector (Emoji_Presentation=Yes in Unicode's emoji data), by block.
    private static bool DefaultEmoji(int v) => v switch
    {
        >= 0x1F1E6 and <= 0x1F1FF => true, // regional indicators (flags)
        0x1F004 or 0x1F0CF or 0x1F18E or (>= 0x1F191 and <= 0x1F19A) => true,
        0x1F201 or 0x1F21A or 0x1F22F or (>= 0x1F232 and <= 0x1F236) or (>= 0x1F238 and <= 0x1F23A) or 0x1F250 or 0x1F251 => true,
        >= 0x1F300 and <= 0x1FAFF => !TextDefaultInEmojiBlocks(v),
        0x231A or 0x231B or (>= 0x23E9 and <= 0x23EC) or 0x23F0 or 0x23F3 or 0x25FD or 0x25FE => true,
        0x2614 or 0x2615 or (>= 0x2648 and <= 0x2653) or 0x267F or 0x2693 or 0x26A1 or 0x26AA or 0x26AB or 0x26BD or 0x26BE => true,
        0x26C4 or 0x26C5 or 0x26CE or 0x26D4 or 0x26EA or 0x26F2 or 0x26F3 or 0x26F5 or 0x26FA or 0x26FD => true,
        0x2705 or 0x270A or 0x270B or 0x2728 or 0x274C or 0x274E or (>= 0x2753 and <= 0x2755) or 0x2757 => true,
        (>= 0x2795 and <= 0x2797) or 0x27B0 or 0x27BF or 0x2B1B or 0x2B1C or 0x2B50 or 0x2B55 => true,
        _ => false,
    };

    // The few pictographs in the emoji blocks that are text by default (🌡 🕊 🖐 …) still read as emoji in copy; only the
    // non-pictographic symbols of those blocks are excluded: skin-tone modifiers alone and the tag/component characters.
    private static bool TextDefaultInEmojiBlocks(int v) => v is >= 0x1F3FB and <= 0x1F3FF;
}
