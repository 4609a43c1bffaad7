using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Web.Components.Shared;

namespace ContentStudio.Web.Tests.Components.Shared;

/// <summary>The app's not-found page names the address asked for and links to where people usually meant to go.</summary>
public sealed class NotFoundMessageTests : BunitContext
{
    [Fact]
    public void NamesTheAddressFromTheRouterAndLinksOnward()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("campaigns/no-such-thing?x=1");

        var cut = Render<NotFoundMessage>();

        cut.Find("#not-found h1").TextContent.ShouldBe("Page not found");
        cut.Find("#not-found-path").TextContent.ShouldBe("/campaigns/no-such-thing");
        cut.FindAll("#not-found a").Select(a => a.GetAttribute("href")).ShouldBe(["", "queue", "templates", "brands", "segments"]);
    }

    [Fact]
    public void TheErrorPageShowsTheOriginalAddressNotItsOwn()
    {
        var cut = Render<NotFoundMessage>(p => p.Add(m => m.Path, "/favicon.png"));

        cut.Find("#not-found-path").TextContent.ShouldBe("/favicon.png");
    }
}
