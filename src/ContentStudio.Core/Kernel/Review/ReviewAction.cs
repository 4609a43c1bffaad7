namespace ContentStudio.Core.Kernel;

/// <summary>What a person (or the outbox, for <see cref="Publish"/>) can do to a variant. <see cref="OverrideApprove"/>
/// moves the state like <see cref="Approve"/> but is a separate action so it can be authorised and audited on its own.</summary>
public enum ReviewAction { Submit, Edit, Approve, OverrideApprove, Reject, RequestChanges, Schedule, Publish }
