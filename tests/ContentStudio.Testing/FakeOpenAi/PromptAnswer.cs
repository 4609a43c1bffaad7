using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ContentStudio.Testing;

/// <summary>The fake model's answer to a real prompt: one JSON object with every field the prompt's output shape names,
/// each within its limit.</summary>
public static partial class PromptAnswer
{
    public static string For(string prompt)
    {
        var answer = new JsonObject();
        foreach (Match m in OutputField().Matches(prompt))
        {
            var limit = m.Groups["max"].Success ? int.Parse(m.Groups["max"].Value) : 80;
            var text = $"Fresh Lumen coffee for your {m.Groups["label"].Value}, roasted to order and easy to pause.";
            answer[m.Groups["name"].Value] = text.Length <= limit ? text : text[..limit].TrimEnd();
        }
        return answer.ToJsonString();
    }

    [GeneratedRegex("\"(?<name>[a-z][a-z0-9_-]*)\": \"<(?<label>[^<>,]+)(?:, at most (?<max>\\d+) characters)?>\"")]
    private static partial Regex OutputField();
}
