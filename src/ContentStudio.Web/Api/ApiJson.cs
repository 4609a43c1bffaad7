using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ContentStudio.Core.Review;
using ContentStudio.Core.Identity;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Web.Api;

/// <summary>Binding helpers. Bodies are read here rather than by the framework so that a malformed body is a 400
/// naming the JSON field in every environment (the framework throws in Development and answers bare elsewhere).</summary>
internal static class ApiJson
{
    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, options, ct)
                   ?? throw new ApiInputException("body", "The body must be a JSON object, not null.");
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
            throw new ApiInputException(field, $"The body is not valid JSON for this request at '{field}': {e.Message}");
        }
    }

    public static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new ApiInputException(field, $"'{field}' is required.") : value;

    public static T Required<T>(T? value, string field) where T : struct =>
        value ?? throw new ApiInputException(field, $"'{field}' is required.");

    /// <summary>The caller as Core's review services know them: the same mapping the pages use (sign-in name as Id).</summary>
    public static StudioUser Caller(this ClaimsPrincipal principal) => principal.ToStudioUser();
}
