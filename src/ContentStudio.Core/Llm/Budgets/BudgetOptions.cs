using System.ComponentModel.DataAnnotations;

namespace ContentStudio.Core.Llm.Budgets;

/// <summary>Section "Budgets": how much model work one person and one brand may cause a day, and how many model calls
/// one person may have in flight. Budgets are counted from the usage ledger (a row per model call in the database), so
/// they survive restarts and every instance sharing the database sees the same figures.</summary>
public sealed class BudgetOptions
{
    public const string Section = "Budgets";

    /// <summary>Tokens (input + output) one user's model calls may use per UTC day; 0 = unlimited.</summary>
    [Range(0, long.MaxValue)] public long DailyTokensPerUser { get; set; }

    /// <summary>Tokens (input + output) the model calls for one brand's campaigns may use per UTC day; 0 = unlimited.</summary>
    [Range(0, long.MaxValue)] public long DailyTokensPerBrand { get; set; }

    /// <summary>Model calls one user may have in flight at once in one process (retries included); 0 = unlimited.
    /// The provider-wide ceiling is Llm:MaxConcurrency.</summary>
    [Range(0, 1000)] public int MaxConcurrentCallsPerUser { get; set; }

    /// <summary>Price of a million input tokens, for the ledger's cost estimate (any currency; 0 = not estimated).</summary>
    [Range(0, 1_000_000)] public double InputCostPerMillionTokens { get; set; }

    /// <summary>Price of a million output tokens, for the ledger's cost estimate.</summary>
    [Range(0, 1_000_000)] public double OutputCostPerMillionTokens { get; set; }

    public double EstimateCost(long inputTokens, long outputTokens) =>
        (inputTokens * InputCostPerMillionTokens + outputTokens * OutputCostPerMillionTokens) / 1_000_000;
}
