extern alias studio;
using System.Text;
using BenchmarkDotNet.Attributes;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Checks;
using studio::ContentStudio.Cli.Check;

namespace ContentStudio.Benchmarks.Checks;

/// <summary>The item-check suite on a ~60-word email (target ≤ 50 µs median, one thread) and the jsonl batch
/// (target ≥ 20,000 items/s, start-up excluded: the pipeline is built in GlobalSetup).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class CheckBenchmarks
{
    private const int BatchItems = 10_000;
    private CheckPipeline _branded = null!;
    private CheckPipeline _unbranded = null!;
    private VariantContent _email = null!;
    private CheckCommandCore _command = null!;
    private string _batch = "";

    internal static Brand Brand { get; } = new()
    {
        Slug = "bench", Name = "Acme Bank", ContentHash = "0123456789abcdef",
        BannedTerms = [new("cheap"), new("free money", "no-fee")],
        DeprecatedTerms = [new("e-mail", "email"), new("login", "sign in")],
        ProductNames = ["AcmePay", "Acme Saver"],
        Competitors = ["Globex", "Initech Bank"],
        Claims = [new("97% of customers would recommend us", "2025 survey")],
        Disclaimers = new Dictionary<ChannelKind, string> { [ChannelKind.Email] = "Terms apply." },
        Style = new StylePolicy { MaxExclamations = 1, HypeWords = ["amazing", "revolutionary"] },
    };

    [GlobalSetup]
    public void Setup()
    {
        var factory = new CheckPipelineFactory();
        _branded = factory.ForBrand(Brand);
        _unbranded = factory.ForBrand(null);
        // 61 words across the four email fields, with a few findings so the report path is exercised.
        _email = new VariantContent(ChannelKind.Email, new Dictionary<string, string>
        {
            ["subject"] = "Your savings, sorted in five minutes",
            ["preheader"] = "Open an Acme Saver from the app today",
            ["body"] = "Hey guys, saving should not feel like a chore. The Acme Saver pays a fixed rate every month, " +
                       "and you can move money in or out whenever you like. 97% of customers would recommend us. " +
                       "Open yours in the app in about five minutes. Terms apply.",
            ["cta"] = "Open my saver",
        });
        _command = new CheckCommandCore(factory);
        var sb = new StringBuilder();
        for (var i = 0; i < BatchItems; i++)
            sb.Append("{\"id\":").Append(i).Append(",\"text\":\"Item ").Append(i)
              .Append(": Hey guys, our spring sale is live with 20% off jackets and boots for the whole family. Shop now before Sunday.\"}\n");
        _batch = sb.ToString();
    }

    [Benchmark(Description = "item suite, brand, ~60 words")]
    public int ItemSuiteWithBrand() => _branded.Run(_email).Findings.Count;

    [Benchmark(Description = "item suite, no brand, ~60 words")]
    public int ItemSuiteWithoutBrand() => _unbranded.Run(_email).Findings.Count;

    [Benchmark(Description = "jsonl batch, per item", OperationsPerInvoke = BatchItems)]
    public int Batch() => _command.Run(new CheckCommandOptions { Format = "jsonl" }, null, null,
        new StringReader(_batch), TextWriter.Null, TextWriter.Null);
}
