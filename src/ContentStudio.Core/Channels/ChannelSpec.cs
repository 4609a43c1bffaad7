namespace ContentStudio.Core.Channels;

/// <summary>One field a channel's copy is made of, with its limit in characters (UTF-16 code units
/// for every channel but SMS, whose body is measured in GSM-7 / UCS-2 segments as well).</summary>
public sealed record FieldSpec(string Name, string Label, int? MaxLength, bool Required, string Purpose);

/// <summary>A channel kept as data: its field schema and limits.</summary>
public sealed record ChannelSpec(ChannelKind Kind, string Key, string DisplayName, IReadOnlyList<FieldSpec> Fields)
{
    /// <summary>For SMS: the most segments a message may use.</summary>
    public int? MaxSmsSegments { get; init; }

    public FieldSpec? Field(string name) =>
        Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
