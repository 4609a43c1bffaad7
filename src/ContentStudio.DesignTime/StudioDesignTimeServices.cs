using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

namespace ContentStudio.DesignTime;

/// <summary>Found by <c>dotnet ef</c> in its start-up assembly: generated migrations come out provider-neutral.</summary>
public sealed class StudioDesignTimeServices : IDesignTimeServices
{
    public void ConfigureDesignTimeServices(IServiceCollection services) =>
        services.AddSingleton<IMigrationsCodeGenerator, NeutralMigrationsGenerator>();
}
