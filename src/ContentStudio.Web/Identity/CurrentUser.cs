using Microsoft.AspNetCore.Components.Authorization;
using ContentStudio.Core.Identity;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Web.Identity;

/// <summary>Who is using the page, as Core's one user record: from the authentication state, so it works in static and
/// interactive rendering.</summary>
public interface ICurrentUser
{
    Task<StudioUser> GetAsync();
}

internal sealed class CurrentUser(AuthenticationStateProvider authentication) : ICurrentUser
{
    public async Task<StudioUser> GetAsync() => (await authentication.GetAuthenticationStateAsync()).User.ToStudioUser();
}
