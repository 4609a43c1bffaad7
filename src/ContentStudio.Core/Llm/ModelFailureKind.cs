namespace ContentStudio.Core.Llm;

/// <summary>Why a model call failed, so callers can say it in words without parsing messages.</summary>
public enum ModelFailureKind { Http, Network, Timeout, StreamCut, CircuitOpen, InvalidResponse }
