using ContentStudio.Core.Identity;
using ContentStudio.Core.Kernel;

namespace ContentStudio.E2E.Tests.Infrastructure;

public sealed record TestUser(string UserName, string DisplayName, string Password, string Role);

/// <summary>The accounts every E2E run starts with. Throwaway passwords for a throwaway database, never a real one.</summary>
public static class TestUsers
{
    public static readonly TestUser Admin = new(InitialAdmin.UserName, "Administrator", "Admin-e2e-Pass-1", StudioRoles.Admin);
    public static readonly TestUser Marketer = new("maria", "Maria Marketer", "Marketer-e2e-Pass-1", StudioRoles.Marketer);
    public static readonly TestUser BrandManager = new("bruno", "Bruno Brand", "Brand-e2e-Pass-1", StudioRoles.BrandManager);
    public static readonly TestUser PromptEngineer = new("priya", "Priya Prompts", "Prompt-e2e-Pass-1", StudioRoles.PromptEngineer);
    /// <summary>A second brand manager, who never writes anything: the colleague who may approve what bruno touched.</summary>
    public static readonly TestUser SecondBrandManager = new("carla", "Carla Brand", "Carla-e2e-Pass-1", StudioRoles.BrandManager);
}
