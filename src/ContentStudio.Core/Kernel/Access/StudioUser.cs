namespace ContentStudio.Core.Kernel;

/// <summary>Who is acting: the one user record every Core service takes (web pages, the API and the CLI build it from
/// the signed-in user). <see cref="Id"/> is the sign-in name: what the audit log and the authorship checks compare (the
/// value GenerationRun.CreatedBy and the edit history hold); Identity's GUID never appears in records.</summary>
public sealed record StudioUser(string Id, string Name, IReadOnlySet<string> Roles)
{
    public StudioUser(string id, string name, params string[] roles) : this(id, name, roles.ToHashSet(StringComparer.Ordinal)) { }

    public bool IsAuthenticated => !string.IsNullOrWhiteSpace(Id);
    public bool IsIn(string role) => Roles.Contains(role);
    public bool IsInAny(params IEnumerable<string> roles) => roles.Any(Roles.Contains);
    public bool IsAdmin => IsIn(StudioRoles.Admin);

    public static StudioUser Anonymous { get; } = new("", "anonymous", new HashSet<string>());

    /// <summary>Start-up's own actions (the first admin of a web install).</summary>
    public static StudioUser System { get; } = new("system", "system", StudioRoles.Admin);

    /// <summary>The local operator of a CLI-only install while it has no users at all (recorded as cli:NAME).</summary>
    public static StudioUser Operator(string name) => new($"cli:{name}", name, StudioRoles.Admin);
}
