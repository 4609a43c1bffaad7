using Microsoft.AspNetCore.Http.Metadata;

namespace ContentStudio.Web.Hosting;

/// <summary>How large a request body may be. Without a limit Kestrel accepts ~30 MB on every route, so a careless
/// or hostile client can make the server buffer and parse megabytes of JSON it never needed.</summary>
public static class RequestLimits
{
    /// <summary>Every route without a smaller limit. The largest bodies the studio receives over plain HTTP are the
    /// sign-in form and the API's JSON; interactive pages (segment CSV imports included) talk over the Blazor circuit,
    /// whose messages SignalR limits on its own.</summary>
    public const long GlobalMaxBodyBytes = 1024 * 1024;

    /// <summary>Any API write: an edit carries every field of one variant (a few KB), the other actions a comment or a
    /// hash; 256 KB leaves room without letting a script post megabytes.</summary>
    public const long ApiWriteMaxBodyBytes = 256 * 1024;

    public static WebApplicationBuilder AddStudioRequestLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = GlobalMaxBodyBytes);
        return builder;
    }

    /// <summary>Routing applies this metadata to the request (IHttpMaxRequestBodySizeFeature) before the endpoint runs;
    /// reading past it throws a 413 BadHttpRequestException, which the error handling turns into problem+json.</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long maxBytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyLimit(maxBytes));

    private sealed record BodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;

    /// <summary>The limit in force for this request, for the message that names it.</summary>
    public static long? CurrentLimit(HttpContext http) =>
        http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
}
