namespace ContentStudio.Core.Llm;

/// <summary>Why a model call failed, so callers can say it in words without parsing messages.</summary>
public enum ModelFailureKind { Http, Network, Timeout, StreamCut, CircuitOpen, InvalidResponse,
    /// <summary>Not sent: the user's or brand's daily token budget is used up (see Budgets.SpendLimits).</summary>
    BudgetExceeded }
