namespace ContentStudio.Core.Audit;

/// <summary>What a caller wants recorded; the log adds the sequence, time and chain.
/// <paramref name="Data"/> is serialised to JSON (an object; null gives "{}").</summary>
public sealed record AuditEntry(string Actor, string Action, string EntityType, string EntityId, object? Data = null);
