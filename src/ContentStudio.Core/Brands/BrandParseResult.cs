using ContentStudio.Core.Kernel;
namespace ContentStudio.Core.Brands;

/// <summary>The outcome of parsing one guide: the brand when the guide is valid, otherwise every problem found
/// (all of them at once, so an editor fixes a guide in one pass).</summary>
public sealed record BrandParseResult(Brand? Brand, IReadOnlyList<SourceError> Errors)
{
    public bool Succeeded => Brand is not null && Errors.Count == 0;
}
