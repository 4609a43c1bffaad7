using ContentStudio.Core.Review;

namespace ContentStudio.Core.Identity;

/// <summary>Who asks UserAdmin to change accounts. The web and the CLI pass the signed-in user; the CLI's bootstrap of
/// the first admin (no users at all) passes the local operator; start-up passes System.</summary>
public sealed record IdentityActor(string Name, IReadOnlyCollection<string> Roles)
{
    public bool IsAdmin => Roles.Contains(IdentityRoles.Admin, StringComparer.Ordinal);

    public static readonly IdentityActor System = new("system", [IdentityRoles.Admin]);

    public static IdentityActor Operator(string name) => new($"cli:{name}", [IdentityRoles.Admin]);

    /// <summary>A signed-in user as the actor: their sign-in name and their roles (UserAdmin checks the roles).</summary>
    public static IdentityActor For(StudioUser user) => new(user.Id, user.Roles.ToArray());
}
