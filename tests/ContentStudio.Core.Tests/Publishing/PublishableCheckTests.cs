using ContentStudio.Core.Generation;
using ContentStudio.Core.Publishing;

namespace ContentStudio.Core.Tests.Publishing;

public class PublishableCheckTests
{
    private static Variant Variant(string state, string body = "Save 4% with Lumen Saver.")
    {
        var fields = new Dictionary<string, string> { ["subject"] = "Save more", ["body"] = body };
        return new Variant { FieldsJson = VariantContent.CanonicalJson(fields), ContentHash = VariantContent.Hash(fields), ReviewState = state };
    }

    private static ApprovalEvidence ApprovalOf(Variant v) => new("bree@example.com", DateTime.UtcNow, v.ContentHash);

    [Theory]
    [InlineData("Approved")]
    [InlineData("Scheduled")]
    [InlineData("Published")] // already sent to one target: may go out to another
    public void AcceptsApprovedScheduledAndPublishedCopyWithAValidApproval(string state)
    {
        var v = Variant(state);
        PublishableCheck.Problem(v, ApprovalOf(v)).ShouldBeNull();
        PublishableCheck.Problem(v, ApprovalOf(v), v.ContentHash).ShouldBeNull();
    }

    [Theory]
    [InlineData("Generated")]
    [InlineData("InReview")]
    [InlineData("ChangesRequested")]
    [InlineData("Rejected")]
    public void RefusesEveryOtherStateEvenWithAnApprovalOnRecord(string state)
    {
        var v = Variant(state);
        PublishableCheck.Problem(v, ApprovalOf(v)).ShouldBe($"variant {v.Id} is {state}, not approved");
    }

    [Fact]
    public void PublishedCopyStillNeedsItsApprovalToHoldForTheCurrentContent()
    {
        var approved = Variant("Published");
        var changed = Variant("Published", "Save 5% with Lumen Saver!");
        changed.Id = approved.Id;

        PublishableCheck.Problem(changed, ApprovalOf(approved))!.ShouldContain("changed after approval");
        PublishableCheck.Problem(approved, null)!.ShouldContain("has no approval on record");
        PublishableCheck.Problem(changed, ApprovalOf(changed), expectedHash: approved.ContentHash)!.ShouldContain("changed after it was queued");
    }
}
