using System.Collections.Concurrent;
using System.Text;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Hosting;
using ContentStudio.Core.Kernel;
using ContentStudio.Integration.Tests.Llm;
using ContentStudio.Testing;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using OpenTelemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContentStudio.Integration.Tests.Hosting;

/// <summary>The telemetry wiring against a real OTLP/HTTP receiver on loopback: a model call's GenAI span and the token
/// metric leave the process when an endpoint is set, and nothing is registered when none is.</summary>
[Collection(LlmTestKit.Collection)]
public sealed class TelemetryExportTests : IAsyncLifetime
{
    FakeOpenAiServer _model = null!;
    WebApplication _collector = null!;
    string _collectorUri = "";
    readonly ConcurrentQueue<(string Path, byte[] Body)> _exports = new();

    public async Task InitializeAsync()
    {
        _model = await FakeOpenAiServer.StartAsync();
        _collector = LoopbackHost.Create();
        _collector.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            _exports.Enqueue((context.Request.Path, buffer.ToArray()));
            return Results.Ok();
        });
        _collectorUri = await LoopbackHost.StartAsync(_collector);
    }

    public async Task DisposeAsync()
    {
        await _collector.StopAsync();
        await _collector.DisposeAsync();
        await _model.DisposeAsync();
    }

    /// <summary>OTLP protobuf carries attribute keys and string values as UTF-8 bytes.</summary>
    string Received(string path) => string.Join("\n", _exports.Where(e => e.Path == path).Select(e => Encoding.UTF8.GetString(e.Body)));

    [Fact]
    public async Task ExportsTheModelCallsGenAiSpanAndTokenMetricOverOtlp()
    {
        _model.Then(FakeReply.Text(LlmTestKit.GoodAd));
        var sp = LlmTestKit.Services(_model, add: services => services.AddStudioTelemetry(new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?>
            {
                ["Telemetry:OtlpEndpoint"] = _collectorUri, ["Telemetry:OtlpProtocol"] = "HttpProtobuf", ["Telemetry:ServiceName"] = "studio-under-test",
            }).Build()));
        // The OpenTelemetry providers start with the host; without one, resolve them as the host would.
        var tracer = sp.GetRequiredService<OpenTelemetry.Trace.TracerProvider>();
        var meter = sp.GetRequiredService<OpenTelemetry.Metrics.MeterProvider>();

        (await sp.GetRequiredService<IVariantGenerator>().GenerateAsync(LlmTestKit.Request(), CancellationToken.None)).Outcome.ShouldBe(VariantOutcome.Ok);
        tracer.ForceFlush(10_000).ShouldBeTrue();
        meter.ForceFlush(10_000).ShouldBeTrue();
        await sp.DisposeAsync();

        var traces = Received("/v1/traces");
        traces.ShouldContain("studio-under-test");
        traces.ShouldContain("chat fake-model");
        traces.ShouldContain("gen_ai.usage.output_tokens");
        traces.ShouldNotContain("SunCo Panels"); // the prompt stays out: sensitive data is off
        var metrics = Received("/v1/metrics");
        metrics.ShouldContain("gen_ai.client.token.usage");
        metrics.ShouldContain("gen_ai.client.operation.duration");
    }

    [Fact]
    public void RegistersNothingWithoutAnEndpoint()
    {
        using var sp = new ServiceCollection().AddStudioTelemetry(new ConfigurationBuilder().Build()).BuildServiceProvider();
        sp.GetService<OpenTelemetry.Trace.TracerProvider>().ShouldBeNull();
        sp.GetService<OpenTelemetry.Metrics.MeterProvider>().ShouldBeNull();
    }

    [Fact]
    public void RefusesAnEndpointThatIsNotAnHttpUrlAtStartAndRegistersNoExporter()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Telemetry:OtlpEndpoint"] = "localhost:4317" }).Build();
        using var sp = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddStudioTelemetry(configuration).BuildServiceProvider();

        Should.Throw<SettingsException>(sp.ValidateSettings).Message.ShouldContain("Telemetry:OtlpEndpoint must be an absolute http(s) URL");
        sp.GetService<OpenTelemetry.Trace.TracerProvider>().ShouldBeNull();
    }
}
