using ContentStudio.Core.Checks;
using ContentStudio.Core.Identity;
using ContentStudio.Core.TemplateStudio;
using ContentStudio.Core.Review.Queue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContentStudio.Core.Configuration;

/// <summary>One or more settings are invalid. <see cref="Exception.Message"/> is meant for an operator: one line per
/// problem, each naming its key; no stack trace is needed to act on it.</summary>
public sealed class SettingsException(IReadOnlyList<string> problems)
    : Exception("invalid settings:\n  " + string.Join("\n  ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
