using System.CommandLine;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Llm;
using ContentStudio.Core.Prompts;
using ContentStudio.Core.TemplateStudio;
using ContentStudio.Core.Segments;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Generation;

namespace ContentStudio.Cli.Commands;

/// <summary>`studio prompts render --template NAME [--version N] --brand SLUG --segment KEY --brief FILE`: prints
/// the system and user messages exactly as the model would get them (untrusted fences visible) and a token
/// estimate. Exit 0, 1 when the template cannot render this request, 2 on usage errors.</summary>
internal static class PromptsRenderCommand
{
    public static Command Build()
    {
        var template = new Option<string>("--template") { Description = "Template name, e.g. email", Required = true };
        var version = new Option<string?>("--version") { Description = "Version number or label (default: the released one)" };
        var brand = new Option<string>("--brand") { Description = "Brand slug, e.g. lumen-coffee", Required = true };
        var segment = new Option<string>("--segment") { Description = "Segment key of the brand, e.g. students", Required = true };
        var brief = new Option<FileInfo>("--brief") { Description = "Campaign brief as JSON (see docs/samples/)", Required = true };
        var command = new Command("render", "Print the messages a template version renders for a brand, segment and brief.") { template, version, brand, segment, brief };
        command.SetAction(async (result, ct) =>
        {
            await using var studio = await PromptsTemplateServices.StartAsync(ct);
            var t = studio.Services;
            var name = result.GetValue(template)!;
            var v = await studio.VersionAsync(name, result.GetValue(version) ?? "released", ct);
            if (v is null) return ExitCodes.UsageOrInput;
            if (studio.Released.Parse(v) is not { Template: { } parsed })
                return SourceReport.Print(studio.Released.Parse(v).Errors);
            var b = t.GetRequiredService<IBrandCatalog>().Find(result.GetValue(brand)!);
            if (b is null) return Usage($"there is no brand '{result.GetValue(brand)}' (known: {string.Join(", ", t.GetRequiredService<IBrandCatalog>().Brands.Select(x => x.Slug))})");
            var s = await t.GetRequiredService<SegmentStore>().GetAsync(b.Slug, result.GetValue(segment)!, ct);
            if (s is null) return Usage($"brand '{b.Slug}' has no segment '{result.GetValue(segment)}' (known: {string.Join(", ", await t.GetRequiredService<SegmentStore>().KeysAsync(b.Slug, ct))})");
            CampaignBrief campaignBrief;
            try { campaignBrief = BriefFile.Load(result.GetValue(brief)!.FullName); }
            catch (BriefFileException e) { return Usage(e.Error.ToString()); }

            RenderedPrompt rendered;
            try { rendered = t.GetRequiredService<IPromptRenderer>().Render(parsed, new CompositionRequest(b, s, ChannelCatalog.Get(parsed.Channel), campaignBrief, 0, 0)); }
            catch (PromptRenderException e) { Console.Error.WriteLine("error: " + e.Message); return ExitCodes.Problems; }
            Console.WriteLine($"template {v.TemplateName} version {v.Number} ({v.Version}), channel {ChannelCatalog.Get(parsed.Channel).Key}, temperature {parsed.Temperature}, max output tokens {parsed.MaxOutputTokens}");
            Print("system", rendered.System);
            Print("user", rendered.User);
            Console.WriteLine($"prompt ~{TemplateText.EstimateTokens(rendered.System) + TemplateText.EstimateTokens(rendered.User)} tokens (about 4 characters a token), hash {rendered.PromptHash}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(string role, string text)
    {
        Console.WriteLine($"===== {role} ({text.Length} characters, ~{TemplateText.EstimateTokens(text)} tokens) =====");
        Console.WriteLine(text);
    }

    internal static int Usage(string message)
    {
        Console.Error.WriteLine("error: " + message);
        return ExitCodes.UsageOrInput;
    }
}
