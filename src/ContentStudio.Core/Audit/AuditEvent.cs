namespace ContentStudio.Core.Audit;

/// <summary>One append-only audit record. <see cref="Sequence"/> runs 1, 2, 3… without gaps; each event carries the
/// hash of the one before, so changing, removing or re-linking a row is visible to <see cref="AuditVerifier"/>.
/// The database refuses UPDATE and DELETE on this table (triggers created by the ReviewAndAudit migration).
/// <see cref="ChainVersion"/> says how <see cref="Hash"/> was made (<see cref="AuditChainVersions"/>): events written
/// before the chain was keyed keep their plain SHA-256 and verify as they always did.</summary>
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
    public int ChainVersion { get; set; }
}

/// <summary>How an event's hash was made. Only ever moves forward along the chain: an unkeyed event after a keyed one
/// is a downgrade (someone without the key rewrote the tail), never a legitimate write.</summary>
public static class AuditChainVersions
{
    /// <summary>Plain SHA-256: anyone who can write the database can re-hash it. Events from before the key.</summary>
    public const int Unkeyed = 0;
    /// <summary>HMAC-SHA256 with the chain key (Audit:ChainKey or the key file), which the database does not hold.</summary>
    public const int Keyed = 1;
    public const int Current = Keyed;
}
