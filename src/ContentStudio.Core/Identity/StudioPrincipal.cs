using System.Security.Claims;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Identity;

/// <summary>A signed-in principal (cookie, API call, Blazor circuit) as the one user record Core takes. Its Id is the
/// sign-in name, because that is what CreatedBy, the edit history and the audit log hold (unique and readable;
/// Identity's GUID never appears in records).</summary>
public static class StudioPrincipal
{
    public static StudioUser ToStudioUser(this ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true || string.IsNullOrWhiteSpace(principal.Identity.Name)) return StudioUser.Anonymous;
        var name = principal.Identity.Name;
        return new StudioUser(name, principal.FindFirstValue(StudioClaimsPrincipalFactory.DisplayNameClaim) ?? name,
            principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
    }
}
