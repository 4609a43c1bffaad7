using System.Globalization;
using ContentStudio.Core.Llm;

namespace ContentStudio.Core.Generation.Offline;

/// <summary>FNV-1a over the parts' invariant text. string.GetHashCode is randomised per process, so it
/// cannot seed anything that must give the same copy tomorrow.</summary>
internal static class StableHash
{
    public static int Of(params object?[] parts)
    {
        unchecked
        {
            var hash = 2166136261u;
            foreach (var part in parts)
            {
                var text = part switch
                {
                    null => "\0",
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => part.ToString() ?? "",
                };
                foreach (var c in text)
                {
                    hash ^= c;
                    hash *= 16777619u;
                }
                hash ^= 0x1F;
                hash *= 16777619u;
            }
            return (int)hash;
        }
    }
}
