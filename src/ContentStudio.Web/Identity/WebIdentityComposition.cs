using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using ContentStudio.Core.Identity;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Web.Identity;

public static class WebIdentityComposition
{
    /// <summary>Cookie sign-in over Core's Identity stores; every endpoint requires a signed-in user unless it says
    /// [AllowAnonymous] (only the login page and its POST do).</summary>
    public static IServiceCollection AddStudioWebIdentity(this IServiceCollection services)
    {
        services.AddStudioIdentity();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<StudioIdentityUser>().AddSignInManager();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = AccountEndpoints.LoginPath;
            o.LogoutPath = AccountEndpoints.LogoutPath;
            o.AccessDeniedPath = AccountEndpoints.AccessDeniedPath;
            o.ReturnUrlParameter = "returnUrl";
            o.Cookie.Name = "ContentStudio.Auth";
            // Stated, not left to the default: Lax keeps the cookie off cross-site POSTs, which the JSON API relies on
            // (docs/decisions/005-http-api.md); Strict would sign people out when they follow a link from an email.
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.HttpOnly = true;
            // Secure whenever the request came over HTTPS; plain HTTP (a loopback dev run) still works.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        // One policy per permission, named after it, with the roles of Core's table: [Authorize(Policy = …)] on a page
        // and <AuthorizeView Policy=…> in the menu ask the same table the services enforce.
        foreach (var permission in Enum.GetValues<StudioPermission>())
            authorization.AddPolicy(permission.ToString(), p => p.RequireAuthenticatedUser().RequireRole(Access.RolesFor(permission)));
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddScoped<ICurrentUser, CurrentUser>();
        return services;
    }
}
