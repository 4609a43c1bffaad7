using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using ContentStudio.Core.Identity;
using ContentStudio.Core.Review;

namespace ContentStudio.Web.Identity;

/// <summary>The signed-in person as pages need them: Name (the sign-in name) is what records like CreatedBy keep.</summary>
public sealed record CurrentUserInfo(string Id, string Name, string DisplayName, IReadOnlyList<string> Roles)
{
    public bool IsAuthenticated => Id.Length > 0;
    public bool IsInRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    /// <summary>This user as the actor of a Core service call (UserAdmin checks the roles itself).</summary>
    public IdentityActor Actor => new(Name, Roles.ToArray());

    /// <summary>This user for Review: its Id is the sign-in name, because that is what CreatedBy, the edit history and
    /// the audit log hold (unique and readable; Identity's GUID never appears in records).</summary>
    public StudioUser AsStudioUser => IsAuthenticated ? new(Name, DisplayName, Roles.ToArray()) : StudioUser.Anonymous;

    public static readonly CurrentUserInfo Anonymous = new("", "", "", []);

    public static CurrentUserInfo From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return Anonymous;
        var name = principal.Identity.Name ?? "";
        return new(principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", name,
            principal.FindFirstValue(StudioClaimsPrincipalFactory.DisplayNameClaim) ?? name,
            principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Distinct().ToList());
    }
}

/// <summary>Who is using the page: from the authentication state, so it works in static and interactive rendering.</summary>
public interface ICurrentUser
{
    Task<CurrentUserInfo> GetAsync();
}

internal sealed class CurrentUser(AuthenticationStateProvider authentication) : ICurrentUser
{
    public async Task<CurrentUserInfo> GetAsync() => CurrentUserInfo.From((await authentication.GetAuthenticationStateAsync()).User);
}
