using static ContentStudio.Testing.People;
using ContentStudio.Testing;
using ContentStudio.Core.Identity;
using ContentStudio.Core.TemplateStudio;
using ContentStudio.Core.Review;
using ContentStudio.Core.Kernel;
using ContentStudio.Core.Prompts;

namespace ContentStudio.Core.Tests.TemplateStudio;

public class EvaluationSetSaveTests
{

    private static string TempPath() => Path.Combine(Directory.CreateTempSubdirectory("cs-evalset-").FullName, "evals", "email.eval.json");

    [Fact]
    public void AValidSetIsWrittenExactlyAsTyped()
    {
        var path = TempPath();
        const string text = "{ \"cases\": [ { \"brand\": \"harbor-bank\", \"segment\": \"seniors\", \"brief\": { \"product\": \"Harbor Mobile\" } } ] }\n";
        EvaluationSet.Save(path, text, Pia).ShouldBeEmpty();
        File.ReadAllText(path).ShouldBe(text);
        EvaluationSet.Load(path).Set!.Cases.Single().Segment.ShouldBe("seniors");
    }

    [Fact]
    public void AnInvalidSetIsRefusedWithTheLineAndTheFileKeepsItsContent()
    {
        var path = TempPath();
        EvaluationSet.Save(path, "{ \"cases\": [ { \"brand\": \"harbor-bank\", \"segment\": \"seniors\", \"brief\": { \"product\": \"P\" } } ] }", Pia).ShouldBeEmpty();
        var errors = EvaluationSet.Save(path, "{\n  \"cases\": [\n    { \"brand\": \"harbor-bank\", }\n    oops\n  ]\n}", Pia);
        errors.ShouldNotBeEmpty();
        errors[0].Line.ShouldBeGreaterThan(1);
        EvaluationSet.Load(path).Set.ShouldNotBeNull("the file on disk still holds the last valid set");
    }

    [Fact]
    public void ACaseWithoutASegmentNamesTheCase()
    {
        var errors = EvaluationSet.Save(TempPath(), "{ \"cases\": [ { \"brand\": \"harbor-bank\", \"brief\": { \"product\": \"P\" } } ] }", Pia);
        errors.ShouldContain(e => e.Message.Contains("case 1") && e.Message.Contains("segment"));
    }

    [Theory]
    [InlineData("Marketer")]
    [InlineData("BrandManager")]
    [InlineData("")]
    public void OnlyPromptEngineersAndAdminsMaySaveASetAndARefusalWritesNothing(string role)
    {
        var path = TempPath();
        var user = role == "" ? StudioUser.Anonymous : new StudioUser("sam@example.com", "Sam", role);
        Should.Throw<AccessDeniedException>(() => EvaluationSet.Save(path, "{ \"cases\": [ { \"brand\": \"harbor-bank\", \"segment\": \"seniors\", \"brief\": { \"product\": \"P\" } } ] }", user))
            .Permission.ShouldBe(StudioPermission.EditTemplates);
        File.Exists(path).ShouldBeFalse();
        EvaluationSet.Save(path, "{ \"cases\": [ { \"brand\": \"harbor-bank\", \"segment\": \"seniors\", \"brief\": { \"product\": \"P\" } } ] }", People.Ada).ShouldBeEmpty();
    }
}
