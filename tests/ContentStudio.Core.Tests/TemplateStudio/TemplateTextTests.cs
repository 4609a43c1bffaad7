using ContentStudio.Core.Tests.Prompts;
using System.Text;
using ContentStudio.Core.Prompts;
using ContentStudio.Core.TemplateStudio;

namespace ContentStudio.Core.Tests.TemplateStudio;

public class TemplateTextTests
{
    [Fact]
    public void TheLabelIsTheVersionTheParserGivesTheSameText()
    {
        var text = PromptTestData.Template().Replace("\n", "\r\n");
        TemplateText.Label(text).ShouldBe(PromptTestData.Parse(text).Template!.Version);
    }

    [Fact]
    public void AnyByteChangeGivesAnotherLabel()
    {
        var text = PromptTestData.Template();
        TemplateText.Label(text).ShouldNotBe(TemplateText.Label(text.TrimEnd('\n')));
        TemplateText.Label(text).ShouldNotBe(TemplateText.Label("\uFEFF" + text));
    }

    [Fact]
    public async Task ReadAndWriteKeepEveryByte()
    {
        var path = Path.GetTempFileName();
        try
        {
            byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("---\r\nname: x\n---\r\nno newline at the end é")];
            File.WriteAllBytes(path, bytes);
            var text = TemplateText.Read(path);
            text[0].ShouldBe('\uFEFF');
            await TemplateText.WriteAsync(path, text);
            File.ReadAllBytes(path).ShouldBe(bytes);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void TextThatIsNotUtf8IsRefused()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [0x2D, 0x2D, 0x2D, 0xFF, 0xFE]);
            Should.Throw<DecoderFallbackException>(() => TemplateText.Read(path));
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("prompts/email.prompt.md", "email")]
    [InlineData("landing-hero.prompt.md", "landing-hero")]
    [InlineData("prompts/evals/email.eval.json", null)]
    public void TheTemplateNameComesFromTheFileName(string path, string? name) => TemplateText.NameOf(path).ShouldBe(name);

    [Fact]
    public void TokensAreEstimatedAtAboutFourCharactersEach() => TemplateText.EstimateTokens(new string('a', 401)).ShouldBe(101);
}
