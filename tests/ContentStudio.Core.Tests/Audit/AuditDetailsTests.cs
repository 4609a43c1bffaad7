using ContentStudio.Core.Audit;

namespace ContentStudio.Core.Tests.Audit;

public sealed class AuditDetailsTests
{
    [Fact]
    public void DetailsReadAsLabelledFieldsWithNestedObjectsFlattenedAndQuotesKept()
    {
        var fields = AuditDetails.Fields("""{"from":"InReview","beforeHash":"ab12","approvalVoided":true,"target":{"name":"ESP \"main\""},"roles":["Admin","Marketer"],"note":null}""");

        fields.ShouldBe([("from", "InReview"), ("before hash", "ab12"), ("approval voided", "yes"), ("target name", "ESP \"main\""),
            ("roles", "Admin, Marketer"), ("note", "—")]);
    }

    [Theory]
    [InlineData("not json", "not json")]
    [InlineData("[1,2]", "1, 2")]
    public void WhatIsNotAnObjectIsOneDetailsFieldAndNeverThrows(string json, string value) =>
        AuditDetails.Fields(json).ShouldBe([("details", value)]);

    [Theory]
    [InlineData("review.override-approved", "Review override approved")]
    [InlineData("queue.claimed", "Queue claimed")]
    public void ActionsReadAsPhrases(string action, string label) => AuditDetails.ActionLabel(action).ShouldBe(label);
}
