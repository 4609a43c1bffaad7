namespace ContentStudio.Web.Hosting;

/// <summary>The browser-side defences every response carries: pages, the API, static files and error answers alike.</summary>
public static class SecurityHeaders
{
    /// <summary>Scripts only from this site (blazor.web.js; no inline script anywhere). connect-src lets the Blazor circuit
    /// open its WebSocket (ws: or wss:, depending on how the page was served). style-src needs 'unsafe-inline': pages
    /// set style attributes (some computed, such as chart bar widths) and Blazor's reconnect UI injects a style element;
    /// a style cannot run code, so this does not reopen script injection.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>First in the pipeline, and applied when the response starts: handlers that clear the response (the
    /// exception handler, status-code pages) cannot drop the headers.</summary>
    public static WebApplication UseStudioSecurityHeaders(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY"; // frame-ancestors for browsers that predate CSP 2
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                return Task.CompletedTask;
            });
            return next(http);
        });
        // HSTS only outside Development, and the middleware itself only sends it on HTTPS requests.
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        return app;
    }
}
