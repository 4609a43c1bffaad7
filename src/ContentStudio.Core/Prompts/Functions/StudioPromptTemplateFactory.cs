using System.Diagnostics.CodeAnalysis;
using Microsoft.SemanticKernel;
using SkKernel = Microsoft.SemanticKernel.Kernel;

namespace ContentStudio.Core.Prompts.Functions;

/// <summary>Semantic Kernel's way in for a template format it does not know: ours, the Handlebars dialect of
/// <c>prompts/*.prompt.md</c> (SK's own Handlebars package is not served, and its <c>{{$var}}</c> format is too weak for
/// these templates). The factory is made for one loaded template, whose body is the config's template text; rendering
/// is the project's <see cref="IPromptRenderer"/> (one renderer: the CLI's preview, template evaluation and generation
/// render alike).</summary>
public sealed class StudioPromptTemplateFactory(IPromptRenderer renderer, PromptTemplate template) : IPromptTemplateFactory
{
    /// <summary>The <see cref="PromptTemplateConfig.TemplateFormat"/> of a studio template.</summary>
    public const string Format = "contentstudio-handlebars";

    public bool TryCreate(PromptTemplateConfig templateConfig, [NotNullWhen(true)] out IPromptTemplate? result)
    {
        ArgumentNullException.ThrowIfNull(templateConfig);
        result = templateConfig.TemplateFormat == Format ? new StudioPromptTemplate(renderer, template) : null;
        return result is not null;
    }

    /// <summary>Renders with the project's renderer and writes SK's message markup, every message encoded
    /// (<see cref="PromptMarkup"/>).</summary>
    sealed class StudioPromptTemplate(IPromptRenderer renderer, PromptTemplate template) : IPromptTemplate
    {
        public Task<string> RenderAsync(SkKernel kernel, KernelArguments? arguments = null, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var call = PromptCall.From(arguments ?? []);
            RenderedPrompt rendered;
            try
            {
                rendered = renderer.Render(template, call.Request);
            }
            catch (Exception e) when (e is not (PromptRenderException or OperationCanceledException))
            {
                throw new PromptRenderException(e.Message, e);
            }
            call.Rendered = rendered;
            return Task.FromResult(call.Markup(rendered));
        }
    }
}
