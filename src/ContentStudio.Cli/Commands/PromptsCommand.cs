using System.CommandLine;
using ContentStudio.Core.Prompts;

namespace ContentStudio.Cli.Commands;

/// <summary>`studio prompts validate [--path DIR]`: loads every prompt template and prints its problems with
/// file and line. Exit 0 when all load (warnings allowed), 1 when any has an error. The other verbs work on the
/// versions in the database: render, eval, history, release, rollback, diff, export, import.</summary>
internal static class PromptsCommand
{
    public static Command Build()
    {
        var path = new Option<string?>("--path") { Description = "Folder of prompt templates (default: Studio:PromptsPath, prompts/)" };
        var validate = new Command("validate", "Check every prompt template; print problems with file and line.") { path };
        validate.SetAction(result =>
        {
            var catalog = new PromptCatalog(path.ResolveFolder(result, o => o.PromptsPath));
            foreach (var t in catalog.Templates)
                Console.WriteLine($"ok    {t.Name} ({t.Channel}) {Path.GetFileName(t.SourcePath)} version {t.Version}");
            return SourceReport.Print(catalog.Errors);
        });
        var prompts = new Command("prompts", "Prompt templates.") { validate, PromptsRenderCommand.Build(), PromptsEvalCommand.Build() };
        foreach (var verb in PromptsVersionCommands.Build()) prompts.Subcommands.Add(verb);
        return prompts;
    }
}
