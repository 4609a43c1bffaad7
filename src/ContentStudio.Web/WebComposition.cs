using Microsoft.AspNetCore.Rewrite;
using ContentStudio.Core;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Publishing;
using ContentStudio.Core.Identity;
using ContentStudio.Web.Api;
using ContentStudio.Web.Hosting;
using ContentStudio.Web.Identity;

namespace ContentStudio.Web;

/// <summary>All of the web app's wiring, so Program.cs stays a handful of lines (STYLE.md rule 1).</summary>
public static class WebComposition
{
    public static WebApplicationBuilder AddContentStudioWeb(this WebApplicationBuilder builder)
    {
        builder.AddStudioRequestLimits();
        builder.Services.AddContentStudioCore(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddGenerationWorker();
        builder.Services.AddPublishingWorker();
        builder.Services.AddStudioWebIdentity();
        builder.Services.AddStudioApi();
        builder.Services.AddStudioErrorHandling();
        builder.Services.AddStudioHealth();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        return builder;
    }

    public static async Task UseContentStudioWebAsync(this WebApplication app)
    {
        // Settings first: a bad value must stop the app before it migrates, seeds or creates (and logs) the initial admin.
        app.Services.ValidateSettings();
        await app.Services.InitializeContentStudioAsync();
        await app.Services.EnsureInitialAdminAsync(app.Configuration);
        app.UseStudioSecurityHeaders(); // first: error answers and static files carry the headers too
        app.UseStudioErrorHandling();
        // Browsers, feed readers and bookmarks still ask for /favicon.ico; the SVG answers it rather than a 404 or a login redirect.
        app.UseRewriter(new RewriteOptions().AddRewrite(@"^favicon\.ico$", "favicon.svg", skipRemainingRules: true));
        app.UseStaticFiles(); // before authentication: styles and blazor.web.js serve the login page too
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStudioHealth();
        app.MapAccountEndpoints();
        app.MapStudioApi();
    }

    /// <summary>The Razor components in interactive server mode. Blazor's own script is an endpoint of these (the SDK
    /// serves it since the .NET 9 extraction is gone), so the fallback "signed in" policy would send an anonymous
    /// request for it to the login page — which itself needs the script: the framework's files are anonymous.</summary>
    public static RazorComponentsEndpointConventionBuilder MapStudioComponents<TApp>(this WebApplication app)
    {
        var components = app.MapRazorComponents<TApp>().AddInteractiveServerRenderMode();
        components.Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route } && route.TrimStart('/').StartsWith("_framework/", StringComparison.Ordinal))
                endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute());
        });
        return components;
    }
}
