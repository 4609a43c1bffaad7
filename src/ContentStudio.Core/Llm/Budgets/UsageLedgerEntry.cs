namespace ContentStudio.Core.Llm.Budgets;

/// <summary>One model call as the pipeline saw it (after its retries): who caused it, for what, which model, the tokens
/// it used and what they are estimated to cost. Written by <see cref="SpendLimitChatClient"/>; budgets sum these rows.</summary>
public sealed class UsageLedgerEntry
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public DateTime AtUtc { get; set; }
    /// <summary>The user the call was made for; empty when no caller was entered.</summary>
    public string UserName { get; set; } = "";
    public Guid? CampaignId { get; set; }
    public string? BrandSlug { get; set; }
    public string Provider { get; set; } = "";
    public string Model { get; set; } = "";
    public long InputTokens { get; set; }
    public long OutputTokens { get; set; }
    /// <summary>In the currency of Budgets:InputCostPerMillionTokens / OutputCostPerMillionTokens; 0 when no prices are set.</summary>
    public double CostEstimate { get; set; }
    public long LatencyMilliseconds { get; set; }
    public bool Succeeded { get; set; }
}
