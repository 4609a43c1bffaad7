namespace ContentStudio.Core.Kernel;

/// <summary>The studio's roles: the one catalog. Identity issues them as role claims with these values; the
/// permission table (<see cref="Access"/>) names them.</summary>
public static class StudioRoles
{
    public const string Marketer = "Marketer";
    public const string BrandManager = "BrandManager";
    public const string PromptEngineer = "PromptEngineer";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Marketer, BrandManager, PromptEngineer, Admin];

    /// <summary>A role as people read it ("Brand manager"); the constant stays the claim value and the API's word.</summary>
    public static string Label(string role) => Normalize(role) switch
    {
        Marketer => "Marketer",
        BrandManager => "Brand manager",
        PromptEngineer => "Prompt engineer",
        Admin => "Admin",
        _ => role,
    };

    /// <summary>The canonical spelling of <paramref name="role"/> (case-insensitive), or null when it is no studio role.</summary>
    public static string? Normalize(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}
