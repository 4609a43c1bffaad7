using ContentStudio.Core.Kernel;
namespace ContentStudio.Core.Review;

public sealed class VariantNotFoundException(Guid variantId) : KeyNotFoundException($"Variant {variantId} does not exist.")
{
    public Guid VariantId { get; } = variantId;
}
