using ContentStudio.Core.Brands;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Segments;

/// <summary>The segments of an import, or none at all when any row had a problem (all-or-nothing, so a
/// half-imported audience never reaches a campaign).</summary>
public sealed record SegmentImportResult(IReadOnlyList<Segment> Segments, IReadOnlyList<SourceError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
