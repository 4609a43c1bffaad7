using ContentStudio.Core.Checks.Inclusive;

namespace ContentStudio.Core.Checks;

/// <summary>The catalog of checks (Markdig's UseXxx style). Brand-dependent checks are skipped when the
/// builder has no brand, so the same assembly code serves `studio check` without --brand.</summary>
public static partial class CheckPipelineExtensions
{
    /// <summary>Everything an item gets before a person sees it. Order: content checks first, then channel
    /// and leakage, so findings read from "what it says" to "how it is packaged".</summary>
    /// <param name="judges">The judge runner when a real model is configured (judges then ask it); null or offline
    /// reports them "not run".</param>
    public static CheckPipelineBuilder UseStandardChecks(this CheckPipelineBuilder b, Judges.LlmJudgeRunner? judges = null) => b
        .UseInclusiveLanguage()
        .UseBrandTerms()
        .UseProductNames()
        .UseCompetitors()
        .UseVoiceAndTone()
        .UseReadability()
        .UseClaims()
        .UseDisclaimers()
        .UseCopyIntegrity()
        .UseChannelRules()
        .UsePii()
        .UseLeakage()
        .UseJudges(judges);

    public static CheckPipelineBuilder UseInclusiveLanguage(this CheckPipelineBuilder b, TermLexicon? lexicon = null,
        IReadOnlyCollection<string>? categories = null)
    {
        lexicon ??= TermLexicon.Default;
        return b.WithDataVersion(lexicon.DataHash).Add(new InclusiveLanguageCheck(lexicon, categories));
    }
}
