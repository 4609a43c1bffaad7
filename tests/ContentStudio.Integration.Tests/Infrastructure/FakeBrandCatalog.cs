using ContentStudio.Core.Brands;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.Infrastructure;

public sealed class FakeBrandCatalog(params Brand[] brands) : IBrandCatalog
{
    public string Folder => "";
    public IReadOnlyList<Brand> Brands { get; } = brands;
    public IReadOnlyList<SourceError> Errors { get; } = [];
    public Brand? Find(string slug) => Brands.FirstOrDefault(b => b.Slug == slug);
    public void Reload() { }
}
