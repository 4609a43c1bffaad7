using Microsoft.AspNetCore.Diagnostics;
using ContentStudio.Web.Api;

namespace ContentStudio.Web.Hosting;

/// <summary>Every failure gets an answer a person or a script can read. Pages: an unhandled exception re-executes
/// /error (outside Development, where the developer page is more useful), and an empty 4xx/5xx (an unknown address,
/// a refused form) re-executes /error/{status}. The API: problem+json (RFC 7807) for everything, in every environment,
/// because a script cannot read an HTML error page. Exception text never reaches a client: it is in the log.</summary>
public static class ErrorHandling
{
    public const string ErrorPath = "/error";

    public static IServiceCollection AddStudioErrorHandling(this IServiceCollection services) => services.AddProblemDetails();

    public static WebApplication UseStudioErrorHandling(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = ErrorPath,
                CreateScopeForErrors = true,
                StatusCodeSelector = StatusFor,
                SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException,
            });
        app.UseStatusCodePagesWithReExecute(ErrorPath + "/{0}", createScopeForStatusCodePages: true);
        // A re-executed request keeps its method. A failed form POST would re-execute the error page as a POST, which
        // Blazor treats as a form submission (antiforgery, a form name) that fails again and ends in an empty 500.
        // The error page only ever needs a GET.
        app.Use((http, next) =>
        {
            if (!HttpMethods.IsHead(http.Request.Method) && (http.Features.Get<IStatusCodeReExecuteFeature>() is not null ||
                                                             http.Features.Get<IExceptionHandlerPathFeature>() is not null))
                http.Request.Method = HttpMethods.Get;
            return next(http);
        });

        // Inside the page handlers, so an API failure is answered here first and never re-executed as a page.
        app.UseWhen(http => ApiComposition.IsApiRequest(http.Request), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandler = WriteApiExceptionAsync,
                StatusCodeSelector = StatusFor,
                AllowStatusCode404Response = true,
                SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException,
            });
            api.UseStatusCodePages(c => WriteApiStatusAsync(c.HttpContext));
        });
        return app;
    }

    /// <summary>A malformed or oversized request is the client's fault (400, 413, …), not a server error.</summary>
    private static int StatusFor(Exception e) => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;

    private static Task WriteApiExceptionAsync(HttpContext http)
    {
        var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
        var status = error is null ? StatusCodes.Status500InternalServerError : StatusFor(error);
        var (title, detail) = status switch
        {
            StatusCodes.Status413PayloadTooLarge => ("Body too large",
                $"The request body is larger than this endpoint accepts ({RequestLimits.CurrentLimit(http)?.ToString() ?? "?"} bytes)."),
            StatusCodes.Status500InternalServerError => ("Something went wrong",
                "The server could not answer this request. It has been logged; quote the traceId when you report it."),
            _ => ("Bad request", error?.Message ?? "The request could not be read."), // Kestrel's own words about the request, never server state
        };
        return ApiProblems.Write(http, status, title, detail);
    }

    /// <summary>An API answer with an error status and no body (no route, wrong method, …) gets one.</summary>
    private static Task WriteApiStatusAsync(HttpContext http)
    {
        var status = http.Response.StatusCode;
        var (title, detail) = status switch
        {
            StatusCodes.Status404NotFound => ("Not found", $"There is no API route {http.Request.Method} {http.Request.Path}: see docs/api.md."),
            StatusCodes.Status405MethodNotAllowed => ("Method not allowed", $"{http.Request.Path} does not answer {http.Request.Method}."),
            _ => (ReasonPhrase(status), $"The request to {http.Request.Path} failed with status {status}."),
        };
        return ApiProblems.Write(http, status, title, detail);
    }

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } p ? p : "Error";
}
