using System.Text;
using ContentStudio.Core.Generation;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace ContentStudio.Core.Prompts.Functions;

/// <summary>One invocation of a template's kernel function: the request it renders for and the turns after the
/// template's own two messages (a reply the model gave and the correction it was sent). It rides in the
/// <see cref="KernelArguments"/> under <see cref="Key"/>; the template records there what the project's renderer made of
/// it (<see cref="Rendered"/>: the messages and the prompt hash that goes into the variant's provenance).</summary>
public sealed class PromptCall(PromptTemplate template, CompositionRequest request)
{
    public const string Key = "contentstudio.call";

    public PromptTemplate Template { get; } = template;
    public CompositionRequest Request { get; } = request;

    /// <summary>Assistant and user turns after the rendered template, in order (the corrective round).</summary>
    public List<ChatMessage> Turns { get; } = [];

    /// <summary>The renderer's output for the last invocation; null until the template has rendered.</summary>
    public RenderedPrompt? Rendered { get; internal set; }

    /// <summary>The arguments a template function is invoked with: this call and the execution settings.</summary>
    public KernelArguments Arguments(PromptExecutionSettings settings) => new(settings) { [Key] = this };

    public static PromptCall From(KernelArguments arguments) =>
        arguments.TryGetValue(Key, out var value) && value is PromptCall call ? call
            : throw new PromptRenderException($"a prompt function was invoked without its request: pass a {nameof(PromptCall)} as argument '{Key}'");

    /// <summary>The user message the template's user part becomes: the rendered text, then the template's declared
    /// style as instructions (the offline composer follows the same directives from the request).</summary>
    internal static string UserMessage(PromptTemplate template, RenderedPrompt rendered) =>
        template.Style.IsEmpty ? rendered.User
            : rendered.User + "\n\n# Style the template asks for\n" + string.Join("\n", template.Style.Instructions().Select(l => "- " + l));

    internal string Markup(RenderedPrompt rendered)
    {
        var markup = new StringBuilder();
        PromptMarkup.AppendMessage(markup, "system", rendered.System);
        PromptMarkup.AppendMessage(markup, "user", UserMessage(Template, rendered));
        foreach (var turn in Turns) PromptMarkup.AppendMessage(markup, turn.Role.Value, turn.Text);
        return markup.ToString();
    }
}
