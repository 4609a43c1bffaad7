using ContentStudio.Core.Checks;
using ContentStudio.Web.Components.Shared;

namespace ContentStudio.Web.Tests.Components.Shared;

public sealed class GateBadgeTests : BunitContext
{
    [Theory]
    [InlineData(Gate.Clean, "clean · 96", "ok")]
    [InlineData(Gate.NeedsReview, "needs review · 96", "warn")]
    [InlineData(Gate.Blocked, "blocked · 96", "bad")]
    public void EachGateHasItsOwnLabelAndColourWithTheScore(Gate gate, string label, string css)
    {
        var badge = Render<GateBadge>(p => p.Add(b => b.Gate, gate).Add(b => b.Score, 96)).Find("span.badge");

        badge.TextContent.ShouldBe(label);
        badge.ClassList.ShouldBe(["badge", css], ignoreOrder: true);
        badge.GetAttribute("data-gate").ShouldBe(gate.ToString());
        badge.GetAttribute("title").ShouldBe("Check score 96 of 100");
    }

    [Fact]
    public void AVariantWithoutAGateSaysNotCheckedRatherThanClean()
    {
        var badge = Render<GateBadge>(p => p.Add(b => b.Gate, null).Add(b => b.Score, null)).Find("span.badge");

        badge.TextContent.ShouldBe("not checked");
        badge.HasAttribute("data-gate").ShouldBeFalse();
        badge.ClassList.ShouldBe(["badge"]);
    }
}
