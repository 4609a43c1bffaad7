using ContentStudio.Core.Brands;
using ContentStudio.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContentStudio.Core.Tests.Brands;

public class BrandCatalogTests
{
    static string Guide(string name) => $"---\nname: {name}\n---\n## Voice\nFriendly.\n";

    [Fact]
    public void LoadsTheSampleGuidesInFileOrderWithoutErrors()
    {
        var catalog = new BrandCatalog(SampleContent.BrandGuidesFolder);
        catalog.Errors.ShouldBeEmpty(string.Join("\n", catalog.Errors));
        catalog.Brands.Select(b => b.Slug).ShouldBe(["harbor-bank", "lumen-coffee"]);
    }

    [Fact]
    public void SkipsReadmeAndNonGuideFiles()
    {
        using var folder = new TempFolder();
        folder.Write("README.md", "# How to write a guide\n");
        folder.Write("acme.segments.csv", "key,name\n");
        folder.Write("acme.md", Guide("Acme"));
        var catalog = new BrandCatalog(folder.Path);
        catalog.Brands.Select(b => b.Slug).ShouldBe(["acme"]);
        catalog.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void ABrokenGuideIsListedAndTheOthersStillLoad()
    {
        using var folder = new TempFolder();
        folder.Write("acme.md", Guide("Acme"));
        var broken = folder.Write("broken.md", "---\nregulated: yes please\n---\n");
        folder.Write("zeta.md", Guide("Zeta"));
        var catalog = new BrandCatalog(folder.Path);
        catalog.Brands.Select(b => b.Slug).ShouldBe(["acme", "zeta"]);
        catalog.Errors.ShouldNotBeEmpty();
        catalog.Errors.ShouldAllBe(e => e.File == broken);
        catalog.Find("broken").ShouldBeNull();
    }

    [Fact]
    public void MissingFolderIsAnErrorNotACrash()
    {
        var missing = Path.Combine(Path.GetTempPath(), "cs-no-such-folder-" + Guid.NewGuid().ToString("N"));
        var catalog = new BrandCatalog(missing);
        catalog.Brands.ShouldBeEmpty();
        catalog.Errors.Single().File.ShouldBe(missing);
        catalog.Errors.Single().Message.ShouldContain("does not exist");
    }

    [Fact]
    public void RejectsTwoGuidesWithTheSameSlug()
    {
        using var folder = new TempFolder();
        folder.Write("acme.md", Guide("Acme"));
        var second = folder.Write("other.md", "---\nname: Acme again\nslug: acme\n---\n");
        var catalog = new BrandCatalog(folder.Path);
        catalog.Brands.Count.ShouldBe(1);
        catalog.Errors.Single().File.ShouldBe(second);
        catalog.Errors.Single().Message.ShouldContain("Slug 'acme' is already used");
    }

    [Fact]
    public void FindIgnoresCase()
    {
        var catalog = new BrandCatalog(SampleContent.BrandGuidesFolder);
        catalog.Find("Harbor-Bank")!.Name.ShouldBe("Harbor Bank");
        catalog.Find("unknown").ShouldBeNull();
    }

    [Fact]
    public void ReloadPicksUpEditedAndNewGuides()
    {
        using var folder = new TempFolder();
        folder.Write("acme.md", Guide("Acme"));
        var catalog = new BrandCatalog(folder.Path);
        folder.Write("acme.md", Guide("Acme Renamed"));
        folder.Write("beta.md", Guide("Beta"));
        catalog.Find("acme")!.Name.ShouldBe("Acme");
        catalog.Reload();
        catalog.Find("acme")!.Name.ShouldBe("Acme Renamed");
        catalog.Brands.Count.ShouldBe(2);
    }

    [Fact]
    public void ReadersNeverSeeAHalfReloadedCatalog()
    {
        using var folder = new TempFolder();
        folder.Write("acme.md", Guide("Acme"));
        folder.Write("beta.md", Guide("Beta"));
        var catalog = new BrandCatalog(folder.Path);
        var counts = new System.Collections.Concurrent.ConcurrentBag<int>();
        Parallel.For(0, 200, i =>
        {
            if (i % 4 == 0) catalog.Reload();
            else counts.Add(catalog.Brands.Count);
        });
        counts.ShouldAllBe(c => c == 2);
    }

    [Fact]
    public void AddBrandsRegistersASingletonOverTheConfiguredFolder()
    {
        using var folder = new TempFolder();
        folder.Write("acme.md", Guide("Acme"));
        var services = new ServiceCollection();
        services.AddOptions<StudioOptions>().Configure(o => o.BrandGuidesPath = folder.Path);
        using var provider = services.AddBrands().BuildServiceProvider();
        var catalog = provider.GetRequiredService<IBrandCatalog>();
        catalog.ShouldBeSameAs(provider.GetRequiredService<IBrandCatalog>());
        catalog.Brands.Single().Slug.ShouldBe("acme");
    }

    [Fact]
    public void AddBrandsFindsTheRepositoryFolderFromTheDefaultRelativePath()
    {
        var services = new ServiceCollection();
        services.AddOptions<StudioOptions>();
        using var provider = services.AddBrands().BuildServiceProvider();
        var catalog = (BrandCatalog)provider.GetRequiredService<IBrandCatalog>();
        catalog.Folder.ShouldBe(SampleContent.BrandGuidesFolder);
        catalog.Brands.Count.ShouldBe(2);
    }
}
