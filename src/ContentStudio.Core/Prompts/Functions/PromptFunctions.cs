using System.Runtime.CompilerServices;
using Microsoft.SemanticKernel;

namespace ContentStudio.Core.Prompts.Functions;

/// <summary>Each prompt template as a Semantic Kernel <see cref="KernelFunction"/>, made once per loaded template
/// (templates are immutable; a released revision is a new instance, so it gets a new function).</summary>
public sealed class PromptFunctions(IPromptRenderer renderer)
{
    readonly ConditionalWeakTable<PromptTemplate, KernelFunction> _functions = new();

    public KernelFunction For(PromptTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return _functions.GetValue(template, Create);
    }

    KernelFunction Create(PromptTemplate template)
    {
        var config = new PromptTemplateConfig
        {
            Name = FunctionName(template.Name),
            Description = template.Description,
            TemplateFormat = StudioPromptTemplateFactory.Format,
            // The body as the file has it; the factory renders from the loaded template (see its summary).
            Template = $"<message role=\"system\">\n{template.SystemTemplate}\n</message>\n<message role=\"user\">\n{template.UserTemplate}\n</message>",
            InputVariables = [.. template.Inputs.Select(i => new InputVariable { Name = i.Name, Description = i.Description, IsRequired = i.Required })],
        };
        return KernelFunctionFactory.CreateFromPrompt(config, new StudioPromptTemplateFactory(renderer, template));
    }

    /// <summary>SK names are letters, digits and underscores.</summary>
    static string FunctionName(string name)
    {
        var clean = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);
        return clean.Length == 0 ? "prompt" : clean;
    }
}
