using ContentStudio.Core.Generation;
using ContentStudio.Core.Publishing;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Tests.Publishing;

public class PublishableCheckTests
{
    private static Variant Variant(ReviewState state, string body = "Save 4% with Lumen Saver.")
    {
        var fields = new Dictionary<string, string> { ["subject"] = "Save more", ["body"] = body };
        return new Variant { FieldsJson = VariantFields.CanonicalJson(fields), ContentHash = VariantFields.Hash(fields), ReviewState = state };
    }

    private static ApprovalEvidence ApprovalOf(Variant v) => new("bree@example.com", DateTime.UtcNow, v.ContentHash);

    [Theory]
    [InlineData(ReviewState.Approved)]
    [InlineData(ReviewState.Scheduled)]
    [InlineData(ReviewState.Published)] // already sent to one target: may go out to another
    public void AcceptsApprovedScheduledAndPublishedCopyWithAValidApproval(ReviewState state)
    {
        var v = Variant(state);
        PublishableCheck.Problem(v, ApprovalOf(v)).ShouldBeNull();
        PublishableCheck.Problem(v, ApprovalOf(v), v.ContentHash).ShouldBeNull();
    }

    [Theory]
    [InlineData(ReviewState.Generated)]
    [InlineData(ReviewState.InReview)]
    [InlineData(ReviewState.ChangesRequested)]
    [InlineData(ReviewState.Rejected)]
    public void RefusesEveryOtherStateEvenWithAnApprovalOnRecord(ReviewState state)
    {
        var v = Variant(state);
        PublishableCheck.Problem(v, ApprovalOf(v)).ShouldBe($"variant {v.Id} is {state}, not approved");
    }

    [Fact]
    public void PublishedCopyStillNeedsItsApprovalToHoldForTheCurrentContent()
    {
        var approved = Variant(ReviewState.Published);
        var changed = Variant(ReviewState.Published, "Save 5% with Lumen Saver!");
        changed.Id = approved.Id;

        PublishableCheck.Problem(changed, ApprovalOf(approved))!.ShouldContain("changed after approval");
        PublishableCheck.Problem(approved, null)!.ShouldContain("has no approval on record");
        PublishableCheck.Problem(changed, ApprovalOf(changed), expectedHash: approved.ContentHash)!.ShouldContain("changed after it was queued");
    }
}
