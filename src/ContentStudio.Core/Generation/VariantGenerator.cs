using ContentStudio.Core.Llm;
using ContentStudio.Core.Prompts;
using ContentStudio.Core.Prompts.Functions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ContentStudio.Core.Kernel;
using Microsoft.Extensions.Options;

namespace ContentStudio.Core.Generation;

/// <summary>Renders the channel's released template, calls the model pipeline, and parses the reply. A reply that
/// cannot be used even after repair gets one corrective turn; after that, or when the model call fails (after the
/// middleware's retries), the variant comes back as NeedsAttention with the raw text and the reason. A reply the model
/// did not finish (cut at the output-token limit, or stopped by the provider's content filter) is never repaired into
/// usable copy: a cut one is asked again once with a larger cap, a filtered one needs a person. Provider error text is
/// redacted before it becomes a problem. Only the caller's own cancellation escapes as an exception.</summary>
public sealed class VariantGenerator(
    IPromptCatalog catalog,
    IPromptRenderer renderer,
    IChatClient chatClient,
    ILlmDescriptor descriptor,
    ILogger<VariantGenerator>? logger = null,
    TimeProvider? time = null,
    IOptions<LlmOptions>? llmOptions = null,
    SecretRedactor? redactor = null) : IVariantGenerator
{
    /// <summary>One model reply, then at most one corrective turn.</summary>
    public const int MaxRounds = 2;

    public const string CutAtLimit = "the model stopped at the output-token limit";
    public const string StoppedByFilter = "the provider's content filter stopped the reply";

    readonly ILogger _logger = logger ?? NullLogger<VariantGenerator>.Instance;
    readonly TimeProvider _time = time ?? TimeProvider.System;
    readonly int _ceiling = llmOptions?.Value.MaxOutputTokensCeiling ?? new LlmOptions().MaxOutputTokensCeiling;
    readonly SecretRedactor _redactor = redactor ?? SecretRedactor.PatternsOnly;
    readonly GenerationKernel _kernel = new(chatClient);
    readonly PromptFunctions _functions = new(renderer);

    public async Task<GeneratedVariant> GenerateAsync(CompositionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var run = new Run(descriptor, _time);
        var channel = request.Channel;

        var template = catalog.ForChannel(channel.Kind);
        if (template is null)
            return run.Attention($"no prompt template for channel {channel.Key} (add prompts/{channel.Key}.prompt.md)");
        run.Template = template;
        // The template's declared style travels with the request: the offline composer follows it, and a real model
        // reads it below (both honour the same directives, so a template edit changes what either writes).
        if (!template.Style.IsEmpty) request = request with { Style = template.Style };

        // The template's kernel function renders it (the project's renderer, SK's message markup, every message encoded)
        // in this call's kernel, whose filters check the prompt before the configured model pipeline is called.
        var kernel = _kernel.Create();
        var function = _functions.For(template);
        var call = run.Call = new PromptCall(template, request);
        var settings = CompositionSettings.For(template, request);
        var raisedCap = false;
        IReadOnlyList<string> problems = [];
        for (var round = 1; round <= MaxRounds; round++)
        {
            ChatResponse response;
            try
            {
                var result = await function.InvokeAsync(kernel, call.Arguments(settings), cancellationToken).ConfigureAwait(false);
                response = result.GetValue<ChatResponse>() ?? throw new InvalidOperationException("the prompt function returned no chat response");
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (PromptRenderException e)
            {
                // Nothing was sent: the template could not be rendered for this request, or rendered too large.
                return run.Attention($"prompt template '{template.Name}' ({template.SourcePath}) could not be rendered: {e.Message}");
            }
            catch (ModelCallException e)
            {
                run.Attempts += e.Attempts;
                var failed = run.Attention(e.Kind == ModelFailureKind.BudgetExceeded
                    ? $"no model call was made: {e.Message}" // a budget, not a failure: nothing reached the provider
                    : $"the model call failed: {_redactor.Redact(e.Message)}");
                // A busy or unreachable provider is weather: the engine puts the task back instead of asking a person.
                failed = failed with { FailureKind = e.Kind };
                return Log(e.IsTransient ? failed with { Transient = true, RetryAfter = e.RetryAfter } : failed, request);
            }
            catch (Exception e)
            {
                run.Attempts += 1;
                return Log(run.Attention($"the model call failed: {e.GetType().Name}: {_redactor.Redact(e.Message)}"), request);
            }

            run.Add(response);
            if (response.FinishReason == ChatFinishReason.ContentFilter)
                return Log(run.Attention($"{StoppedByFilter}{run.SafetySummary()}; the partial text is kept for a person to read"), request);
            if (response.FinishReason == ChatFinishReason.Length)
            {
                // Whatever the repair could make of a cut reply is not the copy the model meant to write. Ask the same
                // question again with room to finish (not a corrective turn: the reply was not wrong, only short).
                var cap = settings.MaxOutputTokens;
                if (!raisedCap && cap < _ceiling)
                {
                    raisedCap = true;
                    settings = settings.WithMaxOutputTokens(Math.Min(cap * 2, _ceiling));
                    round--; // the re-ask does not use up the corrective turn
                    continue;
                }
                return Log(run.Attention($"{CutAtLimit} ({cap} tokens{(raisedCap ? $", after a retry with double the template's {template.MaxOutputTokens}" : "")}; " +
                    $"raise max output tokens in {template.SourcePath}, or Llm:MaxOutputTokensCeiling)"), request);
            }

            var parsed = VariantOutputParser.Parse(response.Text, channel);
            if (parsed.IsValid) return run.Ok(parsed.Fields);

            problems = parsed.Errors;
            if (round < MaxRounds)
            {
                call.Turns.Add(new ChatMessage(ChatRole.Assistant, response.Text));
                call.Turns.Add(new ChatMessage(ChatRole.User, CorrectiveMessage(parsed, channel)));
            }
        }

        return Log(run.Attention($"the model's reply could not be used after {MaxRounds} tries: {string.Join("; ", problems)}"), request);
    }

    /// <summary>Kept to one short line that names the problem and the keys: the template owns the real instructions.</summary>
    static string CorrectiveMessage(VariantParseResult parsed, Channels.ChannelSpec channel) =>
        $"Your reply could not be used: {string.Join("; ", parsed.Errors)}. " +
        $"Reply again with only one JSON object, no other text, whose keys are {string.Join(", ", channel.Fields.Select(f => f.Name))} and whose values are strings.";

    GeneratedVariant Log(GeneratedVariant variant, CompositionRequest request)
    {
        if (variant.Transient)
            _logger.LogInformation("Variant {Index} for segment {Segment} on {Channel} waits for the provider: {Problem}",
                request.VariantIndex, request.Segment.Name, request.Channel.Key, variant.Problem);
        else
            _logger.LogWarning("Variant {Index} for segment {Segment} on {Channel} needs attention: {Problem}",
                request.VariantIndex, request.Segment.Name, request.Channel.Key, variant.Problem);
        return variant;
    }

    /// <summary>What one generation has gathered so far, for provenance.</summary>
    sealed class Run(ILlmDescriptor descriptor, TimeProvider time)
    {
        readonly long _started = time.GetTimestamp();
        public PromptTemplate? Template { get; set; }
        /// <summary>The template call: its rendered prompt's hash goes into provenance, even when the model call fails.</summary>
        public PromptCall? Call { get; set; }
        public string? Model { get; private set; }
        public int Attempts { get; set; }
        public string Raw { get; private set; } = "";
        readonly List<ProviderSafetyResult> _safety = [];
        long _input, _output;

        public void Add(ChatResponse response)
        {
            Attempts += response.AdditionalProperties?.TryGetValue(RetryingChatClient.AttemptsPropertyKey, out var a) == true && a is int n ? n : 1;
            _input += response.Usage?.InputTokenCount ?? 0;
            _output += response.Usage?.OutputTokenCount ?? 0;
            Model = string.IsNullOrEmpty(response.ModelId) ? Model : response.ModelId;
            Raw = response.Text;
            _safety.AddRange(ProviderSafety.Read(response));
        }

        /// <summary>" (flagged: violence high, filtered)" when the provider's safety system flagged something.</summary>
        public string SafetySummary() => _safety.Count == 0 ? ""
            : " (flagged: " + string.Join(", ", _safety.Select(r => $"{r.Category} {r.Severity}{(r.Filtered ? ", filtered" : "")}{(r.InPrompt ? " in the prompt" : "")}")) + ")";

        public GeneratedVariant Ok(IReadOnlyDictionary<string, string> fields) =>
            new(VariantOutcome.Ok, fields, Raw, Provenance()) { ProviderSafety = [.. _safety] };

        public GeneratedVariant Attention(string problem) =>
            new(VariantOutcome.NeedsAttention, new Dictionary<string, string>(), Raw, Provenance(), problem) { ProviderSafety = [.. _safety] };

        VariantProvenance Provenance() => new(
            Template?.Name ?? "", Template?.Version ?? "", descriptor.Provider, Model ?? descriptor.Model, Call?.Rendered?.PromptHash ?? "",
            (int)Math.Min(_input, int.MaxValue), (int)Math.Min(_output, int.MaxValue),
            (long)time.GetElapsedTime(_started).TotalMilliseconds, Attempts);
    }
}
