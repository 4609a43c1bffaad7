using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Brands;

/// <summary>The prose part of a guide: sections by heading as plain text, and the example lines.</summary>
internal sealed record BrandGuideBody(IReadOnlyDictionary<string, string> Sections, IReadOnlyList<string> Examples)
{
    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    /// <summary>Level 1 and 2 headings start a section; deeper headings stay inside their section as a line,
    /// so "## Examples" may group examples under "### Email" without splitting them off.</summary>
    public static BrandGuideBody Parse(string body, string file, int firstLine, List<SourceError> errors)
    {
        var document = Markdown.Parse(body, Pipeline);
        var sections = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var headingLines = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var examples = new List<string>();
        string? current = null;
        var text = new StringBuilder();

        void Flush()
        {
            if (current is not null) sections[current] = text.ToString().Trim();
            text.Clear();
        }

        foreach (var block in document)
        {
            if (block is HeadingBlock { Level: <= 2 } heading)
            {
                Flush();
                current = InlineText(heading.Inline).Trim();
                var line = firstLine + heading.Line;
                if (current.Length == 0) { errors.Add(new SourceError(file, line, "A heading has no text.")); current = null; continue; }
                if (!headingLines.TryAdd(current, line))
                    errors.Add(new SourceError(file, line, $"Section '{current}' appears twice (first on line {headingLines[current]}); merge them."));
                continue;
            }
            if (current is null) continue; // text before the first heading is an untitled preamble
            AppendBlock(block, text, "");
            if (string.Equals(current, "Examples", StringComparison.OrdinalIgnoreCase)) CollectListItems(block, examples);
        }
        Flush();
        return new BrandGuideBody(sections, examples);
    }

    static void CollectListItems(Block block, List<string> into)
    {
        if (block is ListBlock list)
        {
            foreach (var item in list.OfType<ListItemBlock>())
            {
                var own = string.Join(" ", item.OfType<LeafBlock>().Select(b => LeafText(b))).Trim();
                if (own.Length > 0) into.Add(own);
                foreach (var nested in item.OfType<ListBlock>()) CollectListItems(nested, into);
            }
        }
        else if (block is ContainerBlock container)
            foreach (var child in container) CollectListItems(child, into);
    }

    static void AppendBlock(Block block, StringBuilder text, string indent)
    {
        switch (block)
        {
            case ListBlock list:
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var first = true;
                    foreach (var child in item)
                    {
                        if (child is LeafBlock leaf) { text.Append(indent).Append(first ? "- " : "  ").AppendLine(LeafText(leaf)); first = false; }
                        else AppendBlock(child, text, indent + "  ");
                    }
                }
                text.AppendLine();
                break;
            case ContainerBlock container:
                foreach (var child in container) AppendBlock(child, text, indent);
                break;
            case LeafBlock leaf:
                var content = LeafText(leaf);
                if (content.Length > 0) text.Append(indent).AppendLine(content).AppendLine();
                break;
        }
    }

    static string LeafText(LeafBlock leaf) =>
        leaf.Inline is not null ? InlineText(leaf.Inline).Trim() : string.Join("\n", leaf.Lines.Lines.Take(leaf.Lines.Count).Select(l => l.ToString())).Trim();

    static string InlineText(ContainerInline? container)
    {
        if (container is null) return "";
        var text = new StringBuilder();
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal: text.Append(literal.Content); break;
                case CodeInline code: text.Append(code.Content); break;
                case LineBreakInline: text.Append(' '); break;
                case AutolinkInline link: text.Append(link.Url); break;
                case ContainerInline nested: text.Append(InlineText(nested)); break;
            }
        }
        return text.ToString();
    }
}
