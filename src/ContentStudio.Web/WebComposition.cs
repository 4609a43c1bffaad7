using Microsoft.AspNetCore.Rewrite;
using ContentStudio.Core;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
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
        // `dotnet run` from a clone runs the build output, in Production unless told otherwise, and only Development maps
        // static web assets by default: Blazor's own script (which comes from an SDK package, not wwwroot) would be
        // missing and no page would become interactive. A published app has its assets in wwwroot and no manifest to
        // read, and this does nothing there.
        builder.WebHost.UseStaticWebAssets();
        builder.AddStudioRequestLimits();
        builder.Services.AddContentStudioCore(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddGenerationWorker();
        builder.Services.AddPublishingWorker();
        builder.Services.AddStudioWebIdentity();
        builder.Services.AddStudioApi();
        builder.Services.AddStudioErrorHandling();
        builder.Services.AddStudioHealth();
        builder.Services.AddStudioTelemetry(builder.Configuration, t => t.AddAspNetCoreInstrumentation(), m => m.AddAspNetCoreInstrumentation());
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
        app.MapResultsWebhook();
    }

    /// <summary>The Razor components in interactive server mode (one place for Program.cs to call).</summary>
    public static RazorComponentsEndpointConventionBuilder MapStudioComponents<TApp>(this WebApplication app) =>
        app.MapRazorComponents<TApp>().AddInteractiveServerRenderMode();
}
