using System.CommandLine;
using ContentStudio.Core.Identity;
using ContentStudio.Core.TemplateStudio;
using DiffPlex.DiffBuilder.Model;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Cli.Commands;

/// <summary>`studio prompts history|release|rollback|diff|export|import`: the template versions in the database.
/// Exit 0 on success, 1 when the gate refuses or a file is invalid, 2 on usage errors. release, rollback and import
/// change data: they need a signed-in PromptEngineer or Admin (STUDIO_USER; exit 2 without one, 3 when refused).</summary>
internal static class PromptsVersionCommands
{
    private static Option<string> Template() => new("--template") { Description = "Template name, e.g. email", Required = true };

    public static IEnumerable<Command> Build()
    {
        yield return History();
        yield return Release();
        yield return Rollback();
        yield return Diff();
        yield return Export();
        yield return Import();
    }

    private static Command History()
    {
        var template = Template();
        var command = new Command("history", "List a template's versions and its release history.") { template };
        command.SetAction(async (result, ct) =>
        {
            await using var studio = await PromptsTemplateServices.StartAsync(ct);
            var history = await studio.Store.HistoryAsync(result.GetValue(template)!, ct);
            if (history is null) return PromptsRenderCommand.Usage($"there is no template '{result.GetValue(template)}'");
            foreach (var v in history.Versions)
                Console.WriteLine($"{(v.Id == history.ReleasedVersionId ? "*" : " ")} v{v.Number,-3} {v.Version}  {v.CreatedUtc:yyyy-MM-dd HH:mm}  {v.CreatedBy}  {v.Note}");
            foreach (var e in history.Releases)
                Console.WriteLine($"  {e.Utc:yyyy-MM-dd HH:mm} {e.Kind,-8} v{history.Versions.First(v => v.Id == e.VersionId).Number} by {e.User}{(e.Justification is null ? "" : $": {e.Justification}")}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Release()
    {
        var template = Template();
        var version = new Option<string>("--version") { Description = "Version number or label", Required = true };
        var justification = new Option<string?>("--justification") { Description = "Why to release past the gate (recorded as an override)" };
        var command = new Command("release", "Release a version through the gate (evaluation without regression, or a justification).") { template, version, justification };
        command.SetAction(async (result, ct) =>
        {
            await using var studio = await PromptsTemplateServices.StartAsync(ct);
            var signIn = await CliIdentity.SignInAsync(studio.Services, StudioPermission.ReleaseTemplates, ct);
            if (signIn.Refused) return signIn.ExitCode;
            var v = await studio.VersionAsync(result.GetValue(template)!, result.GetValue(version)!, ct);
            if (v is null) return ExitCodes.UsageOrInput;
            try { await studio.Store.ReleaseAsync(v.Id, signIn.User!, result.GetValue(justification), ct); }
            catch (TemplateStudioException e) { Console.Error.WriteLine("refused: " + e.Message); return ExitCodes.Problems; }
            Console.WriteLine($"released {v.TemplateName} version {v.Number} ({v.Version})");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Rollback()
    {
        var template = Template();
        var to = new Option<string>("--to") { Description = "Version number or label that was released before", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why the released version is put back (kept in the release history and the audit log)", Required = true };
        var command = new Command("rollback", "Put back a version that was released before.") { template, to, reason };
        command.SetAction(async (result, ct) =>
        {
            await using var studio = await PromptsTemplateServices.StartAsync(ct);
            var signIn = await CliIdentity.SignInAsync(studio.Services, StudioPermission.ReleaseTemplates, ct);
            if (signIn.Refused) return signIn.ExitCode;
            var v = await studio.VersionAsync(result.GetValue(template)!, result.GetValue(to)!, ct);
            if (v is null) return ExitCodes.UsageOrInput;
            try { await studio.Store.RollbackAsync(v.TemplateName, v.Id, signIn.User!, result.GetValue(reason)!, ct); }
            catch (TemplateStudioException e) { Console.Error.WriteLine("refused: " + e.Message); return ExitCodes.Problems; }
            Console.WriteLine($"rolled {v.TemplateName} back to version {v.Number} ({v.Version})");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Diff()
    {
        var template = Template();
        var from = new Option<string>("--from") { Description = "Old version number or label", Required = true };
        var to = new Option<string>("--to") { Description = "New version number or label (default: latest)" };
        var command = new Command("diff", "Show the line changes between two versions.") { template, from, to };
        command.SetAction(async (result, ct) =>
        {
            await using var studio = await PromptsTemplateServices.StartAsync(ct);
            var a = await studio.VersionAsync(result.GetValue(template)!, result.GetValue(from)!, ct);
            var b = await studio.VersionAsync(result.GetValue(template)!, result.GetValue(to) ?? "latest", ct);
            if (a is null || b is null) return ExitCodes.UsageOrInput;
            var diff = await studio.Store.DiffAsync(a.Id, b.Id, ct);
            Console.WriteLine($"--- v{a.Number} ({a.Version})\n+++ v{b.Number} ({b.Version})");
            for (var i = 0; i < diff.Model.OldText.Lines.Count; i++)
            {
                var (o, n) = (diff.Model.OldText.Lines[i], diff.Model.NewText.Lines[i]);
                if (o.Type == ChangeType.Unchanged) continue;
                if (o.Type != ChangeType.Imaginary) Console.WriteLine($"-{o.Position,4}: {o.Text}");
                if (n.Type != ChangeType.Imaginary) Console.WriteLine($"+{n.Position,4}: {n.Text}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Export()
    {
        var folder = new Option<DirectoryInfo>("--to") { Description = "Folder to write <name>.prompt.md files into", Required = true };
        var command = new Command("export", "Write every released version to a folder, byte for byte.") { folder };
        command.SetAction(async (result, ct) =>
        {
            await using var studio = await PromptsTemplateServices.StartAsync(ct);
            foreach (var path in await studio.Store.ExportAsync(result.GetValue(folder)!.FullName, ct)) Console.WriteLine($"wrote {path}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Import()
    {
        var folder = new Option<DirectoryInfo>("--from") { Description = "Folder of <name>.prompt.md files", Required = true };
        var command = new Command("import", "Store each template file of a folder as a new version (unreleased).") { folder };
        command.SetAction(async (result, ct) =>
        {
            await using var studio = await PromptsTemplateServices.StartAsync(ct);
            var signIn = await CliIdentity.SignInAsync(studio.Services, StudioPermission.EditTemplates, ct);
            if (signIn.Refused) return signIn.ExitCode;
            IReadOnlyList<ImportedFile> files;
            try { files = await studio.Store.ImportAsync(result.GetValue(folder)!.FullName, signIn.User!, ct); }
            catch (TemplateStudioException e) { return PromptsRenderCommand.Usage(e.Message); }
            foreach (var f in files.Where(f => f.Result.Version is not null))
                Console.WriteLine($"{(f.Result.Created ? "new      " : "unchanged")} {f.Result.Version!.TemplateName} v{f.Result.Version.Number} ({f.Result.Version.Version})");
            return SourceReport.Print(files.SelectMany(f => f.Result.Errors).ToList());
        });
        return command;
    }
}
