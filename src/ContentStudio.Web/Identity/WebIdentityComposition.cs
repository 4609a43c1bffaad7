using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using ContentStudio.Core.Audit;
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
            // A page the user's roles do not open is a refusal like any other: audited with the policy that refused.
            var toDenied = o.Events.OnRedirectToAccessDenied;
            o.Events.OnRedirectToAccessDenied = async ctx =>
            {
                if (RefusedPermission(ctx.HttpContext.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>()) is { } permission)
                {
                    var user = ctx.HttpContext.User.ToStudioUser();
                    await ctx.HttpContext.RequestServices.GetRequiredService<AccessRefusals>().RecordAsync(user, permission,
                        Access.Check(user, permission).Reason ?? "refused by the page's policy", "web", "Page", ctx.Request.Path.Value);
                }
                await toDenied(ctx);
            };
        });
        // The cookie is checked against the account on every request (not every 30 minutes, Identity's default): a
        // disabled user, a reset password or changed roles (each renews the security stamp) end the session at once.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
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

    /// <summary>The studio permission a page's [Authorize(Policy = …)] names (policies are named after permissions).</summary>
    public static StudioPermission? RefusedPermission(IEnumerable<IAuthorizeData>? authorize) =>
        authorize?.Select(a => Enum.TryParse<StudioPermission>(a.Policy, out var p) ? p : (StudioPermission?)null).FirstOrDefault(p => p is not null);
}
