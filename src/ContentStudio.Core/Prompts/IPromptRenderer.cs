using ContentStudio.Core.Llm;
using ContentStudio.Core.Kernel;
using ContentStudio.Core.Generation;

namespace ContentStudio.Core.Prompts;

/// <summary>Renders a template for one request: untrusted fields fenced and cleaned.</summary>
public interface IPromptRenderer
{
    RenderedPrompt Render(PromptTemplate template, CompositionRequest request);
}

/// <summary>The loaded, validated templates (one per channel is released).</summary>
public interface IPromptCatalog
{
    IReadOnlyList<PromptTemplate> Templates { get; }
    /// <summary>Load problems, by file and line. A template with errors is not in <see cref="Templates"/>.</summary>
    IReadOnlyList<ContentStudio.Core.Kernel.SourceError> Errors { get; }
    PromptTemplate? ForChannel(ContentStudio.Core.Channels.ChannelKind channel);
}
