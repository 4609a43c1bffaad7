using ContentStudio.Core.Checks;
using ContentStudio.Core.Channels;

namespace ContentStudio.Core.Tests.Checks;

internal static class CorpusContent
{
    /// <summary>A corpus text as the body of an email written for the context's brief.</summary>
    public static VariantContent For(string text, ClaimsCorpus.Context context) =>
        new(null, new Dictionary<string, string> { ["body"] = text }) { Brief = context.Brief };
}
