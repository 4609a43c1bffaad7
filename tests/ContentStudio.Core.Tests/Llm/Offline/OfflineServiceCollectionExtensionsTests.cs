using ContentStudio.Core.Llm.Offline;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace ContentStudio.Core.Tests.Llm.Offline;

public class OfflineServiceCollectionExtensionsTests
{
    [Fact]
    public void RegistersOneComposerReachableByTypeAndByProviderName()
    {
        using var provider = new ServiceCollection().AddOfflineComposer().AddOfflineComposer().BuildServiceProvider();

        var byType = provider.GetRequiredService<OfflineComposer>();
        var byName = provider.GetRequiredKeyedService<IChatClient>(OfflineComposer.ProviderName);

        byName.ShouldBeSameAs(byType);
        provider.GetKeyedServices<IChatClient>(OfflineComposer.ProviderName).Count().ShouldBe(1);
    }
}
