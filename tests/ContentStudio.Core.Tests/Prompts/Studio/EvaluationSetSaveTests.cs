using ContentStudio.Core.Prompts.Studio;

namespace ContentStudio.Core.Tests.Prompts.Studio;

public class EvaluationSetSaveTests
{
    private static string TempPath() => Path.Combine(Directory.CreateTempSubdirectory("cs-evalset-").FullName, "evals", "email.eval.json");

    [Fact]
    public void AValidSetIsWrittenExactlyAsTyped()
    {
        var path = TempPath();
        const string text = "{ \"cases\": [ { \"brand\": \"harbor-bank\", \"segment\": \"seniors\", \"brief\": { \"product\": \"Harbor Mobile\" } } ] }\n";
        EvaluationSet.Save(path, text).ShouldBeEmpty();
        File.ReadAllText(path).ShouldBe(text);
        EvaluationSet.Load(path).Set!.Cases.Single().Segment.ShouldBe("seniors");
    }

    [Fact]
    public void AnInvalidSetIsRefusedWithTheLineAndTheFileKeepsItsContent()
    {
        var path = TempPath();
        EvaluationSet.Save(path, "{ \"cases\": [ { \"brand\": \"harbor-bank\", \"segment\": \"seniors\", \"brief\": { \"product\": \"P\" } } ] }").ShouldBeEmpty();
        var errors = EvaluationSet.Save(path, "{\n  \"cases\": [\n    { \"brand\": \"harbor-bank\", }\n    oops\n  ]\n}");
        errors.ShouldNotBeEmpty();
        errors[0].Line.ShouldBeGreaterThan(1);
        EvaluationSet.Load(path).Set.ShouldNotBeNull("the file on disk still holds the last valid set");
    }

    [Fact]
    public void ACaseWithoutASegmentNamesTheCase()
    {
        var errors = EvaluationSet.Save(TempPath(), "{ \"cases\": [ { \"brand\": \"harbor-bank\", \"brief\": { \"product\": \"P\" } } ] }");
        errors.ShouldContain(e => e.Message.Contains("case 1") && e.Message.Contains("segment"));
    }
}
