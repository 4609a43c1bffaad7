using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using ContentStudio.Web.Hosting;

namespace ContentStudio.Web.Api;

/// <summary>The JSON API under /api: thin endpoints over the same Core services the pages call (ReviewService, QueueClaims, ReviewActions,
/// ReviewQueue, VariantQueries, PublishingService). Authorisation stays in Core; the endpoints bind input, call one
/// service and map its answer or exception to HTTP (see docs/api.md and docs/decisions/005-http-api.md).</summary>
public static class ApiComposition
{
    public const string Prefix = "/api";

    public static bool IsApiRequest(HttpRequest request) => request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddStudioApi(this IServiceCollection services)
    {
        // Enums as their names ("InReview"), as the pages show them and as the query string takes them.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        // A script calling the API wants a status code, not the login page's HTML: 401/403 for /api, redirects elsewhere.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var toLogin = o.Events.OnRedirectToLogin;
            var toDenied = o.Events.OnRedirectToAccessDenied;
            o.Events.OnRedirectToLogin = ctx => IsApiRequest(ctx.Request)
                ? ApiProblems.Write(ctx.HttpContext, StatusCodes.Status401Unauthorized, "Not signed in",
                    "Sign in first: the API uses the studio's sign-in cookie (POST /account/login).")
                : toLogin(ctx);
            o.Events.OnRedirectToAccessDenied = ctx => IsApiRequest(ctx.Request)
                ? ApiProblems.Write(ctx.HttpContext, StatusCodes.Status403Forbidden, "Not allowed", "Your roles do not allow this.")
                : toDenied(ctx);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapStudioApi(this IEndpointRouteBuilder app)
    {
        // Every route needs a signed-in user (Core decides what each role may do); ApiGuard refuses non-JSON writes
        // (CSRF) and maps Core's exceptions to status codes. Only writes have bodies, so one body limit fits the group.
        var api = app.MapGroup(Prefix).RequireAuthorization().AddEndpointFilter<ApiGuard>()
            .WithBodyLimit(RequestLimits.ApiWriteMaxBodyBytes);
        api.MapQueueApi();
        api.MapVariantApi();
        api.MapReviewApi();
        api.MapPublishApi();
        api.MapAuditApi();
        return app;
    }
}
