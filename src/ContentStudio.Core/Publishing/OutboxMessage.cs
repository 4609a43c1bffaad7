namespace ContentStudio.Core.Publishing;

/// <summary>One publication: an approved variant (at one content hash) on its way to one target. Written in the
/// same transaction as the variant's state change; the dispatcher claims it with a lease, sends it, and records
/// the receipt. <see cref="Id"/> is the delivery id the receiver sees on every attempt, so it can deduplicate.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid VariantId { get; set; }
    public Guid TargetId { get; set; }
    public Guid CampaignId { get; set; }
    /// <summary>The approved content hash; the row is cancelled if the variant no longer has it at send time.</summary>
    public string ContentHash { get; set; } = "";
    /// <summary>The body sent (webhook) or exported (file), fixed when queued so every attempt sends the same bytes.</summary>
    public string PayloadJson { get; set; } = "{}";
    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;
    public int Attempts { get; set; }
    public DateTime NextAttemptUtc { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseExpiresUtc { get; set; }
    public string? LastError { get; set; }
    public DateTime? SentUtc { get; set; }
    public string? ReceiptJson { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();
}
