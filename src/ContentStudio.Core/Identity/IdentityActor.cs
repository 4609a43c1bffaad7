namespace ContentStudio.Core.Identity;

/// <summary>Who asks UserAdmin to change accounts. The web passes the signed-in user; the CLI passes the local
/// operator (whoever can run the CLI can already write to the database); start-up passes System.</summary>
public sealed record IdentityActor(string Name, IReadOnlyCollection<string> Roles)
{
    public bool IsAdmin => Roles.Contains(IdentityRoles.Admin, StringComparer.Ordinal);

    public static readonly IdentityActor System = new("system", [IdentityRoles.Admin]);

    public static IdentityActor Operator(string name) => new($"cli:{name}", [IdentityRoles.Admin]);
}
