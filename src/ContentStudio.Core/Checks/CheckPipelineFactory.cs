using System.Collections.Concurrent;
using ContentStudio.Core.Brands;

namespace ContentStudio.Core.Checks;

/// <summary>Builds the standard pipeline for a brand once and hands out the same instance afterwards. Keyed by
/// the guide's content hash, so an edited guide gets a fresh pipeline while unchanged ones are reused.</summary>
public sealed class CheckPipelineFactory
{
    private readonly ConcurrentDictionary<string, CheckPipeline> _cache = new(StringComparer.Ordinal);
    private readonly Action<CheckPipelineBuilder> _configure;

    /// <summary>The standard checks; the judges ask a model when <paramref name="judges"/> is live.</summary>
    public CheckPipelineFactory(Judges.LlmJudgeRunner? judges = null) : this(b => b.UseStandardChecks(judges)) { }

    /// <summary>A factory with a custom assembly of checks (tests, a brand-specific product decision).</summary>
    public CheckPipelineFactory(Action<CheckPipelineBuilder> configure) => _configure = configure;

    public CheckPipeline ForBrand(Brand? brand)
    {
        var key = brand is null ? "" : $"{brand.Slug}\n{brand.ContentHash}";
        // When a guide has no hash (built in code), fall back to the instance so edits are never served stale.
        if (brand is not null && brand.ContentHash.Length == 0) return Create(brand);
        return _cache.GetOrAdd(key, _ => Create(brand));
    }

    private CheckPipeline Create(Brand? brand)
    {
        var builder = new CheckPipelineBuilder(brand);
        _configure(builder);
        return builder.Build();
    }
}
