using ContentStudio.Core.Prompts.Functions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using SkKernel = Microsoft.SemanticKernel.Kernel;

namespace ContentStudio.Core.Generation;

/// <summary>Makes the Semantic Kernel a generation call runs in: the configured <see cref="IChatClient"/> pipeline (the
/// one from DI: token cap, budgets, usage, logging, retries and throttle, telemetry, error translation) as its only AI
/// service, and the filters that carry the cross-cutting steps of a composition (<see cref="PromptSizeFilter"/>). The
/// services are built once; a kernel is cheap and made per call, so nothing one call adds to it reaches another. No
/// logger factory on purpose: SK logs every rendered prompt at Trace level, and prompts hold briefs and segments (the
/// pipeline's own logging stage keeps them out unless Llm:EnableSensitiveData is on).</summary>
public sealed class GenerationKernel
{
    readonly IServiceProvider _services;

    public GenerationKernel(IChatClient chatClient)
    {
        ArgumentNullException.ThrowIfNull(chatClient);
        _services = new ServiceCollection()
            .AddSingleton(chatClient.GetService<ChatClientMetadata>() is null ? new DescribedChatClient(chatClient) : chatClient)
            .AddSingleton<IPromptRenderFilter, PromptSizeFilter>()
            .BuildServiceProvider();
    }

    public SkKernel Create() => new(_services);
}

/// <summary>SK refuses a chat client that does not describe itself (<see cref="ChatClientMetadata"/>: it fails every call
/// with "Value cannot be null (metadata)"). The providers and the offline composer do; a host's own client may not, and
/// that must not stop generation.</summary>
file sealed class DescribedChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    static readonly ChatClientMetadata Unknown = new("unknown");

    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) && serviceKey is null ? base.GetService(serviceType, serviceKey) ?? Unknown
            : base.GetService(serviceType, serviceKey);
}
