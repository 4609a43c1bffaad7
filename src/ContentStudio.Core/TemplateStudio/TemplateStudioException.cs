using ContentStudio.Core.Brands;
using ContentStudio.Core.Channels;
using DiffPlex.DiffBuilder.Model;
using ContentStudio.Core.Kernel;
using ContentStudio.Core.Prompts;

namespace ContentStudio.Core.TemplateStudio;

/// <summary>A template operation refused, with a message that says what to do; <see cref="Regressions"/> is set
/// when the release gate found the candidate worse than the released version.</summary>
public sealed class TemplateStudioException(string message, IReadOnlyList<Regression>? regressions = null) : InvalidOperationException(message)
{
    public IReadOnlyList<Regression> Regressions { get; } = regressions ?? [];
}
