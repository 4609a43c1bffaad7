namespace ContentStudio.Core.Kernel;

/// <summary>Review states and actions in plain words, for people: pages, messages and exports say "Changes
/// requested", never the enum name (the API keeps the names: they are its contract). The one mapping; a test covers
/// every value.</summary>
public static class ReviewWords
{
    /// <summary>A state as a label or column value: "Changes requested".</summary>
    public static string Label(ReviewState state) => state switch
    {
        ReviewState.Generated => "New",
        ReviewState.InReview => "In review",
        ReviewState.Approved => "Approved",
        ReviewState.Rejected => "Rejected",
        ReviewState.ChangesRequested => "Changes requested",
        ReviewState.Scheduled => "Scheduled",
        ReviewState.Published => "Published",
        _ => state.ToString(),
    };

    /// <summary>A state inside a sentence ("a variant that is …").</summary>
    public static string Describe(ReviewState state) => state switch
    {
        ReviewState.Generated => "new and not reviewed yet",
        ReviewState.ChangesRequested => "waiting for the changes a reviewer asked for",
        _ => Label(state).ToLowerInvariant(),
    };

    /// <summary>An action as a button or list label: "Request changes".</summary>
    public static string Label(ReviewAction action) => action switch
    {
        ReviewAction.Submit => "Submit for review",
        ReviewAction.Edit => "Edit",
        ReviewAction.Approve => "Approve",
        ReviewAction.OverrideApprove => "Override and approve",
        ReviewAction.Reject => "Reject",
        ReviewAction.RequestChanges => "Request changes",
        ReviewAction.Schedule => "Schedule",
        ReviewAction.Publish => "Publish",
        _ => action.ToString(),
    };
}
