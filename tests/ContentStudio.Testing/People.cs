using ContentStudio.Core.Kernel;

namespace ContentStudio.Testing;

/// <summary>The cast of the Core and integration tests, declared once: who generates, who reviews, who administers.
/// (The E2E tests sign in real accounts with passwords: see their TestUsers.)</summary>
public static class People
{
    public static StudioUser Maria { get; } = new("maria@example.com", "Maria", StudioRoles.Marketer);
    public static StudioUser Mia { get; } = new("mia@example.com", "Mia", StudioRoles.Marketer);
    public static StudioUser Mark { get; } = new("mark@example.com", "Mark", StudioRoles.Marketer);
    /// <summary>The marketer who generates the campaigns the review tests decide on.</summary>
    public static StudioUser Gina { get; } = new("gina@example.com", "Gina", StudioRoles.Marketer);
    public static StudioUser Bree { get; } = new("bree@example.com", "Bree", StudioRoles.BrandManager);
    public static StudioUser Bea { get; } = new("bea@example.com", "Bea", StudioRoles.BrandManager);
    public static StudioUser Bob { get; } = new("bob@example.com", "Bob", StudioRoles.BrandManager);
    public static StudioUser Pat { get; } = new("pat@example.com", "Pat", StudioRoles.PromptEngineer);
    public static StudioUser Pete { get; } = new("pete@example.com", "Pete", StudioRoles.PromptEngineer);
    public static StudioUser Pia { get; } = new("pia@example.com", "Pia", StudioRoles.PromptEngineer);
    public static StudioUser Ada { get; } = new("ada@example.com", "Ada", StudioRoles.Admin);
}
