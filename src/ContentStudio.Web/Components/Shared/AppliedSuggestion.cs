using ContentStudio.Core.Checks;

namespace ContentStudio.Web.Components.Shared;

/// <summary>A person chose <paramref name="Replacement"/> for the span <paramref name="Finding"/> points at.</summary>
public sealed record AppliedSuggestion(Finding Finding, string Replacement);
