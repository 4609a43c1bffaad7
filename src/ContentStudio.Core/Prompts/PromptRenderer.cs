using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ContentStudio.Core.Llm;
using HandlebarsDotNet;
using ContentStudio.Core.Generation;

namespace ContentStudio.Core.Prompts;

/// <summary>A template could not be rendered for a request: names the template file and what is wrong.</summary>
public class PromptRenderException(string message, Exception? inner = null) : InvalidOperationException(message, inner);

/// <summary>Renders a template's system and user parts with the request's values (see <see cref="PromptInputValues"/>).
/// Each template is compiled once: templates are immutable, so the compiled pair is cached per instance.</summary>
public sealed partial class PromptRenderer : IPromptRenderer
{
    private sealed record Compiled(HandlebarsTemplate<object, object> System, HandlebarsTemplate<object, object> User);

    private readonly IHandlebars _handlebars = PromptHandlebars.Create();
    private readonly ConditionalWeakTable<PromptTemplate, Compiled> _compiled = new();
    private readonly Lock _compileGate = new();
    private int _compileCount;

    /// <summary>How many templates this renderer has compiled (tests check the cache with it).</summary>
    internal int CompileCount => _compileCount;

    public RenderedPrompt Render(PromptTemplate template, CompositionRequest request)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(request);
        var values = PromptInputValues.Build(request, template);
        var context = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var input in template.Inputs)
        {
            var value = values.GetValueOrDefault(input.Name);
            if (value is null && input.Required)
            {
                var why = PromptInputCatalog.Find(input.Name) is { } known
                    ? $"has no value for this request ({known.Description})"
                    : "is not one the renderer supplies";
                throw new PromptRenderException($"{Source(template)}: required input '{input.Name}' {why}.");
            }
            context[input.Name] = value;
        }
        var compiled = _compiled.GetValue(template, Compile);
        string system, user;
        try
        {
            system = Tidy(compiled.System(context));
            user = Tidy(compiled.User(context));
        }
        catch (Exception ex) when (ex is not PromptRenderException)
        {
            throw new PromptRenderException($"{Source(template)}: rendering failed: {ex.Message}", ex);
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(system + "\n\n" + user)));
        return new RenderedPrompt(system, user, hash);
    }

    private Compiled Compile(PromptTemplate template)
    {
        try
        {
            Interlocked.Increment(ref _compileCount);
            lock (_compileGate) return new Compiled(_handlebars.Compile(template.SystemTemplate), _handlebars.Compile(template.UserTemplate));
        }
        catch (Exception ex)
        {
            throw new PromptRenderException($"{Source(template)}: the template does not compile: {ex.Message}", ex);
        }
    }

    private static string Source(PromptTemplate t) => string.IsNullOrEmpty(t.SourcePath) ? $"template '{t.Name}'" : t.SourcePath;

    /// <summary>Conditional blocks leave blank lines and trailing spaces behind; the model does not need them, and a
    /// stable shape keeps the prompt hash stable.</summary>
    private static string Tidy(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd());
        return ExtraBlankLines().Replace(string.Join('\n', lines), "\n\n").Trim();
    }

    [GeneratedRegex("\n{3,}")]
    private static partial Regex ExtraBlankLines();
}
