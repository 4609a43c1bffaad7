using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace ContentStudio.Core.Llm;

/// <summary>Records tokens, latency and model of every call, failed ones included, so totals are honest.
/// Outermost in the pipeline: latency includes queueing for a slot and every retry.</summary>
public sealed class UsageRecordingChatClient(IChatClient inner, ILlmUsageRecorder recorder, string provider, string model, TimeProvider? time = null)
    : DelegatingChatClient(inner)
{
    readonly TimeProvider _time = time ?? TimeProvider.System;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        try
        {
            var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            Record(started, response.ModelId ?? options?.ModelId, response.Usage, succeeded: true);
            return response;
        }
        catch
        {
            Record(started, options?.ModelId, null, succeeded: false);
            throw;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        UsageDetails? usage = null;
        string? modelId = options?.ModelId;
        var succeeded = false;
        try
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
            {
                modelId = update.ModelId ?? modelId;
                foreach (var u in update.Contents.OfType<UsageContent>())
                {
                    usage ??= new UsageDetails();
                    usage.Add(u.Details);
                }
                yield return update;
            }
            succeeded = true;
        }
        finally
        {
            Record(started, modelId, usage, succeeded);
        }
    }

    void Record(long started, string? modelId, UsageDetails? usage, bool succeeded) =>
        recorder.Record(new LlmUsageRecord(DateTime.UtcNow, provider, string.IsNullOrEmpty(modelId) ? model : modelId,
            usage?.InputTokenCount ?? 0, usage?.OutputTokenCount ?? 0, _time.GetElapsedTime(started), succeeded));
}
