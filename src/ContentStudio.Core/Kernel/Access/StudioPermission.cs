namespace ContentStudio.Core.Kernel;

/// <summary>Everything a person may or may not do: the rows of the one permission table (<see cref="Access"/>).
/// The review rows also have resource rules (separation of duties, justifications) that
/// <see cref="Access.Check(StudioUser?, ReviewAction, VariantReviewFacts, string?)"/> adds.</summary>
public enum StudioPermission
{
    // Review actions on one variant (ReviewAction → permission: Access.For).
    SubmitVariant,
    EditVariant,
    ApproveVariant,
    OverrideApproval,
    RejectVariant,
    RequestChanges,
    /// <summary>Queue approved copy for a later send.</summary>
    ScheduleVariant,
    /// <summary>Queue approved copy for sending now.</summary>
    PublishVariant,
    /// <summary>Claim, release and comment in the review queue.</summary>
    WorkQueue,
    /// <summary>Free a claim someone else holds (a stale one); the holder may always release their own.</summary>
    ReleaseAnyClaim,

    /// <summary>Create a campaign and start (or resume, or cancel) its generation run.</summary>
    Generate,
    /// <summary>Save or import prompt template versions.</summary>
    EditTemplates,
    /// <summary>Run a template's evaluation set (stores the evaluation the release gate reads).</summary>
    EvaluateTemplates,
    /// <summary>Release a template version or roll back to an earlier one.</summary>
    ReleaseTemplates,
    /// <summary>Run the outbox dispatcher, retry or cancel deliveries.</summary>
    PublishRun,
    /// <summary>Add, change or disable publish targets (they decide where content goes and which secrets are used).</summary>
    ManagePublishTargets,
    /// <summary>Read the audit log and verify its chain.</summary>
    ReadAudit,
    /// <summary>Add users and change their roles.</summary>
    ManageUsers,
    /// <summary>Import or edit a brand's audience segments (their protected attributes drive the fairness checks).</summary>
    ManageSegments,

    /// <summary>Import performance results (CSV, CLI, signed webhook) for published variants.</summary>
    ImportResults,
    /// <summary>Choose the control variant of a campaign's segment × channel experiment.</summary>
    DesignateControl,
    /// <summary>Read experiment reports and the Insights page.</summary>
    ReadInsights,
    /// <summary>Read model use per day per user and per brand against the budgets (`studio usage`).</summary>
    ReadUsage,
}
