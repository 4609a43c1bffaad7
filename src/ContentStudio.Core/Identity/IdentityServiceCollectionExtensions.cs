using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ContentStudio.Core.Data;
using ContentStudio.Core.Configuration;

namespace ContentStudio.Core.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>Identity's user and role managers over EF stores in StudioDbContext, and UserAdmin. Needs AddStudioData.
    /// PasswordSignIn checks passwords where there are no cookies (the CLI). The web adds cookies and SignInManager on top. Calling it twice is harmless.</summary>
    public static IServiceCollection AddStudioIdentity(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(UserAdmin))) return services;
        services.AddStudioOptions<StudioIdentityOptions>(StudioIdentityOptions.Section);
        // Identity's stores want a scoped context; the rest of the app uses the factory. A scoped context made by that
        // factory keeps one configuration (provider, connection string, interceptors) for both.
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContext());
        services.AddIdentityCore<StudioIdentityUser>(o =>
            {
                o.User.RequireUniqueEmail = false;
                o.Password.RequiredLength = 10;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<StudioDbContext>()
            .AddClaimsPrincipalFactory<StudioClaimsPrincipalFactory>()
            .AddErrorDescriber<StudioIdentityErrorDescriber>();
        services.AddScoped<UserAdmin>();
        services.TryAddSingleton<Audit.AuditLog>();
        services.AddScoped<PasswordSignIn>();
        return services;
    }
}
