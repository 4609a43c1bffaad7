namespace ContentStudio.Core.Identity;

/// <summary>Section "Identity".</summary>
public sealed class StudioIdentityOptions
{
    public const string Section = "Identity";

    /// <summary>Password of the "admin" user created on first start (no users yet). Empty: a strong password is
    /// generated and logged once at Warning level. Set it only through the environment variable
    /// Identity__InitialAdminPassword or user-secrets, never in a committed file.</summary>
    public string InitialAdminPassword { get; set; } = "";
}
