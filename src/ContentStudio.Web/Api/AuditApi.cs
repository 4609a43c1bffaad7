using System.Globalization;
using System.Security.Claims;
using ContentStudio.Core.Audit;
using ContentStudio.Core.Identity;

namespace ContentStudio.Web.Api;

/// <summary>GET /api/audit/export: the audit events matching the /audit page's filters as a CSV download
/// (AuditSearch.ExportCsvAsync: ReadAudit is checked in Core, cells a spreadsheet would run are defused).</summary>
internal static class AuditApi
{
    public const string ExportPath = "api/audit/export";
    private const int MaxValueLength = 200;

    /// <summary>The query string as sent; every value is text so a bad one is a 400 naming it.</summary>
    internal sealed record AuditQuery(string? Actor, string? Action, string? Kind, string? EntityType, string? EntityId, string? From, string? To);

    public static void MapAuditApi(this IEndpointRouteBuilder api) =>
        api.MapGet("/audit/export", async ([AsParameters] AuditQuery q, AuditSearch search, ClaimsPrincipal principal, HttpContext http,
            CancellationToken ct) =>
        {
            var export = await search.ExportCsvAsync(ToFilter(q), principal.ToStudioUser(), ct);
            http.Response.Headers["X-Audit-Matched"] = export.Matched.ToString(CultureInfo.InvariantCulture);
            var name = $"audit-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv";
            return Results.File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(export.Csv)).ToArray(),
                "text/csv; charset=utf-8", name);
        });

    /// <summary>The export address for the page's current filters (the same names the endpoint reads).</summary>
    public static string ExportUrl(AuditFilter f)
    {
        var parts = new List<string>();
        void Add(string key, string? value) { if (!string.IsNullOrWhiteSpace(value)) parts.Add($"{key}={Uri.EscapeDataString(value.Trim())}"); }
        Add("actor", f.Actor); Add("action", f.Action); Add("kind", f.ActionKind); Add("entityType", f.EntityType); Add("entityId", f.EntityId);
        Add("from", f.FromUtc?.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        Add("to", f.ToUtc?.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        return parts.Count == 0 ? ExportPath : ExportPath + "?" + string.Join('&', parts);
    }

    internal static AuditFilter ToFilter(AuditQuery q) => new(
        Actor: Text(q.Actor, "actor"), EntityId: Text(q.EntityId, "entityId"), Action: Text(q.Action, "action"),
        FromUtc: Time(q.From, "from"), ToUtc: Time(q.To, "to"), ActionKind: Text(q.Kind, "kind"), EntityType: Text(q.EntityType, "entityType"));

    private static string? Text(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null
        : value.Length > MaxValueLength ? throw new ApiInputException(field, $"'{field}' is {value.Length} characters long; the limit is {MaxValueLength}.")
        : value.Trim();

    private static DateTime? Time(string? value, string field) =>
        Text(value, field) is not { } v ? null
        : DateTime.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)
            ? DateTime.SpecifyKind(t, DateTimeKind.Utc)
            : throw new ApiInputException(field, $"'{v}' is not a date and time: use UTC like 2026-12-08T14:30:00.");
}
