using Microsoft.SemanticKernel;

namespace ContentStudio.Core.Prompts.Functions;

/// <summary>The prompt is too long to send (see <see cref="PromptSizeFilter"/>).</summary>
public sealed class PromptTooLargeException(string message) : PromptRenderException(message);

/// <summary>Refuses a rendered prompt over <see cref="MaxPromptTokens"/> before the model is called. Every input has its
/// own bound (a brand guide 256 KB, a template 128 KB, feedback 4,000 characters), but together they can still make a
/// prompt of some 100,000 tokens that would be paid for on every variant of a run, or refused by the provider after a
/// slot, a retry budget and a ledger row were spent on it. Measured on the messages the model would read (decoded, every
/// turn), with the project's usual four characters a token.</summary>
public sealed class PromptSizeFilter : IPromptRenderFilter
{
    /// <summary>A hard safety bound, not a setting (like <c>CompositionRequest.MaxFeedbackLength</c>): the shipped
    /// templates render to 1,000–3,000 tokens with a full brand guide.</summary>
    public const int MaxPromptTokens = 32_000;

    public async Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next)
    {
        await next(context).ConfigureAwait(false);
        if (context.Result is not null) return; // an earlier filter answered: nothing goes to the model
        var call = PromptCall.From(context.Arguments);
        if (call.Rendered is not { } rendered) return;
        var characters = rendered.System.Length + PromptCall.UserMessage(call.Template, rendered).Length + call.Turns.Sum(t => t.Text.Length);
        var tokens = (characters + 3) / 4;
        if (tokens > MaxPromptTokens)
            throw new PromptTooLargeException(
                $"the rendered prompt is about {tokens:N0} tokens ({characters:N0} characters), over the limit of {MaxPromptTokens:N0}: " +
                "shorten the brand guide's Voice, Do, Don't and Examples sections, the segment's description or the brief");
    }
}
