using ContentStudio.Core.Channels;
using ContentStudio.Core.Review;
using ContentStudio.Core.Review.Queue;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Web.Api;

/// <summary>GET /api/queue: one page of the curation queue with the /queue page's filters, from ReviewQueue.</summary>
internal static class QueueApi
{
    /// <summary>The query string as sent; every value is text so a bad one is a 400 naming it, never a binding crash.</summary>
    internal sealed record QueueQuery(string? Brand, string? CampaignId, string? Segment, string? Channel, string? Lane, string? State,
        string? Assignee, string? Sort, string? Page);

    public static void MapQueueApi(this IEndpointRouteBuilder api) =>
        api.MapGet("/queue", async ([AsParameters] QueueQuery q, ReviewQueue queue, CancellationToken ct) =>
            TypedResults.Ok(await queue.GetPageAsync(ToFilter(q), ct)));

    internal static QueueFilter ToFilter(QueueQuery q) => new()
    {
        Brand = Blank(q.Brand),
        CampaignId = Blank(q.CampaignId) is { } c
            ? Guid.TryParse(c, out var id) ? id : throw new ApiInputException("campaignId", $"'{c}' is not a campaign id (a GUID).")
            : null,
        Segment = Blank(q.Segment),
        Channel = Enum<ChannelKind>(q.Channel, "channel"),
        Lane = Enum<QueueLane>(q.Lane, "lane"),
        State = Enum<ReviewState>(q.State, "state"),
        Assignee = Blank(q.Assignee),
        Sort = Enum<QueueSort>(q.Sort, "sort") ?? QueueSort.Priority,
        Page = Blank(q.Page) is { } p
            ? int.TryParse(p, out var n) && n >= 1 ? n : throw new ApiInputException("page", $"'{p}' is not a page number (1 or more).")
            : 1,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static T? Enum<T>(string? value, string field) where T : struct, System.Enum =>
        Blank(value) is not { } v ? null
        : System.Enum.TryParse<T>(v, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !int.TryParse(v, out _) ? parsed
        : throw new ApiInputException(field, $"'{v}' is not a {field}: use one of {string.Join(", ", System.Enum.GetNames<T>())}.");
}
