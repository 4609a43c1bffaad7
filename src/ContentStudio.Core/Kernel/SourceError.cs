namespace ContentStudio.Core.Kernel;

/// <summary>How bad a <see cref="SourceError"/> is: an error keeps the file from loading, a warning does not.</summary>
public enum SourceSeverity { Error, Warning }

/// <summary>A problem in a source file a person edits (brand guide, prompt template, CSV, brief):
/// where it is and what to fix.</summary>
public sealed record SourceError(string File, int Line, string Message)
{
    /// <summary>Error unless set: existing producers keep their meaning.</summary>
    public SourceSeverity Severity { get; init; } = SourceSeverity.Error;

    public bool IsWarning => Severity == SourceSeverity.Warning;

    public override string ToString()
    {
        var prefix = IsWarning ? "warning: " : "";
        return Line > 0 ? $"{File}:{Line}: {prefix}{Message}" : $"{File}: {prefix}{Message}";
    }
}
