namespace ContentStudio.Integration.Tests.Cli;

/// <summary>`studio brands validate` and `studio prompts validate`: the repository's files pass; a broken file fails
/// with exit 1 and an error that names the file and the line.</summary>
public sealed class ValidateCommandTests : IDisposable
{
    readonly CliWorkspace _workspace = CliWorkspace.Sqlite();

    public void Dispose() => _workspace.Dispose();

    static string RepoFolder(string name) => Path.Combine(Infrastructure.CliProcess.RepoRoot, name);

    [Fact]
    public async Task BrandsValidateAcceptsTheRepositorysGuides()
    {
        var result = await _workspace.RunAsync("brands", "validate");

        result.ExitCode.ShouldBe(0, result.ToString());
        foreach (var guide in Directory.GetFiles(RepoFolder("brand-guides"), "*.md").Where(f => !f.EndsWith("README.md")))
            result.StdOut.ShouldContain($"({Path.GetFileName(guide)})", Case.Sensitive, result.ToString());
        result.StdOut.ShouldContain("valid", Case.Sensitive, result.ToString());
        result.StdErr.ShouldBeEmpty();
    }

    [Fact]
    public async Task BrandsValidateNamesTheFileAndLineOfABrokenGuide()
    {
        var (folder, line) = CopyWithBrokenLine("brand-guides", "lumen-coffee.md", "locale: en-US", "locale: english");

        var result = await _workspace.RunAsync("brands", "validate", "--path", folder);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.StdErr.ShouldContain($"lumen-coffee.md:{line}:", Case.Sensitive, result.ToString());
        result.StdErr.ShouldContain("'locale'", Case.Sensitive, result.ToString());
    }

    [Fact]
    public async Task PromptsValidateAcceptsTheRepositorysTemplates()
    {
        var result = await _workspace.RunAsync("prompts", "validate");

        result.ExitCode.ShouldBe(0, result.ToString());
        foreach (var template in Directory.GetFiles(RepoFolder("prompts"), "*.prompt.md"))
            result.StdOut.ShouldContain(Path.GetFileName(template), Case.Sensitive, result.ToString());
        result.StdErr.ShouldBeEmpty();
    }

    [Fact]
    public async Task PromptsValidateNamesTheFileAndLineOfABrokenTemplate()
    {
        var (folder, line) = CopyWithBrokenLine("prompts", "sms.prompt.md", "channel: sms", "channel: smss");

        var result = await _workspace.RunAsync("prompts", "validate", "--path", folder);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.StdErr.ShouldContain($"sms.prompt.md:{line}:", Case.Sensitive, result.ToString());
        result.StdErr.ShouldContain("smss", Case.Sensitive, result.ToString());
    }

    /// <summary>Copies every file of a repository folder into the workspace, with one line of one file replaced.
    /// Returns the copy's folder and the 1-based number of the broken line.</summary>
    (string Folder, int Line) CopyWithBrokenLine(string repoFolder, string file, string goodLine, string badLine)
    {
        var target = Path.Combine(_workspace.Folder, repoFolder);
        Directory.CreateDirectory(target);
        foreach (var source in Directory.GetFiles(RepoFolder(repoFolder)))
            File.Copy(source, Path.Combine(target, Path.GetFileName(source)));
        var lines = File.ReadAllLines(Path.Combine(target, file));
        var index = Array.IndexOf(lines, goodLine);
        index.ShouldBeGreaterThanOrEqualTo(0, $"{file} no longer has the line '{goodLine}' this test breaks");
        lines[index] = badLine;
        File.WriteAllLines(Path.Combine(target, file), lines);
        return (target, index + 1);
    }
}
