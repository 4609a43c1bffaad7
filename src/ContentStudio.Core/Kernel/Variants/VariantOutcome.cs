namespace ContentStudio.Core.Kernel;

/// <summary>What generation made of a task: usable copy, or something a person has to look at (the raw text is kept).</summary>
public enum VariantOutcome { Ok, NeedsAttention }
