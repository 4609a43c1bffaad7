namespace ContentStudio.Core.Review;

/// <summary>The role names the studio knows. Identity (later) issues them as role claims with these values.</summary>
public static class StudioRoles
{
    public const string Marketer = "Marketer";
    public const string BrandManager = "BrandManager";
    public const string PromptEngineer = "PromptEngineer";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Marketer, BrandManager, PromptEngineer, Admin];
}

/// <summary>Who is acting. <see cref="Id"/> is what the audit log and the authorship checks compare (the value
/// GenerationRun.CreatedBy and the edit history hold).</summary>
public sealed record StudioUser(string Id, string Name, IReadOnlySet<string> Roles)
{
    public StudioUser(string id, string name, params string[] roles) : this(id, name, roles.ToHashSet(StringComparer.Ordinal)) { }

    public bool IsAuthenticated => !string.IsNullOrWhiteSpace(Id);
    public bool IsIn(string role) => Roles.Contains(role);
    public bool IsInAny(params string[] roles) => roles.Any(Roles.Contains);

    public static StudioUser Anonymous { get; } = new("", "anonymous", new HashSet<string>());
}
