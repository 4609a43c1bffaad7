using static ContentStudio.Testing.People;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Audit;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Review;
using ContentStudio.Integration.Tests.Infrastructure;
using static ContentStudio.Integration.Tests.Review.ReviewTestKit;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.Review;

/// <summary>The review workflow on a real database: transitions, hash-bound approvals, separation of duties, and
/// one audit event per action in the same transaction.</summary>
public abstract class ReviewServiceTests : StudioTests
{
    private ReviewService Reviews => Studio.Get<ReviewService>();

    protected override void ConfigureServices(IServiceCollection services) => services.AddReview();

    [Fact]
    public async Task TakesAVariantFromGeneratedToPublishedWithOneAuditEventPerStep()
    {
        var v = await Studio.GeneratedVariantAsync();

        (await Reviews.SubmitAsync(v.Id, Gina)).State.ShouldBe(ReviewState.InReview);
        (await Reviews.ApproveAsync(v.Id, v.ContentHash, Bree, "Clear and on brand")).State.ShouldBe(ReviewState.Approved);
        (await Reviews.ScheduleAsync(v.Id, Bree)).State.ShouldBe(ReviewState.Scheduled);
        var published = await Reviews.PublishAsync(v.Id, Ada);

        published.State.ShouldBe(ReviewState.Published);
        (await Studio.ReloadAsync(v.Id)).ReviewState.ShouldBe(ReviewState.Published);
        var events = await Studio.AuditEventsAsync();
        var first = events[0].Sequence; // after the setup's campaign.created and run.started
        events.Select(e => (e.Sequence - first, e.Action, e.Actor)).ShouldBe([
            (0, AuditActions.ReviewSubmitted, Gina.Id), (1, AuditActions.ReviewApproved, Bree.Id),
            (2, AuditActions.ReviewScheduled, Bree.Id), (3, AuditActions.ReviewPublished, Ada.Id)]);
        events.ShouldAllBe(e => e.EntityType == "Variant" && e.EntityId == v.Id.ToString());
        events[1].DataJson.ShouldContain("\"from\":\"InReview\"");
        events[1].DataJson.ShouldContain(v.ContentHash);
        var decision = (await Reviews.GetDecisionsAsync(v.Id)).ShouldHaveSingleItem();
        (decision.Action, decision.DecidedBy, decision.ContentHash, decision.Comment, decision.AuditSequence)
            .ShouldBe((ReviewAction.Approve, Bree.Id, v.ContentHash, "Clear and on brand", events[1].Sequence));
        (await Reviews.GetApprovalAsync(v.Id)).IsValid.ShouldBeTrue();
        var verified = await Studio.Get<AuditVerifier>().VerifyAsync();
        (verified.Ok, verified.EventsChecked, verified.HeadHash).ShouldBe((true, events[^1].Sequence, events[^1].Hash));
    }

    [Fact]
    public async Task EditAfterApprovalVoidsItAndSendsTheVariantBackToReview()
    {
        var v = await Studio.GeneratedVariantAsync();
        await Reviews.SubmitAsync(v.Id, Gina);
        var approved = await Reviews.ApproveAsync(v.Id, v.ContentHash, Bree);

        var edited = await Reviews.EditAsync(v.Id, v.Fields.With("subject", "A sharper subject"), approved.ConcurrencyToken, Mark);

        edited.State.ShouldBe(ReviewState.InReview);
        edited.ContentHash.ShouldNotBe(v.ContentHash);
        edited.ConcurrencyToken.ShouldNotBe(approved.ConcurrencyToken);
        edited.Fields["subject"].ShouldBe("A sharper subject");
        var approval = await Reviews.GetApprovalAsync(v.Id);
        approval.IsValid.ShouldBeFalse();
        approval.Approval!.ContentHash.ShouldBe(v.ContentHash);
        approval.Reason!.ShouldContain("edited");
        var schedule = await Should.ThrowAsync<IllegalTransitionException>(() => Reviews.ScheduleAsync(v.Id, Bree));
        schedule.Current.ShouldBe(ReviewState.InReview);
        // Approving again against the old content is refused: the reviewer has not seen the edit.
        var stale = await Should.ThrowAsync<ReviewConflictException>(() => Reviews.ApproveAsync(v.Id, v.ContentHash, Bree));
        stale.Current.ContentHash.ShouldBe(edited.ContentHash);
        stale.Message.ShouldContain("changed by mark@example.com after you opened it, so your approval was not saved");
        (await Reviews.ApproveAsync(v.Id, edited.ContentHash, Bree)).State.ShouldBe(ReviewState.Approved);
        (await Reviews.GetApprovalAsync(v.Id)).IsValid.ShouldBeTrue();
        var edit = (await Reviews.GetEditsAsync(v.Id)).ShouldHaveSingleItem();
        (edit.EditedBy, edit.BeforeHash, edit.AfterHash).ShouldBe((Mark.Id, v.ContentHash, edited.ContentHash));
        edit.AfterJson.ShouldContain("A sharper subject");
        (await Studio.AuditEventsAsync()).Single(e => e.Action == AuditActions.VariantEdited).DataJson.ShouldContain("\"approvalVoided\":true");
    }

    [Fact]
    public async Task StaleEditIsAConflictThatCarriesBothVersions()
    {
        var v = await Studio.GeneratedVariantAsync();
        var first = await Reviews.EditAsync(v.Id, v.Fields.With("subject", "Mark's subject"), v.ConcurrencyToken, Mark);

        var mine = v.Fields.With("subject", "Gina's subject");
        var conflict = await Should.ThrowAsync<ReviewConflictException>(() => Reviews.EditAsync(v.Id, mine, v.ConcurrencyToken, Gina));

        conflict.Current.Fields["subject"].ShouldBe("Mark's subject");
        conflict.Current.ConcurrencyToken.ShouldBe(first.ConcurrencyToken);
        conflict.AttemptedFields["subject"].ShouldBe("Gina's subject");
        conflict.LastEditedBy.ShouldBe(Mark.Id);
        conflict.Message.ShouldContain("changed by mark@example.com after you opened it, so your edit was not saved");
        (await Studio.ReloadAsync(v.Id)).Fields["subject"].ShouldBe("Mark's subject");
        // Resolved by re-applying on top of the current version.
        var resolved = await Reviews.EditAsync(v.Id, mine, conflict.CurrentToken, Gina);
        resolved.Fields["subject"].ShouldBe("Gina's subject");
        (await Reviews.GetEditsAsync(v.Id)).Select(e => e.EditedBy).ShouldBe([Mark.Id, Gina.Id]);
    }

    [Fact]
    public async Task HundredConcurrentEditsWithTheSameTokenHaveExactlyOneWinner()
    {
        var v = await Studio.GeneratedVariantAsync();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var saves = Enumerable.Range(0, 100).Select(i => Task.Run(async () =>
        {
            await start.Task;
            var fields = v.Fields.With("body", $"Edit number {i}");
            try { return (Index: i, Won: (ReviewedVariant?)await Reviews.EditAsync(v.Id, fields, v.ConcurrencyToken, i % 2 == 0 ? Mark : Bree), Conflict: (ReviewConflictException?)null); }
            catch (ReviewConflictException e) { return (Index: i, Won: null, Conflict: e); }
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(saves);

        var winner = results.Where(r => r.Won is not null).ShouldHaveSingleItem();
        results.Count(r => r.Conflict is not null).ShouldBe(99);
        var stored = await Studio.ReloadAsync(v.Id);
        stored.Fields["body"].ShouldBe($"Edit number {winner.Index}");
        stored.ConcurrencyToken.ShouldBe(winner.Won!.ConcurrencyToken);
        stored.ContentHash.ShouldBe(winner.Won.ContentHash);
        results.Where(r => r.Conflict is not null).ShouldAllBe(r => r.Conflict!.Current.Fields["body"] == stored.Fields["body"]);
        var edit = (await Reviews.GetEditsAsync(v.Id)).ShouldHaveSingleItem();
        edit.AfterJson.ShouldContain($"Edit number {winner.Index}");
        (await Studio.AuditEventsAsync()).ShouldHaveSingleItem().Action.ShouldBe(AuditActions.VariantEdited);
        (await Studio.Get<AuditVerifier>().VerifyAsync()).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task NobodyApprovesAVariantTheyGeneratedOrEdited()
    {
        var byBree = await Studio.GeneratedVariantAsync(Bree);
        await Reviews.SubmitAsync(byBree.Id, Bree);
        var own = await Should.ThrowAsync<AccessDeniedException>(() => Reviews.ApproveAsync(byBree.Id, byBree.ContentHash, Bree));
        own.Message.ShouldContain("generated");

        var byGina = await Studio.GeneratedVariantAsync();
        var submitted = await Reviews.SubmitAsync(byGina.Id, Gina);
        var edited = await Reviews.EditAsync(byGina.Id, byGina.Fields.With("cta", "Open yours today"), submitted.ConcurrencyToken, Bob);
        var afterEdit = await Should.ThrowAsync<AccessDeniedException>(() => Reviews.ApproveAsync(byGina.Id, edited.ContentHash, Bob));
        afterEdit.Message.ShouldContain("edited");
        (await Studio.ReloadAsync(byGina.Id)).ReviewState.ShouldBe(ReviewState.InReview);

        (await Reviews.ApproveAsync(byBree.Id, byBree.ContentHash, Bob)).State.ShouldBe(ReviewState.Approved);
        (await Reviews.ApproveAsync(byGina.Id, edited.ContentHash, Bree)).State.ShouldBe(ReviewState.Approved);
    }

    [Fact]
    public async Task AdminApprovesOnlyThroughAJustifiedAuditedOverride()
    {
        var v = await Studio.GeneratedVariantAsync(Ada);
        await Reviews.SubmitAsync(v.Id, Ada);
        await Should.ThrowAsync<AccessDeniedException>(() => Reviews.ApproveAsync(v.Id, v.ContentHash, Ada));
        await Should.ThrowAsync<AccessDeniedException>(() => Reviews.OverrideApproveAsync(v.Id, v.ContentHash, Ada, "ok"));

        const string why = "Launch-day fix; brand manager on leave, CMO approved by phone.";
        var approved = await Reviews.OverrideApproveAsync(v.Id, v.ContentHash, Ada, why);

        approved.State.ShouldBe(ReviewState.Approved);
        var decision = (await Reviews.GetDecisionsAsync(v.Id)).ShouldHaveSingleItem();
        (decision.Action, decision.DecidedBy, decision.Comment).ShouldBe((ReviewAction.OverrideApprove, Ada.Id, why));
        var logged = (await Studio.AuditEventsAsync()).Last();
        (logged.Action, logged.Actor).ShouldBe((AuditActions.ReviewOverrideApproved, Ada.Id));
        logged.DataJson.ShouldContain(why);
        (await Reviews.GetApprovalAsync(v.Id)).IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task RefusedActionsChangeNothingAndLogOnlyTheRefusal()
    {
        var v = await Studio.GeneratedVariantAsync();

        await Should.ThrowAsync<AccessDeniedException>(() => Reviews.SubmitAsync(v.Id, StudioUser.Anonymous));
        var submitted = await Reviews.SubmitAsync(v.Id, Gina);
        var illegal = await Should.ThrowAsync<IllegalTransitionException>(() => Reviews.SubmitAsync(v.Id, Gina));
        illegal.Message.ShouldBe("Cannot submit a variant that is in review. What can be done now: approve, override and approve, reject, request changes, edit.");
        (await Should.ThrowAsync<ArgumentException>(() => Reviews.RejectAsync(v.Id, Bree, " "))).ParamName.ShouldBe("reason");
        (await Should.ThrowAsync<ArgumentException>(() => Reviews.RequestChangesAsync(v.Id, Bree, ""))).ParamName.ShouldBe("feedback");
        var badField = await Should.ThrowAsync<ArgumentException>(() =>
            Reviews.EditAsync(v.Id, v.Fields.With("headline", "x"), submitted.ConcurrencyToken, Mark));
        badField.Message.ShouldContain("unknown field(s) headline");
        await Should.ThrowAsync<VariantNotFoundException>(() => Reviews.SubmitAsync(Guid.NewGuid(), Gina));

        (await Studio.ReloadAsync(v.Id)).ReviewState.ShouldBe(ReviewState.InReview);
        // The refused submit is a governance event (auth.access-denied); illegal moves and bad input are not.
        (await Studio.AuditEventsAsync()).Select(e => e.Action).ShouldBe([AuditActions.AccessDenied, AuditActions.ReviewSubmitted]);
        (await Reviews.GetDecisionsAsync(v.Id)).ShouldBeEmpty();
        (await Reviews.GetEditsAsync(v.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ChangesRequestedGoBackToTheAuthorAndReturnToReview()
    {
        var v = await Studio.GeneratedVariantAsync();
        await Reviews.SubmitAsync(v.Id, Gina);
        var asked = await Reviews.RequestChangesAsync(v.Id, Bree, "Lead with the rate, not the fee waiver.");
        asked.State.ShouldBe(ReviewState.ChangesRequested);

        var edited = await Reviews.EditAsync(v.Id, v.Fields.With("subject", "4% AER, no fees for a year"), asked.ConcurrencyToken, Gina);
        edited.State.ShouldBe(ReviewState.ChangesRequested);
        (await Reviews.SubmitAsync(v.Id, Gina)).State.ShouldBe(ReviewState.InReview);
        (await Reviews.RejectAsync(v.Id, Bree, "Rate claim needs the representative example.")).State.ShouldBe(ReviewState.Rejected);

        var decisions = await Reviews.GetDecisionsAsync(v.Id);
        decisions.Select(d => (d.Action, d.ContentHash)).ShouldBe([
            (ReviewAction.RequestChanges, v.ContentHash), (ReviewAction.Reject, edited.ContentHash)]);
        (await Studio.AuditEventsAsync()).Select(e => e.Action).ShouldBe([
            AuditActions.ReviewSubmitted, AuditActions.ReviewChangesRequested, AuditActions.VariantEdited,
            AuditActions.ReviewSubmitted, AuditActions.ReviewRejected]);
        var rejected = await Studio.ReloadAsync(v.Id);
        (await Should.ThrowAsync<IllegalTransitionException>(() => Reviews.EditAsync(v.Id, v.Fields, rejected.ConcurrencyToken, Gina)))
            .Message.ShouldContain("rejected. That is final");
    }

    [Fact]
    public async Task TwoReviewersDecidingAtOnceGetOneDecisionAndOneClearRefusal()
    {
        var v = await Studio.GeneratedVariantAsync();
        await Reviews.SubmitAsync(v.Id, Gina);

        var approve = Task.Run(() => Reviews.ApproveAsync(v.Id, v.ContentHash, Bree));
        var reject = Task.Run(() => Reviews.RejectAsync(v.Id, Bob, "Off brand."));
        var outcomes = await Task.WhenAll(Outcome(approve), Outcome(reject));

        outcomes.Count(o => o is null).ShouldBe(1);
        outcomes.OfType<IllegalTransitionException>().ShouldHaveSingleItem();
        (await Reviews.GetDecisionsAsync(v.Id)).ShouldHaveSingleItem();
        (await Studio.AuditEventsAsync()).Count.ShouldBe(2);
    }

    private static async Task<Exception?> Outcome(Task task)
    {
        try { await task; return null; }
        catch (Exception e) { return e; }
    }
}

public sealed class SqliteReviewServiceTests : ReviewServiceTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        Task.FromResult<(DatabaseProvider, string, Action?)>(TestDatabases.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresReviewServiceTests(PostgresServer server) : ReviewServiceTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        TestDatabases.PostgresAsync(server, nameof(PostgresReviewServiceTests));
}
