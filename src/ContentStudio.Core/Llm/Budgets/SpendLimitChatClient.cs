using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace ContentStudio.Core.Llm.Budgets;

/// <summary>Pipeline stage in front of usage recording and retries: a call waits for one of its user's call slots, is
/// refused before it reaches the provider when its user's or brand's daily token budget is used up (a
/// <see cref="ModelCallException"/> of kind <see cref="ModelFailureKind.BudgetExceeded"/>, not transient, with 0 attempts
/// and a message saying which budget and when it resets), and adds a row to the usage ledger when it ends, failed calls
/// included (with whatever tokens the provider reported). The caller is <see cref="LlmCaller.Current"/>.</summary>
public sealed class SpendLimitChatClient(IChatClient inner, SpendLimits limits, string provider, string model, TimeProvider? time = null)
    : DelegatingChatClient(inner)
{
    readonly TimeProvider _time = time ?? TimeProvider.System;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var caller = LlmCaller.Current;
        using var slot = await limits.TakeUserSlotAsync(caller, cancellationToken).ConfigureAwait(false);
        await RefuseOverBudgetAsync(caller, cancellationToken).ConfigureAwait(false);
        var started = _time.GetTimestamp();
        ChatResponse? response = null;
        try
        {
            response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            return response;
        }
        finally
        {
            await RecordAsync(caller, started, response?.ModelId ?? options?.ModelId, response?.Usage, response is not null).ConfigureAwait(false);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var caller = LlmCaller.Current;
        using var slot = await limits.TakeUserSlotAsync(caller, cancellationToken).ConfigureAwait(false);
        await RefuseOverBudgetAsync(caller, cancellationToken).ConfigureAwait(false);
        var started = _time.GetTimestamp();
        UsageDetails? usage = null;
        var modelId = options?.ModelId;
        var succeeded = false;
        try
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
            {
                modelId = update.ModelId ?? modelId;
                foreach (var u in update.Contents.OfType<UsageContent>())
                    (usage ??= new UsageDetails()).Add(u.Details);
                yield return update;
            }
            succeeded = true;
        }
        finally
        {
            await RecordAsync(caller, started, modelId, usage, succeeded).ConfigureAwait(false);
        }
    }

    async Task RefuseOverBudgetAsync(LlmCaller? caller, CancellationToken ct)
    {
        if (await limits.RefusalAsync(caller, ct).ConfigureAwait(false) is { } refusal)
            throw new ModelCallException(refusal, ModelFailureKind.BudgetExceeded, isTransient: false) { Attempts = 0 };
    }

    Task RecordAsync(LlmCaller? caller, long started, string? modelId, UsageDetails? usage, bool succeeded) =>
        limits.RecordAsync(new UsageLedgerEntry
        {
            UserName = caller?.User ?? "",
            CampaignId = caller?.CampaignId,
            BrandSlug = caller?.BrandSlug,
            Provider = provider,
            Model = string.IsNullOrEmpty(modelId) ? model : modelId,
            InputTokens = usage?.InputTokenCount ?? 0,
            OutputTokens = usage?.OutputTokenCount ?? 0,
            LatencyMilliseconds = (long)_time.GetElapsedTime(started).TotalMilliseconds,
            Succeeded = succeeded,
        });
}
