using System.ComponentModel.DataAnnotations;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Tests.Generation;

public sealed class TaskSeedTests
{
    private static readonly Guid Run = Guid.Parse("0b9e4c59-3c8e-4a0e-9d0b-7a3f3b2a1c01");

    [Fact]
    public void GivesTheSameTaskTheSameSeedEveryTime() =>
        TaskSeed.For(Run, "retirees", ChannelKind.Email, 2).ShouldBe(TaskSeed.For(Run, "retirees", ChannelKind.Email, 2));

    [Fact]
    public void GivesEachSlotOfARunItsOwnNonNegativeSeed()
    {
        var seeds = (from s in new[] { "a", "b", "c" }
                     from c in Enum.GetValues<ChannelKind>()
                     from v in Enumerable.Range(0, 10)
                     select TaskSeed.For(Run, s, c, v)).ToList();
        seeds.Distinct().Count().ShouldBe(seeds.Count);
        seeds.ShouldAllBe(s => s >= 0);
    }

    [Fact]
    public void GivesAnotherRunOtherSeeds() =>
        TaskSeed.For(Guid.NewGuid(), "retirees", ChannelKind.Email, 0).ShouldNotBe(TaskSeed.For(Run, "retirees", ChannelKind.Email, 0));
}

public sealed class VariantContentTests
{
    [Fact]
    public void HashesTheSameFieldsTheSameWhateverTheirOrder()
    {
        var a = new Dictionary<string, string> { ["subject"] = "Hi", ["body"] = "Text" };
        var b = new Dictionary<string, string> { ["body"] = "Text", ["subject"] = "Hi" };

        VariantFields.Hash(a).ShouldBe(VariantFields.Hash(b));
        VariantFields.CanonicalJson(a).ShouldBe("{\"body\":\"Text\",\"subject\":\"Hi\"}");
        VariantFields.Hash(a).Length.ShouldBe(64);
    }

    [Fact]
    public void AnyEditChangesTheHash() =>
        VariantFields.Hash(new Dictionary<string, string> { ["body"] = "Text." })
            .ShouldNotBe(VariantFields.Hash(new Dictionary<string, string> { ["body"] = "Text" }));

    [Fact]
    public void ReadsTheFieldsBack() =>
        VariantFields.Read("{\"body\":\"Caf\\u00e9\"}")["body"].ShouldBe("Café");
}

public sealed class GenerationOptionsTests
{
    private static List<ValidationResult> Validate(GenerationOptions o)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(o, new ValidationContext(o), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void TheDefaultsAreValid() => Validate(new GenerationOptions()).ShouldBeEmpty();

    [Fact]
    public void RefusesZeroConcurrencyAndATooShortLease() =>
        Validate(new GenerationOptions { WorkerConcurrency = 0, LeaseSeconds = 1 }).SelectMany(r => r.MemberNames)
            .ShouldBe(["WorkerConcurrency", "LeaseSeconds"], ignoreOrder: true);
}
