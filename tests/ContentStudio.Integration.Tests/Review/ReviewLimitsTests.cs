using static ContentStudio.Testing.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Review;
using ContentStudio.Core.Review.Queue;
using ContentStudio.Integration.Tests.Infrastructure;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.Review;

/// <summary>Every text a review action takes is bounded: just over the limit is an ArgumentException naming the field
/// and the limit, with nothing stored or audited; at the limit it goes through. The feedback that reaches the model is
/// bounded as well. The limits are checked before the database is written, so SQLite alone shows them.</summary>
public sealed class ReviewLimitsTests : StudioTests
{
    private ReviewService Reviews => Studio.Get<ReviewService>();
    private QueueClaims Claims => Studio.Get<QueueClaims>();
    private ReviewActions Actions => Studio.Get<ReviewActions>();

    protected override void ConfigureServices(IServiceCollection services) => services.AddReview();

    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        Task.FromResult<(DatabaseProvider, string, Action?)>(TestDatabases.Sqlite());

    private static string Text(int length) => new('x', length);

    private async Task<Variant> SubmittedAsync()
    {
        var v = await Studio.GeneratedVariantAsync(Gina);
        await Reviews.SubmitAsync(v.Id, Gina);
        return await Studio.ReloadAsync(v.Id); // submitting moves the concurrency token
    }

    private async Task ShouldRefuseAsync(Func<Task> act, string field, string message)
    {
        var before = (await Studio.AuditEventsAsync()).Count;
        var e = await Should.ThrowAsync<ArgumentException>(act);
        (e.ParamName, e.Message).ShouldBe((field, $"{message} (Parameter '{field}')"));
        (await Studio.AuditEventsAsync()).Count.ShouldBe(before, "a refused action writes nothing");
    }

    [Fact]
    public async Task AComment()
    {
        var v = await SubmittedAsync();
        await ShouldRefuseAsync(() => Claims.CommentAsync(v.Id, Bree, Text(2_097_152)), "text",
            "The comment is 2,097,152 characters; the limit is 10,000.");
        (await Claims.CommentAsync(v.Id, Bree, Text(ReviewLimits.MaxCommentLength))).Text.Length.ShouldBe(10_000);
    }

    [Fact]
    public async Task ARejectionReason()
    {
        var v = await SubmittedAsync();
        await ShouldRefuseAsync(() => Reviews.RejectAsync(v.Id, Bree, Text(4_001)), "reason", "The reason is 4,001 characters; the limit is 4,000.");
        (await Reviews.RejectAsync(v.Id, Bree, Text(4_000))).State.ShouldBe(ReviewState.Rejected);
    }

    [Fact]
    public async Task AnApprovalCommentAndAnOverrideJustification()
    {
        var v = await SubmittedAsync();
        await ShouldRefuseAsync(() => Reviews.ApproveAsync(v.Id, v.ContentHash, Bree, Text(4_001)), "comment",
            "The approval comment is 4,001 characters; the limit is 4,000.");
        await ShouldRefuseAsync(() => Reviews.OverrideApproveAsync(v.Id, v.ContentHash, Ada, Text(4_001)), "justification",
            "The justification is 4,001 characters; the limit is 4,000.");
        (await Reviews.OverrideApproveAsync(v.Id, v.ContentHash, Ada, Text(4_000))).State.ShouldBe(ReviewState.Approved);
    }

    [Fact]
    public async Task ChangeRequestFeedbackAndTheRevisionItStarts()
    {
        var v = await SubmittedAsync();
        await ShouldRefuseAsync(() => Actions.RequestChangesAsync(v.Id, Bree, Text(327_680)), "feedback",
            "The feedback is 327,680 characters; the limit is 4,000.");
        await Should.ThrowAsync<ArgumentException>(() => Studio.Get<RevisionRuns>().StartAsync(v.Id, Text(4_001)));

        var (_, revision) = await Actions.RequestChangesAsync(v.Id, Bree, Text(4_000));
        await Studio.NewEngine().RunUntilIdleAsync(revision.Id);
        Studio.Generator.Calls.ShouldContain(r => r.Feedback != null && r.Feedback.Length == 4_000);
    }

    [Fact]
    public async Task FeedbackStoredBeforeTheLimitReachesTheModelCut()
    {
        var v = await SubmittedAsync();
        var revision = await Studio.Get<RevisionRuns>().StartAsync(v.Id, "Shorter, please");
        await using (var db = Studio.Db())
            await db.GenerationTasks.Where(t => t.RunId == revision.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Feedback, Text(327_680)));

        await Studio.NewEngine().RunUntilIdleAsync(revision.Id);
        Studio.Generator.Calls.Where(r => r.Feedback != null).ShouldAllBe(r => r.Feedback!.Length <= CompositionRequest.MaxFeedbackLength);
        Studio.Generator.Calls.ShouldContain(r => r.Feedback != null && r.Feedback.Length == 4_000);
    }

    [Fact]
    public async Task AnEditedFieldByItsChannelLimitOrTheFixedCap()
    {
        var v = await SubmittedAsync();
        // The email subject's channel limit is 60: an edit may hold four times that, no more.
        await ShouldRefuseAsync(() => Reviews.EditAsync(v.Id, v.Fields.With("subject", Text(241)), v.ConcurrencyToken, Mark), "fields",
            "Field 'subject' is 241 characters; the limit is 240.");
        await ShouldRefuseAsync(() => Reviews.EditAsync(v.Id, v.Fields.With("subject", Text(1_048_576)), v.ConcurrencyToken, Mark), "fields",
            "Field 'subject' is 1,048,576 characters; the limit is 240.");
        (await Reviews.EditAsync(v.Id, v.Fields.With("subject", Text(240)), v.ConcurrencyToken, Mark)).Fields["subject"].Length.ShouldBe(240);
    }

    [Fact]
    public void AFieldWithoutAChannelLimitHasTheFixedCap() =>
        ReviewLimits.MaxEditedFieldLength(Core.Channels.ChannelKind.Email, "not-a-catalog-field").ShouldBe(ReviewLimits.MaxUnlimitedFieldLength);
}
