namespace ContentStudio.Core.Channels;

public enum SmsEncoding { Gsm7, Ucs2 }

/// <summary>How an SMS text is sent: its encoding, its length in the encoding's units and its segments.</summary>
public sealed record SmsCount(SmsEncoding Encoding, int Units, int Segments, int UnitsPerSegment);

/// <summary>Counts SMS segments the way carriers do (3GPP TS 23.038): GSM-7 when every character is in the
/// basic or extension table (extension characters take two septets), UCS-2 otherwise (UTF-16 code units,
/// so an emoji takes two). A single segment holds 160 septets / 70 units; concatenated segments lose room to
/// the user-data header and hold 153 / 67.</summary>
public static class SmsSegmentCounter
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private const string Extension = "^{}\\[~]|€\f";

    private static readonly HashSet<char> BasicSet = [.. Basic];
    private static readonly HashSet<char> ExtensionSet = [.. Extension];

    public static bool IsGsm7(char c) => BasicSet.Contains(c) || ExtensionSet.Contains(c);

    public static SmsCount Count(string text)
    {
        var septets = 0;
        foreach (var c in text)
        {
            if (BasicSet.Contains(c)) septets += 1;
            else if (ExtensionSet.Contains(c)) septets += 2;
            else return Segment(SmsEncoding.Ucs2, text.Length, single: 70, multi: 67);
        }
        return Segment(SmsEncoding.Gsm7, septets, single: 160, multi: 153);
    }

    private static SmsCount Segment(SmsEncoding encoding, int units, int single, int multi)
    {
        if (units <= single) return new(encoding, units, units == 0 ? 0 : 1, single);
        return new(encoding, units, (units + multi - 1) / multi, multi);
    }
}
