namespace ContentStudio.Core.Audit;

/// <summary>One append-only audit record. <see cref="Sequence"/> runs 1, 2, 3… without gaps; each event carries the
/// hash of the one before, so changing, removing or re-linking a row is visible to <see cref="AuditVerifier"/>.
/// The database refuses UPDATE and DELETE on this table (triggers created by the ReviewAndAudit migration).</summary>
public sealed class AuditEvent
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public long Sequence { get; set; }
    public DateTime AtUtc { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    /// <summary>The event's details as a JSON object, stored verbatim (the hash covers these exact characters).</summary>
    public string DataJson { get; set; } = "{}";
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}
