using ContentStudio.Core.Brands;

namespace ContentStudio.Core.Campaigns;

/// <summary>Thrown when a brief cannot be accepted; <see cref="Errors"/> names each field and what to fix.</summary>
public sealed class BriefValidationException(IReadOnlyList<FieldError> errors, string? source = null)
    : Exception((source is null ? "The brief is not valid:" : $"{source}: the brief is not valid:") +
                Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}
