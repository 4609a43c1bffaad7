using ContentStudio.Core.Checks.BrandRules;
using ContentStudio.Core.Checks.ChannelLimits;
using ContentStudio.Core.Checks.Claims;
using ContentStudio.Core.Checks.Judges;
using ContentStudio.Core.Checks.Safety;

namespace ContentStudio.Core.Checks;

public static partial class CheckPipelineExtensions
{
    public static CheckPipelineBuilder UseBrandTerms(this CheckPipelineBuilder b) =>
        b.Brand is { } brand && (brand.BannedTerms.Count + brand.DeprecatedTerms.Count) > 0 ? b.Add(new BrandTermsCheck(brand)) : b;

    public static CheckPipelineBuilder UseProductNames(this CheckPipelineBuilder b) =>
        b.Brand is { ProductNames.Count: > 0 } brand ? b.Add(new ProductNameCheck(brand)) : b;

    public static CheckPipelineBuilder UseCompetitors(this CheckPipelineBuilder b) =>
        b.Brand is { Competitors.Count: > 0 } brand ? b.Add(new CompetitorCheck(brand)) : b;

    public static CheckPipelineBuilder UseVoiceAndTone(this CheckPipelineBuilder b) =>
        b.Brand is { } brand ? b.Add(new VoiceToneCheck(brand)) : b;

    public static CheckPipelineBuilder UseReadability(this CheckPipelineBuilder b) =>
        b.Brand is { } brand ? b.Add(new ReadabilityCheck(brand)) : b;

    public static CheckPipelineBuilder UseClaims(this CheckPipelineBuilder b) =>
        b.Brand is { } brand ? b.Add(new ClaimsCheck(brand)) : b;

    public static CheckPipelineBuilder UseDisclaimers(this CheckPipelineBuilder b) =>
        b.Brand is { Disclaimers.Count: > 0 } brand ? b.Add(new DisclaimerCheck(brand)) : b;

    /// <summary>Copy integrity: invented facts, social proof and outcome promises (against the brief, the guide and the
    /// approved claims; those need a brand), truncated sentences, broken slots and repeated sentences (any copy).</summary>
    public static CheckPipelineBuilder UseCopyIntegrity(this CheckPipelineBuilder b) => b.Add(new Integrity.CopyIntegrityCheck(b.Brand));

    /// <summary>Channel limits, required fields, SMS segments and opt-out, call to action. Brand-independent
    /// (the brand only supplies its own opt-out wording).</summary>
    public static CheckPipelineBuilder UseChannelRules(this CheckPipelineBuilder b) => b.Add(new ChannelRulesCheck(b.Brand));

    public static CheckPipelineBuilder UsePii(this CheckPipelineBuilder b) => b.Add(new PiiCheck());

    public static CheckPipelineBuilder UseLeakage(this CheckPipelineBuilder b) => b.Add(new LeakageCheck());

    /// <summary>LLM judges: they ask the model through <paramref name="runner"/> when it is live, and report "not run"
    /// otherwise (the offline composer, the default).</summary>
    public static CheckPipelineBuilder UseJudges(this CheckPipelineBuilder b, LlmJudgeRunner? runner = null) =>
        b.Add(new LlmJudgeCheck(runner));
}
