using ContentStudio.Core.Generation.Offline;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Llm;

namespace ContentStudio.Core.Tests.Generation.Offline;

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
