using ContentStudio.Core.Channels;

namespace ContentStudio.Core.Prompts;

/// <summary>A prompt template as loaded from prompts/&lt;name&gt;.prompt.md.</summary>
public sealed class PromptTemplate
{
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public required ChannelKind Channel { get; init; }
    public IReadOnlyList<PromptInput> Inputs { get; init; } = [];
    /// <summary>The JSON keys the model must return; they match the channel's field names.</summary>
    public IReadOnlyList<string> OutputFields { get; init; } = [];
    public double Temperature { get; init; } = 0.7;
    public int MaxOutputTokens { get; init; } = 600;
    /// <summary>The declared <c>style:</c> directives (angles, tone, opening, length, structure).</summary>
    public PromptStyle Style { get; init; } = PromptStyle.None;
    public required string SystemTemplate { get; init; }
    public required string UserTemplate { get; init; }
    public string SourcePath { get; init; } = "";
    /// <summary>SHA-256 (hex) of the file text: identifies the version.</summary>
    public string ContentHash { get; init; } = "";
    /// <summary>Short version label: the first 12 hex characters of the content hash.</summary>
    public string Version => ContentHash.Length >= 12 ? ContentHash[..12] : ContentHash;
}

/// <summary>A declared input: name, type (string, string[], number, object) and whether it is required.</summary>
public sealed record PromptInput(string Name, string Type, bool Required, string Description = "");

/// <summary>The messages a template rendered to, and the hash that goes into a variant's provenance.</summary>
public sealed record RenderedPrompt(string System, string User, string PromptHash);
