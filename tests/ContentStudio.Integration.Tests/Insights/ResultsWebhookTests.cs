using ContentStudio.Core.Configuration;
using ContentStudio.Core.Insights;
using ContentStudio.Core.Insights.Results;
using ContentStudio.Core.Publishing.Delivery;
using ContentStudio.Integration.Tests.Infrastructure;
using ContentStudio.Integration.Tests.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContentStudio.Integration.Tests.Insights;

/// <summary>Results pushed with a signature: only an authentic, fresh push from a sender with a configured secret is
/// imported, and it is imported exactly like a file (same checks, same idempotency), recorded as the sender.</summary>
public sealed class ResultsWebhookTests : StudioTests
{
    const string Secret = "esp-shared-secret-for-tests-0123456789";

    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        Task.FromResult<(DatabaseProvider, string, Action?)>(TestDatabases.Sqlite());

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddInsights();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [ResultsWebhook.SecretKey("acme-mail")] = Secret }).Build());
    }

    long Now => Studio.Clock.GetUtcNow().ToUnixTimeSeconds();

    Task<ResultsWebhookOutcome> PushAsync(string body, string source = "acme-mail", string secret = Secret, long? at = null, string delivery = "evt-1")
    {
        var ts = at ?? Now;
        return Studio.Get<ResultsWebhook>().ReceiveAsync(source, delivery, ts.ToString(), WebhookSignature.Sign(secret, delivery, ts, body), body);
    }

    [Fact]
    public async Task AnAuthenticPushIsImportedAsTheSenderAndAReplayChangesNothing()
    {
        var seed = await InsightsSeed.CreateAsync(Studio);
        var body = $"variant_id,send_date,sends,clicks,conversions\n{seed.Published[0].Id},2026-11-20,800,40,4\n";

        var first = await PushAsync(body);
        var replay = await PushAsync(body);

        (first.Authentic, first.Report).ShouldBe((true, new ResultsImportReport(1, 0, 0, [])));
        replay.Report.ShouldBe(new ResultsImportReport(0, 0, 1, []));
        await using var db = Studio.Db();
        (await db.Set<VariantResult>().SingleAsync()).ImportedBy.ShouldBe("webhook:acme-mail");
    }

    [Fact]
    public async Task AWrongSecretAnUnknownSenderAStaleTimestampOrAnAlteredBodyImportNothing()
    {
        var seed = await InsightsSeed.CreateAsync(Studio);
        var body = $"variant_id,send_date,sends,clicks,conversions\n{seed.Published[0].Id},2026-11-20,800,40,4\n";

        (await PushAsync(body, secret: "not-the-secret")).Authentic.ShouldBeFalse();
        (await PushAsync(body, source: "other-esp")).Authentic.ShouldBeFalse();
        (await PushAsync(body, at: Now - 600)).Authentic.ShouldBeFalse();
        var ts = Now;
        var signature = WebhookSignature.Sign(Secret, "evt-2", ts, body);
        (await Studio.Get<ResultsWebhook>().ReceiveAsync("acme-mail", "evt-2", ts.ToString(), signature, body.Replace("40,4", "80,4"))).Authentic.ShouldBeFalse();
        await using var db = Studio.Db();
        (await db.Set<VariantResult>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task AnAuthenticPushWithABadRowIsRefusedByLineLikeAFile()
    {
        var seed = await InsightsSeed.CreateAsync(Studio);

        var outcome = await PushAsync($"variant_id,send_date,sends,clicks,conversions\n{seed.InReview.Id},2026-11-20,800,40,4\n");

        outcome.Authentic.ShouldBeTrue();
        outcome.Report!.Errors.ShouldHaveSingleItem().Line.ShouldBe(2);
    }
}
