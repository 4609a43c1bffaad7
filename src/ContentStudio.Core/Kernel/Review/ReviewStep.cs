namespace ContentStudio.Core.Kernel;

/// <summary>A review state change that happened (<see cref="Variant.Apply"/>): from, to. The audit events record both.</summary>
public readonly record struct ReviewStep(ReviewState From, ReviewState To);
