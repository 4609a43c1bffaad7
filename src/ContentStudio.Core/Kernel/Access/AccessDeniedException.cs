namespace ContentStudio.Core.Kernel;

/// <summary>The one refusal every Core access check throws: the user is anonymous, lacks every role that allows the
/// action, or the resource rules say no (separation of duties). <see cref="Exception.Message"/> says why in words a
/// person can act on; the API answers 403 with it, the CLI exits 3.</summary>
public sealed class AccessDeniedException(StudioPermission permission, string reason) : UnauthorizedAccessException(reason)
{
    public StudioPermission Permission { get; } = permission;
}
