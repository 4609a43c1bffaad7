using ContentStudio.Core.Insights.Statistics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using Xunit.Abstractions;

namespace ContentStudio.Core.Tests.Insights;

public sealed class ExperimentAnalysisTests(ITestOutputHelper output)
{
    static readonly ExperimentSettings Settings = new();

    static ArmCounts Arm(string key, long trials, long successes, bool control = false) => new(key, key, trials, successes, control);

    [Fact]
    public void NoDecisionBeforeEveryArmHasTheMinimumEventsEvenWhenTheDifferenceIsHuge()
    {
        var outcome = ExperimentAnalysis.Analyse([Arm("control", 1000, 10, control: true), Arm("b", 1000, 90)], Settings);

        outcome.Decision.ShouldBe(ExperimentDecision.KeepTesting);
        outcome.WinnerKey.ShouldBeNull();
        outcome.Reason.ShouldContain("fewer than the 100 events");
        // The control needs 90 more clicks at its 1 % rate.
        outcome.ExtraTrialsNeeded.ShouldBeGreaterThanOrEqualTo(9000);
        outcome.Arms[1].Significant.ShouldBeTrue(); // the statistics are still shown
    }

    [Fact]
    public void AClearLiftIsAWinnerWithItsIntervalsAndProbability()
    {
        var outcome = ExperimentAnalysis.Analyse([Arm("control", 10_000, 500, control: true), Arm("b", 10_000, 620), Arm("c", 10_000, 510)], Settings);

        outcome.Decision.ShouldBe(ExperimentDecision.Winner);
        outcome.WinnerKey.ShouldBe("b");
        var b = outcome.Arms.Single(a => a.Key == "b");
        b.Lift!.Value.ShouldBe(0.24, 1e-9);
        b.LiftInterval!.Contains(0.24).ShouldBeTrue();
        b.LiftInterval.Lower.ShouldBeGreaterThan(0);
        b.AdjustedPValue!.Value.ShouldBeGreaterThanOrEqualTo(b.PValue!.Value);
        b.ProbabilityBest.ShouldBeGreaterThan(0.99);
        outcome.Arms.Sum(a => a.ProbabilityBest).ShouldBe(1, 1e-9);
    }

    [Fact]
    public void NothingSignificantBeforeThePlannedSampleMeansKeepTestingWithTheShortfall()
    {
        var outcome = ExperimentAnalysis.Analyse([Arm("control", 3000, 150, control: true), Arm("b", 3000, 160)], Settings);

        outcome.Decision.ShouldBe(ExperimentDecision.KeepTesting);
        outcome.PlannedTrialsPerArm.ShouldBe(SampleSize.PerArm(0.05, 0.10, 0.05, 0.80));
        outcome.ExtraTrialsNeeded.ShouldBe(2 * (outcome.PlannedTrialsPerArm!.Value - 3000));
    }

    [Fact]
    public void NothingSignificantAtThePlannedSampleMeansNoDifference()
    {
        // 40,000 trials per arm at 5 % is above the ≈ 31,000 the plan asks for at a 10 % minimum effect.
        var outcome = ExperimentAnalysis.Analyse([Arm("control", 40_000, 2000, control: true), Arm("b", 40_000, 2030)], Settings);

        outcome.PlannedTrialsPerArm!.Value.ShouldBeLessThan(40_000);

        outcome.Decision.ShouldBe(ExperimentDecision.NoDifference);
        outcome.ExtraTrialsNeeded.ShouldBe(0);
    }

    [Fact]
    public void MoreArmsSplitAlphaInThePlan()
    {
        var two = ExperimentAnalysis.Analyse([Arm("control", 100, 5, control: true), Arm("b", 100, 5)], Settings);
        var four = ExperimentAnalysis.Analyse([Arm("control", 100, 5, control: true), Arm("b", 100, 5), Arm("c", 100, 5), Arm("d", 100, 5)], Settings);

        four.PlannedTrialsPerArm!.Value.ShouldBe(SampleSize.PerArm(0.05, 0.10, 0.05 / 3, 0.80)!.Value);
        four.PlannedTrialsPerArm.Value.ShouldBeGreaterThan(two.PlannedTrialsPerArm!.Value);
    }

    [Fact]
    public void AnExperimentWithoutExactlyOneControlIsRefused() =>
        Should.Throw<ArgumentException>(() => ExperimentAnalysis.Analyse([Arm("a", 10, 1), Arm("b", 10, 1)], Settings))
            .Message.ShouldContain("exactly one control");

    /// <summary>A/A: three arms with the same true rate (5 %), 5,000 trials each (about 250 events, above the minimum).
    /// Holm keeps the family-wise false-winner rate at α = 5 % over the two comparisons; uncorrected it would be ≈ 9 %.</summary>
    [Fact]
    public void AnAATestDeclaresAWinnerInAtMostFivePercentOfAThousandExperiments()
    {
        var random = new Xoshiro256StarStar(11, threadSafe: false);
        var settings = Settings with { Draws = 200 }; // the decision does not read the probability of being best
        var winners = 0;
        for (var e = 0; e < 1000; e++)
        {
            var arms = new[] { "control", "b", "c" }.Select(k => Arm(k, 5000, Binomial.Sample(random, 0.05, 5000), k == "control")).ToList();
            if (ExperimentAnalysis.Analyse(arms, settings).Decision == ExperimentDecision.Winner) winners++;
        }

        output.WriteLine($"A/A: {winners} of 1,000 declared a winner");
        winners.ShouldBeLessThanOrEqualTo(50, $"{winners} of 1,000 A/A experiments declared a winner");
    }

    /// <summary>Power: control 5 %, challenger 6 % (a true 20 % relative lift), each arm at the sample the plan computes
    /// for a 20 % minimum detectable effect at 80 % power; the challenger must be named the winner in at least 80 %.</summary>
    [Fact]
    public void ATrueTwentyPercentLiftAtThePlannedSampleIsFoundInAtLeastEightyPercent()
    {
        var settings = Settings with { MinimumDetectableEffect = 0.20, Draws = 200 };
        var n = SampleSize.PerArm(0.05, 0.20, settings.Alpha, settings.Power)!.Value;
        var random = new Xoshiro256StarStar(12, threadSafe: false);
        var found = 0;
        for (var e = 0; e < 1000; e++)
        {
            var outcome = ExperimentAnalysis.Analyse(
                [Arm("control", n, Binomial.Sample(random, 0.05, (int)n), control: true), Arm("b", n, Binomial.Sample(random, 0.06, (int)n))], settings);
            if (outcome is { Decision: ExperimentDecision.Winner, WinnerKey: "b" }) found++;
        }

        output.WriteLine($"power: found in {found} of 1,000 at n = {n} per arm");
        found.ShouldBeGreaterThanOrEqualTo(800, $"found in {found} of 1,000 at n = {n} per arm");
    }
}
