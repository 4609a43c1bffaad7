namespace ContentStudio.Core.Generation;

/// <summary>The durable job that expands a campaign into tasks and tracks them to the end.</summary>
public sealed class GenerationRun
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CampaignId { get; set; }
    public RunStatus Status { get; set; } = RunStatus.Queued;
    public int TotalTasks { get; set; }
    /// <summary>Incremented in the same transaction that finishes a task, so it never drifts.</summary>
    public int DoneTasks { get; set; }
    public int NeedsAttentionTasks { get; set; }
    public int CancelledTasks { get; set; }
    public bool CancelRequested { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime? StartedUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }
    /// <summary>The campaign checks' overall report for this run (JSON, see Checks.StoredReports); null until they ran.</summary>
    public string? CampaignReportJson { get; set; }
}
