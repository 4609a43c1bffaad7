using System.CommandLine;
using System.Globalization;
using ContentStudio.Core.Identity;
using ContentStudio.Core.TemplateStudio;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Cli.Commands;

/// <summary>`studio prompts eval --template NAME --candidate VERSION`: runs the template's evaluation set with the
/// candidate and the released version and prints their metrics side by side. Exit 0 when the candidate may be
/// released, 1 on a regression, 2 on usage errors (unknown template or version, missing or invalid evaluation set, no
/// STUDIO_USER), 3 when the sign-in or the role is refused: the evaluation is stored (the release gate reads it), so it
/// needs a signed-in PromptEngineer or Admin.</summary>
internal static class PromptsEvalCommand
{
    public static Command Build()
    {
        var template = new Option<string>("--template") { Description = "Template name, e.g. email", Required = true };
        var candidate = new Option<string>("--candidate") { Description = "Version number or label to evaluate", Required = true };
        var command = new Command("eval", "Evaluate a template version against the released one on prompts/evals/<template>.eval.json.") { template, candidate };
        command.SetAction(async (result, ct) =>
        {
            await using var studio = await PromptsTemplateServices.StartAsync(ct);
            var signIn = await CliIdentity.SignInAsync(studio.Services, StudioPermission.EvaluateTemplates, ct);
            if (signIn.Refused) return signIn.ExitCode;
            var version = await studio.VersionAsync(result.GetValue(template)!, result.GetValue(candidate)!, ct);
            if (version is null) return ExitCodes.UsageOrInput;
            Console.WriteLine($"evaluating {version.TemplateName} version {version.Number} ({version.Version})...");
            TemplateEvaluationReport report;
            try { report = await studio.Evaluator.EvaluateAsync(version.Id, signIn.User!, ct); }
            catch (TemplateStudioException e) { return PromptsRenderCommand.Usage(e.Message); }
            Print(report);
            return report.Regressions.Count > 0 ? ExitCodes.Problems : ExitCodes.Ok;
        });
        return command;
    }

    internal static void Print(TemplateEvaluationReport report)
    {
        var c = report.Result.Candidate;
        var b = report.Result.Baseline;
        var right = report.Baseline is { } bv ? $"released v{bv.Number}" : "released (none)";
        var rows = new List<(string Metric, string Candidate, string Baseline)>
        {
            ("cases × variants", $"{c.Cases} × {(c.Cases == 0 ? 0 : c.Variants / c.Cases)}", b is null ? "-" : $"{b.Cases} × {(b.Cases == 0 ? 0 : b.Variants / b.Cases)}"),
            ("guardrail pass rate", Pct(c.GuardrailPassRate), b is null ? "-" : Pct(b.GuardrailPassRate)),
            ("blocker findings", c.Blockers.ToString(CultureInfo.InvariantCulture), b?.Blockers.ToString(CultureInfo.InvariantCulture) ?? "-"),
            ("mean score", Num(c.MeanScore), b is null ? "-" : Num(b.MeanScore)),
        };
        foreach (var category in c.CategoryMeans.Keys.Union(b?.CategoryMeans.Keys ?? []).Order(StringComparer.Ordinal))
            rows.Add(($"  {category}", c.CategoryMeans.TryGetValue(category, out var x) ? Num(x) : "-",
                b is not null && b.CategoryMeans.TryGetValue(category, out var y) ? Num(y) : "-"));
        rows.Add(("length compliance", Pct(c.LengthCompliance), b is null ? "-" : Pct(b.LengthCompliance)));
        rows.Add(("distinct-bigram ratio", c.DistinctBigramRatio.ToString("0.000", CultureInfo.InvariantCulture), b?.DistinctBigramRatio.ToString("0.000", CultureInfo.InvariantCulture) ?? "-"));
        rows.Add(("trigram overlap", c.TrigramOverlap.ToString("0.000", CultureInfo.InvariantCulture), b?.TrigramOverlap.ToString("0.000", CultureInfo.InvariantCulture) ?? "-"));
        rows.Add(("needs attention", c.Failures.ToString(CultureInfo.InvariantCulture), b?.Failures.ToString(CultureInfo.InvariantCulture) ?? "-"));

        var left = $"candidate v{report.Candidate.Number}";
        var w0 = Math.Max(6, rows.Max(r => r.Metric.Length));
        var w1 = Math.Max(left.Length, rows.Max(r => r.Candidate.Length));
        Console.WriteLine($"{"metric".PadRight(w0)}  {left.PadLeft(w1)}  {right}");
        foreach (var (metric, cand, bas) in rows) Console.WriteLine($"{metric.PadRight(w0)}  {cand.PadLeft(w1)}  {bas}");
        Console.WriteLine($"evaluation {report.Evaluation.Id}");
        if (report.SameOutputAsReleased)
        {
            Console.WriteLine("same output: " + report.Verdict);
            return;
        }
        if (report.Regressions.Count == 0)
        {
            Console.WriteLine($"no regression: release with `studio prompts release --template {report.Candidate.TemplateName} --version {report.Candidate.Number}`");
            return;
        }
        Console.Error.WriteLine($"{report.Regressions.Count} regression(s):");
        foreach (var r in report.Regressions) Console.Error.WriteLine("  " + r.Message);
    }

    private static string Pct(double v) => v.ToString("0.#", CultureInfo.InvariantCulture) + "%";
    private static string Num(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
