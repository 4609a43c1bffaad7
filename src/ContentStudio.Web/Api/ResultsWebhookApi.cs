using ContentStudio.Core.Insights.Results;
using ContentStudio.Core.Publishing.Delivery;
using ContentStudio.Web.Hosting;

namespace ContentStudio.Web.Api;

/// <summary>POST /api/results: an ESP pushes a results CSV, signed with its shared secret (ResultsWebhook). No sign-in
/// cookie: the signature is the credential, so the route is outside the cookie-authorised group and its JSON-only guard.
/// 200 with the counts; 422 with every problem by line (nothing imported); 401 for a missing, wrong or stale signature
/// or an unknown sender (one answer for all, so a prober learns nothing).</summary>
internal static class ResultsWebhookApi
{
    public static IEndpointRouteBuilder MapResultsWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost(ApiComposition.Prefix + "/results", async Task<IResult> (HttpRequest request, ResultsWebhook webhook, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync(ct); // bounded by the endpoint's body limit
            var outcome = await webhook.ReceiveAsync(request.Headers[ResultsWebhook.SourceHeader], request.Headers[WebhookSignature.DeliveryHeader],
                request.Headers[WebhookSignature.TimestampHeader], request.Headers[WebhookSignature.SignatureHeader], body, ct);
            if (!outcome.Authentic)
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Signature refused",
                    detail: "Sign the body as described in docs/webhooks.md with the secret set for your X-ContentStudio-Source.");
            var report = outcome.Report!;
            if (!report.Succeeded)
                return TypedResults.UnprocessableEntity(new { title = "Nothing was imported", errors = report.Errors.Select(e => new { e.Line, e.Message }) });
            return TypedResults.Ok(new { report.Added, report.Updated, report.Unchanged });
        }).AllowAnonymous().WithBodyLimit(ResultsCsv.MaxFileLength);
        return app;
    }
}
