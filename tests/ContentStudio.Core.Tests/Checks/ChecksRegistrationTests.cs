using ContentStudio.Core.Checks;
using ContentStudio.Core.Checks.CrossVariant;
using ContentStudio.Core.Checks.Judges;
using Microsoft.Extensions.DependencyInjection;

namespace ContentStudio.Core.Tests.Checks;

public sealed class ChecksRegistrationTests
{
    [Fact]
    public void AddChecksRegistersOneSharedFactoryTheCampaignRunnerAndJudgesThatDoNotRunWithoutAModel()
    {
        using var provider = new ServiceCollection().AddChecks().BuildServiceProvider();

        provider.GetRequiredService<CheckPipelineFactory>().ShouldBeSameAs(provider.GetRequiredService<CheckPipelineFactory>());
        provider.GetRequiredService<CampaignCheckRunner>().ShouldNotBeNull();
        provider.GetRequiredService<LlmJudgeRunner>().IsLive.ShouldBeFalse();
        provider.GetRequiredService<CheckPipelineFactory>().ForBrand(null).Run("Hello").NotRun.Select(n => n.RuleId)
            .ShouldBe(LlmJudgeCheck.JudgeRules, ignoreOrder: true);
    }
}
