using System.Collections.Concurrent;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Llm;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.Infrastructure;

/// <summary>Writes predictable copy for every field of the channel, records every call, and can be told to
/// answer differently (NeedsAttention), to be slow, or to wait at a gate.</summary>
public sealed class FakeVariantGenerator : IVariantGenerator
{
    public ConcurrentQueue<CompositionRequest> Calls { get; } = new();
    public Func<CompositionRequest, GeneratedVariant?>? Answer { get; set; }
    public TimeSpan Delay { get; set; }
    public int CallCount => Calls.Count;

    public async Task<GeneratedVariant> GenerateAsync(CompositionRequest request, CancellationToken cancellationToken)
    {
        Calls.Enqueue(request);
        if (Delay > TimeSpan.Zero) await Task.Delay(Delay, cancellationToken);
        return Answer?.Invoke(request) ?? Write(request);
    }

    public static GeneratedVariant Write(CompositionRequest r)
    {
        var fields = r.Channel.Fields.ToDictionary(f => f.Name,
            f => Clip($"{r.Brief.Product} for {r.Segment.Name} #{r.VariantIndex} ({f.Name})", f.MaxLength));
        return new GeneratedVariant(VariantOutcome.Ok, fields, System.Text.Json.JsonSerializer.Serialize(fields),
            new VariantProvenance("fake", "1", "Fake", "fake-model", $"hash-{r.Seed}", 10, 20, 5, 1));
    }

    private static string Clip(string text, int? max) => max is { } m && text.Length > m ? text[..m] : text;
}
