namespace ContentStudio.Core.Brands;

/// <summary>A problem in a source file a person edits (brand guide, prompt template, CSV, brief):
/// where it is and what to fix.</summary>
public sealed record SourceError(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}
