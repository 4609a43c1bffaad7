using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using ContentStudio.Core.Prompts;

namespace ContentStudio.Core.Generation;

/// <summary>The execution settings of one composition call. Semantic Kernel turns settings into the
/// <see cref="ChatOptions"/> the model pipeline receives by way of a loosely-typed dictionary (a derived type is even
/// round-tripped through JSON), which would lose the response schema's name and turn the structured request into JSON;
/// so the options are set here, on SK's own hook for derived settings, with the real objects: the template's temperature
/// and output cap, the request's seed, the channel's reply schema and the <see cref="CompositionRequest"/> the offline
/// composer writes from (not sent over the wire).</summary>
public sealed class CompositionSettings : PromptExecutionSettings
{
    readonly CompositionRequest _request;
    readonly double _temperature;

    CompositionSettings(CompositionRequest request, double temperature, int maxOutputTokens)
    {
        _request = request;
        _temperature = temperature;
        MaxOutputTokens = maxOutputTokens;
    }

    public static CompositionSettings For(PromptTemplate template, CompositionRequest request) =>
        new(request, template.Temperature, template.MaxOutputTokens);

    /// <summary>The output-token cap the call asks for.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int MaxOutputTokens { get; }

    /// <summary>The same call with another output-token cap (the re-ask of a reply cut at its limit).</summary>
    public CompositionSettings WithMaxOutputTokens(int cap) => new(_request, _temperature, cap);

    /// <summary>SK clones settings it keeps; a base clone would drop the request and the options with it.</summary>
    public override PromptExecutionSettings Clone() => new CompositionSettings(_request, _temperature, MaxOutputTokens)
    {
        ServiceId = ServiceId, ModelId = ModelId, FunctionChoiceBehavior = FunctionChoiceBehavior,
    };

    protected override void PrepareChatOptionsForRequest(ChatOptions options)
    {
        options.Temperature = (float)_temperature;
        options.MaxOutputTokens = MaxOutputTokens;
        options.Seed = _request.Seed;
        options.ResponseFormat = ReplySchema.For(_request.Channel);
        (options.AdditionalProperties ??= [])[CompositionRequest.PropertyKey] = _request;
    }
}
