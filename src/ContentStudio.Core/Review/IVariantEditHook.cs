using ContentStudio.Core.Data;
using ContentStudio.Core.Generation;

namespace ContentStudio.Core.Review;

/// <summary>Runs inside the edit's transaction after new fields are set (the checks re-run here), so an edit and
/// its new check report are saved together.</summary>
public interface IVariantEditHook
{
    Task OnEditedAsync(StudioDbContext db, Variant variant, CancellationToken cancellationToken);
}
