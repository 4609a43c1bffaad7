using ContentStudio.Core.Generation;
using ContentStudio.Core.Publishing;
using ContentStudio.Core.Review;
using ContentStudio.Core.Review.Queue;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Web.Api;

/// <summary>Bad input the API found while binding a request (a missing or malformed field), named by its JSON name.</summary>
public sealed class ApiInputException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>Core's exceptions as HTTP answers. The detail is always Core's own message, so a script sees the same
/// reason the page shows.</summary>
public static class ApiProblems
{
    public static IResult? From(Exception e) => e switch
    {
        ApiInputException i => Invalid(i.Field, i.Message),
        // Every Core refusal is an AccessDeniedException, which is an UnauthorizedAccessException.
        UnauthorizedAccessException u => Problem(StatusCodes.Status403Forbidden, "Not allowed", u.Message),
        IllegalTransitionException t => Problem(StatusCodes.Status409Conflict, "Not allowed in this state", t.Message, new()
        {
            ["state"] = t.Current.ToString(), ["allowed"] = t.Allowed.Select(a => a.ToString()).ToArray(),
        }),
        ReviewConflictException c => Conflict(c, VariantFields.Hash(c.AttemptedFields)),
        QueueClaimConflictException q => Problem(StatusCodes.Status409Conflict, "Claimed by someone else", q.Message, new() { ["heldBy"] = q.HeldBy }),
        VariantNotFoundException n => Problem(StatusCodes.Status404NotFound, "Not found", n.Message),
        PublishRefusedException r => Problem(StatusCodes.Status409Conflict, "Not publishable", r.Message, new() { ["reasons"] = r.Reasons }),
        PublishingException p => Problem(StatusCodes.Status409Conflict, "Not published", p.Message),
        ArgumentException a => Invalid(a.ParamName ?? "body", UserMessage.Of(a)),
        _ => null,
    };

    /// <summary>Someone saved first: both versions' hashes (and the current fields and token to retry with).
    /// <paramref name="yourHash"/> is the hash the caller acted on (the approved hash, or the hash of their edit).</summary>
    public static IResult Conflict(ReviewConflictException c, string yourHash) =>
        Problem(StatusCodes.Status409Conflict, "Changed by someone else", c.Message, new()
        {
            ["yourHash"] = yourHash,
            ["currentHash"] = c.Current.ContentHash,
            ["currentToken"] = c.CurrentToken,
            ["currentState"] = c.Current.State.ToString(),
            ["currentFields"] = c.Current.Fields,
            ["lastEditedBy"] = c.LastEditedBy,
        });

    public static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message, title: $"Invalid '{field}'");

    public static IResult Problem(int status, string title, string detail, Dictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: extensions);

    /// <summary>For the cookie handler's events, which write the response themselves.</summary>
    internal static Task Write(HttpContext http, int status, string title, string detail) => Problem(status, title, detail).ExecuteAsync(http);
}
