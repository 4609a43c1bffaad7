using ContentStudio.Core;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Publishing;
using ContentStudio.Core.Identity;
using ContentStudio.Web.Api;
using ContentStudio.Web.Identity;

namespace ContentStudio.Web;

/// <summary>All of the web app's wiring, so Program.cs stays a handful of lines (STYLE.md rule 1).</summary>
public static class WebComposition
{
    public static WebApplicationBuilder AddContentStudioWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddContentStudioCore(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddGenerationWorker();
        builder.Services.AddPublishingWorker();
        builder.Services.AddStudioWebIdentity();
        builder.Services.AddStudioApi();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        return builder;
    }

    public static async Task UseContentStudioWebAsync(this WebApplication app)
    {
        // Settings first: a bad value must stop the app before it migrates, seeds or creates (and logs) the initial admin.
        app.Services.ValidateSettings();
        await app.Services.InitializeContentStudioAsync();
        await app.Services.EnsureInitialAdminAsync(app.Configuration);
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStaticFiles(); // before authentication: styles and blazor.web.js serve the login page too
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapAccountEndpoints();
        app.MapStudioApi();
    }
}
