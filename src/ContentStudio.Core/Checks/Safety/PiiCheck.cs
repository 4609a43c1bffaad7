using System.Text.RegularExpressions;

namespace ContentStudio.Core.Checks.Safety;

/// <summary>Personal data in generated copy: e-mail addresses and phone numbers (warning: may be a public
/// contact the brand wants, a person confirms), card numbers that pass the Luhn check and US social security
/// numbers (blockers: never legitimate in marketing copy).</summary>
public sealed partial class PiiCheck : ITextCheck
{
    public const string EmailRule = "pii.email";
    public const string PhoneRule = "pii.phone";
    public const string CardRule = "pii.card-number";
    public const string SsnRule = "pii.ssn";

    public IReadOnlyList<string> RuleIds { get; } = [EmailRule, PhoneRule, CardRule, SsnRule];
    public IReadOnlyList<string> Categories { get; } = [CheckCategories.Pii];

    [GeneratedRegex(@"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")]
    private static partial Regex Email();
    [GeneratedRegex(@"(?<![\w-])(?:\d[ -]?){12,18}\d(?![\w-])")]
    private static partial Regex CardLike();
    [GeneratedRegex(@"(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])")]
    private static partial Regex Ssn();
    // +44 20 7946 0958, (555) 123-4567, 555-123-4567, 07700 900123: 9–15 digits with phone-style grouping.
    [GeneratedRegex(@"(?<![\w+])(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,5}\)[ .-]?)?\d{2,5}(?:[ .-]\d{2,5}){1,3}(?![\w])")]
    private static partial Regex PhoneLike();

    public void Run(CheckContext context)
    {
        foreach (var field in context.Fields)
        {
            var text = field.Text;
            // Cheap pre-filter: most copy has no '@' and few digits.
            var allow = context.Brand?.PiiAllowlist ?? [];
            if (text.Contains('@'))
                foreach (Match m in Email().Matches(text))
                    if (!AllowedEmail(m.Value, allow))
                    context.Add(new Finding(EmailRule, CheckCategories.Pii, Severity.Warning, field.Name, m.Index, m.Length, m.Value,
                        "An e-mail address in generated copy may be personal data; confirm it is a public contact.", "remove it or use the brand's contact page"));
            if (CountDigits(text) < 9) continue;
            var taken = new List<(int Start, int End)>();
            foreach (Match m in Ssn().Matches(text))
            {
                taken.Add((m.Index, m.Index + m.Length));
                context.Add(new Finding(SsnRule, CheckCategories.Pii, Severity.Blocker, field.Name, m.Index, m.Length, m.Value,
                    "Looks like a social security number.", "remove it"));
            }
            foreach (Match m in CardLike().Matches(text))
            {
                if (!Luhn(m.Value)) continue;
                taken.Add((m.Index, m.Index + m.Length));
                context.Add(new Finding(CardRule, CheckCategories.Pii, Severity.Blocker, field.Name, m.Index, m.Length, m.Value,
                    "A card number (it passes the Luhn check) must never appear in copy.", "remove it"));
            }
            foreach (Match m in PhoneLike().Matches(text))
            {
                var digits = CountDigits(m.Value);
                if (digits is < 9 or > 15 || taken.Any(t => m.Index < t.End && t.Start < m.Index + m.Length) || AllowedPhone(m.Value, allow)) continue;
                context.Add(new Finding(PhoneRule, CheckCategories.Pii, Severity.Warning, field.Name, m.Index, m.Length, m.Value,
                    "A phone number in generated copy may be personal data; confirm it is the brand's public number.", "remove it or use the brand's contact page"));
            }
        }
    }

    /// <summary>The brand's own published address, or any address at a domain the brand lists ("harborbank.com" allows
    /// "help@harborbank.com" and "help@support.harborbank.com").</summary>
    internal static bool AllowedEmail(string email, IReadOnlyList<string> allow)
    {
        var at = email.LastIndexOf('@');
        var domain = email[(at + 1)..];
        foreach (var entry in allow)
        {
            var item = entry.Trim();
            if (item.Contains('@')) { if (string.Equals(item, email, StringComparison.OrdinalIgnoreCase)) return true; continue; }
            var listed = item.TrimStart('@');
            if (string.Equals(domain, listed, StringComparison.OrdinalIgnoreCase)
                || domain.EndsWith("." + listed, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>The brand's own published number, compared by its digits ("1-800-555-0199" = "(800) 555 0199" with or
    /// without the country code 1).</summary>
    internal static bool AllowedPhone(string phone, IReadOnlyList<string> allow)
    {
        if (allow.Count == 0) return false;
        var digits = Digits(phone);
        foreach (var entry in allow)
        {
            if (entry.Contains('@') || CountDigits(entry) < 7) continue;
            var listed = Digits(entry);
            if (digits == listed || (digits.Length > listed.Length ? digits.EndsWith(listed, StringComparison.Ordinal) && digits.Length - listed.Length <= 3
                : listed.EndsWith(digits, StringComparison.Ordinal) && listed.Length - digits.Length <= 3)) return true;
        }
        return false;
    }

    private static string Digits(string s) => new([.. s.Where(char.IsAsciiDigit)]);

    private static int CountDigits(string s)
    {
        var n = 0;
        foreach (var c in s) if (char.IsAsciiDigit(c)) n++;
        return n;
    }

    public static bool Luhn(string candidate)
    {
        int sum = 0, count = 0;
        var doubleIt = false;
        for (var i = candidate.Length - 1; i >= 0; i--)
        {
            var c = candidate[i];
            if (!char.IsAsciiDigit(c)) continue;
            var d = c - '0';
            if (doubleIt) { d *= 2; if (d > 9) d -= 9; }
            sum += d; count++;
            doubleIt = !doubleIt;
        }
        return count is >= 13 and <= 19 && sum % 10 == 0;
    }
}
