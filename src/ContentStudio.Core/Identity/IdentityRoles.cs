namespace ContentStudio.Core.Identity;

/// <summary>The studio's roles. The same four strings as Review's StudioRoles: a role is a role whichever
/// feature asks.</summary>
public static class IdentityRoles
{
    public const string Marketer = "Marketer";
    public const string BrandManager = "BrandManager";
    public const string PromptEngineer = "PromptEngineer";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Marketer, BrandManager, PromptEngineer, Admin];

    /// <summary>The canonical spelling of <paramref name="role"/> (case-insensitive), or null when it is no studio role.</summary>
    public static string? Normalize(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}
