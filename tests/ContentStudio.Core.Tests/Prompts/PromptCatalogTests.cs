using ContentStudio.Core.Channels;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Prompts;
using Microsoft.Extensions.DependencyInjection;
using static ContentStudio.Core.Tests.Prompts.PromptTestData;

namespace ContentStudio.Core.Tests.Prompts;

public sealed class PromptCatalogTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("prompts-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string fileName, string text) => System.IO.File.WriteAllText(Path.Combine(_folder, fileName), text);

    private static string Push(string name) => Template(header: $"name: {name}\nchannel: push");

    [Fact]
    public void LoadsTemplatesInFileOrderAndKeepsErrorsOfTheOnesLeftOut()
    {
        Write("b-push.prompt.md", Push("b-push"));
        Write("a-push.prompt.md", Push("a-push"));
        Write("broken.prompt.md", Template(header: "name: broken\nchannel: fax"));
        Write("notes.md", "not a template");

        var catalog = new PromptCatalog(_folder);

        catalog.Templates.Select(t => t.Name).ShouldBe(["a-push", "b-push"]);
        var error = catalog.Errors.ShouldHaveSingleItem();
        error.File.ShouldBe(Path.Combine(_folder, "broken.prompt.md"));
        error.Line.ShouldBe(3);
        error.Message.ShouldStartWith("unknown channel 'fax'");
    }

    [Fact]
    public void ForChannelPrefersTheTemplateNamedAfterTheChannel()
    {
        Write("a-push.prompt.md", Push("a-push"));
        Write("push.prompt.md", Push("push"));
        var catalog = new PromptCatalog(_folder);

        catalog.ForChannel(ChannelKind.Push)!.Name.ShouldBe("push");
        catalog.ForChannel(ChannelKind.Email).ShouldBeNull();
    }

    [Fact]
    public void ForChannelFallsBackToTheFirstTemplateOfThatChannel()
    {
        Write("b-push.prompt.md", Push("b-push"));
        Write("a-push.prompt.md", Push("a-push"));
        new PromptCatalog(_folder).ForChannel(ChannelKind.Push)!.Name.ShouldBe("a-push");
    }

    [Fact]
    public void ReportsTwoFilesWithTheSameTemplateName()
    {
        Write("a.prompt.md", Push("same"));
        Write("b.prompt.md", Push("same"));
        var catalog = new PromptCatalog(_folder);

        catalog.Templates.ShouldHaveSingleItem().SourcePath.ShouldEndWith("a.prompt.md");
        catalog.Errors.Where(e => !e.IsWarning).ShouldHaveSingleItem().Message.ShouldContain("template name 'same' is already used by");
    }

    [Fact]
    public void ReportsAMissingFolder()
    {
        var catalog = new PromptCatalog(Path.Combine(_folder, "nope"));
        catalog.Templates.ShouldBeEmpty();
        catalog.Errors.ShouldHaveSingleItem().Message.ShouldContain("prompts folder not found");
    }

    [Fact]
    public void ReloadPicksUpAnEditedTemplateAsANewVersion()
    {
        Write("push.prompt.md", Push("push"));
        var catalog = new PromptCatalog(_folder);
        var before = catalog.ForChannel(ChannelKind.Push)!;

        Write("push.prompt.md", Push("push").Replace("You write for", "You are writing for"));
        catalog.Reload();

        var after = catalog.ForChannel(ChannelKind.Push)!;
        after.SystemTemplate.ShouldStartWith("You are writing for");
        after.Version.ShouldNotBe(before.Version);
    }

    [Fact]
    public void AddPromptsRegistersOneCatalogFromStudioOptionsAndARenderer()
    {
        Write("push.prompt.md", Push("push"));
        var services = new ServiceCollection();
        services.AddOptions<StudioOptions>().Configure(o => o.PromptsPath = _folder);
        services.AddPrompts();
        using var provider = services.BuildServiceProvider();

        var catalog = provider.GetRequiredService<IPromptCatalog>();
        catalog.ShouldBeSameAs(provider.GetRequiredService<IPromptCatalog>());
        catalog.ShouldBeSameAs(provider.GetRequiredService<PromptCatalog>());
        catalog.ForChannel(ChannelKind.Push).ShouldNotBeNull();
        provider.GetRequiredService<IPromptRenderer>().ShouldBeOfType<PromptRenderer>();
    }
}
