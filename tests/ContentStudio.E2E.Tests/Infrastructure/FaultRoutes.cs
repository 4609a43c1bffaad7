using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ContentStudio.E2E.Tests.Infrastructure;

/// <summary>Two addresses that throw, so tests can watch the app's error handling meet a real unhandled exception.
/// Added after the app's own pipeline (a request reaches it only when no endpoint answered), so the exception travels
/// out through every handler the app set up. The message is a marker a test looks for: it must never reach a client.</summary>
internal sealed class FaultRoutes : IStartupFilter
{
    public const string PagePath = "/test/throw";
    public const string ApiPath = "/api/test/throw";
    public const string SecretMessage = "secret-detail-4711: connection string Host=db;Password=hunter2";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Use((http, rest) => http.Request.Path == PagePath || http.Request.Path == ApiPath
            ? throw new InvalidOperationException(SecretMessage)
            : rest(http));
    };
}
