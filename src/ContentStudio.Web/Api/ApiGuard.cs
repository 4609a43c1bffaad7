using Microsoft.Net.Http.Headers;
using ContentStudio.Core.Audit;
using ContentStudio.Core.Identity;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Web.Api;

/// <summary>Runs around every API endpoint. (1) A write must say it is JSON: an HTML form can only send
/// form-urlencoded, multipart or text/plain, and a cross-site script sending application/json needs a CORS
/// preflight this app never grants, so this closes the cross-site form post even for body-less POSTs.
/// (2) Core's exceptions become status codes with a ProblemDetails body (ApiProblems).</summary>
internal sealed class ApiGuard : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !IsJson(request.ContentType))
            return ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "JSON only",
                $"{request.Method} {request.Path} needs 'Content-Type: application/json' (send {{}} when there is nothing to say).");
        try
        {
            return await next(context);
        }
        catch (Exception e) when (ApiProblems.From(e) is { } problem)
        {
            // A refusal is audited with Core's reason (once: the review service may have recorded it already).
            if (e is AccessDeniedException refused)
            {
                var services = context.HttpContext.RequestServices;
                await services.GetRequiredService<AccessRefusals>().RecordAsync(context.HttpContext.User.ToStudioUser(), refused, "api",
                    ct: context.HttpContext.RequestAborted);
            }
            return problem;
        }
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type) && type.MediaType.HasValue &&
        (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
         type.MediaType.Value!.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}
