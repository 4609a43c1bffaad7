namespace ContentStudio.Core.Audit;

/// <summary>The action names used in the log. Other features add theirs here so the names stay in one place.</summary>
public static class AuditActions
{
    public const string ReviewSubmitted = "review.submitted";
    public const string VariantEdited = "variant.edited";
    public const string ReviewApproved = "review.approved";
    public const string ReviewOverrideApproved = "review.override-approved";
    public const string ReviewRejected = "review.rejected";
    public const string ReviewChangesRequested = "review.changes-requested";
    public const string ReviewScheduled = "review.scheduled";
    public const string ReviewPublished = "review.published";
    public const string TemplateReleased = "template.released";
    public const string PublishTargetAdded = "publishing.target-added";
    public const string PublishTargetEnabled = "publishing.target-enabled";
    public const string PublishTargetDisabled = "publishing.target-disabled";
    public const string SignInFailed = "auth.sign-in-failed";
    public const string SignedIn = "auth.signed-in";
    public const string SignedOut = "auth.signed-out";
    public const string AccessDenied = "auth.access-denied";
    public const string UserCreated = "user.created";
    public const string UserRolesChanged = "user.roles-changed";
    public const string UserPasswordChanged = "user.password-changed";
    public const string UserPasswordReset = "user.password-reset";
    public const string UserDisabled = "user.disabled";
    public const string UserEnabled = "user.enabled";
    public const string CampaignCreated = "campaign.created";
    public const string RunStarted = "run.started";
    public const string RunCancelled = "run.cancelled";
    public const string ResultsImported = "insights.results-imported";
    public const string ExperimentControlDesignated = "insights.control-designated";
}
