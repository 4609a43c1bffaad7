using System.Runtime.CompilerServices;
using ContentStudio.Core.Checks.Judges;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Llm;

namespace ContentStudio.Core.Checks.Hooks;

/// <summary>Runs the LLM-judge checks right after a variant is written and before it is saved, so the model calls
/// happen outside the save transaction. The outcome travels to <see cref="ItemCheckPostProcessor"/> attached to the
/// request object (which the engine hands to both), and is forgotten with it.</summary>
public sealed class JudgingVariantGenerator(VariantGenerator inner, LlmJudgeRunner judges) : IVariantGenerator
{
    private static readonly ConditionalWeakTable<CompositionRequest, JudgeOutcome> Outcomes = new();

    public async Task<GeneratedVariant> GenerateAsync(CompositionRequest request, CancellationToken cancellationToken)
    {
        var generated = await inner.GenerateAsync(request, cancellationToken);
        if (generated.Outcome == VariantOutcome.Ok)
        {
            var outcome = await judges.RunAsync(new VariantContent(request.Channel.Kind, generated.Fields), request.Brand, request.Segment, cancellationToken);
            Outcomes.AddOrUpdate(request, outcome);
        }
        return generated;
    }

    /// <summary>The judges' outcome for this request, if they ran.</summary>
    public static JudgeOutcome? OutcomeFor(CompositionRequest request) => Outcomes.TryGetValue(request, out var o) ? o : null;
}
