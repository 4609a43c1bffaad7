namespace ContentStudio.E2E.Tests.Api;

/// <summary>The API's JSON as the tests read it back (their own shape, strings for enums, so a renamed value fails here).</summary>
public sealed record VariantJson(Guid Id, string State, string ContentHash, Guid ConcurrencyToken, Dictionary<string, string> Fields,
    string? AssignedTo, string? Gate, FindingsJson Findings, List<DecisionJson> Decisions, List<CommentJson> Comments);

public sealed record FindingsJson(int Count, Dictionary<string, int> BySeverity);

public sealed record DecisionJson(string Action, string DecidedBy, string ContentHash, string? Comment);

public sealed record CommentJson(string Author, string Text);

public sealed record ProblemJson(int Status, string Title, string Detail, Dictionary<string, string[]>? Errors,
    string? YourHash, string? CurrentHash, Guid? CurrentToken, string? HeldBy);
