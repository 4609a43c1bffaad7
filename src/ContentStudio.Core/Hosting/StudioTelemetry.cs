using ContentStudio.Core.Configuration;
using ContentStudio.Core.Llm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ContentStudio.Core.Hosting;

/// <summary>Section "Telemetry": where traces and metrics go. Nothing is collected unless an OTLP endpoint is set.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>OTLP collector, e.g. http://localhost:4317 (gRPC) or http://localhost:4318 (HttpProtobuf). Empty: no
    /// telemetry is collected or sent.</summary>
    public string OtlpEndpoint { get; set; } = "";

    /// <summary>Grpc (default, port 4317) or HttpProtobuf (port 4318).</summary>
    public OtlpExportProtocol OtlpProtocol { get; set; } = OtlpExportProtocol.Grpc;

    /// <summary>service.name on every span and metric, to tell the web app from the CLI or several instances apart.</summary>
    public string ServiceName { get; set; } = "contentstudio";
}

/// <summary>OpenTelemetry for a host: traces and metrics of HTTP (the host's own, added by the caller, and outgoing
/// calls: model providers, webhooks), EF Core commands (SQLite and PostgreSQL; Npgsql's own metrics on PostgreSQL) and
/// model calls (Microsoft.Extensions.AI's GenAI spans and <c>gen_ai.client.*</c> metrics from the chat pipeline's
/// <see cref="ChatPipeline.TelemetrySourceName"/>), exported over OTLP. Registered only when Telemetry:OtlpEndpoint is
/// set: without a listener the instrumented libraries create no spans at all.</summary>
public static class StudioTelemetry
{
    /// <summary>The "Telemetry" options, validated at start with every other setting (Core's composition calls this).</summary>
    public static IServiceCollection AddStudioTelemetryOptions(this IServiceCollection services)
    {
        services.AddStudioOptions<TelemetryOptions>(TelemetryOptions.Section)
            .Validate(o => o.OtlpEndpoint.Length == 0 || Endpoint(o) is not null,
                "Telemetry:OtlpEndpoint must be an absolute http(s) URL such as http://localhost:4317, or empty for no telemetry");
        return services;
    }

    /// <summary>Registers the OpenTelemetry providers when Telemetry:OtlpEndpoint holds a valid URL (an invalid one is
    /// reported by the settings validation at start, before anything runs).</summary>
    /// <param name="tracing">The host's own instrumentation (the web app adds ASP.NET Core's).</param>
    public static IServiceCollection AddStudioTelemetry(this IServiceCollection services, IConfiguration configuration,
        Action<TracerProviderBuilder>? tracing = null, Action<MeterProviderBuilder>? metrics = null)
    {
        services.AddStudioTelemetryOptions();
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (Endpoint(options) is not { } endpoint) return services;

        // Over gRPC the collector's address is the endpoint; over HttpProtobuf each signal has its own path under it.
        void Otlp(OtlpExporterOptions o, string signalPath)
        {
            o.Protocol = options.OtlpProtocol;
            o.Endpoint = options.OtlpProtocol == OtlpExportProtocol.HttpProtobuf
                ? new Uri(new Uri(endpoint.ToString().TrimEnd('/') + "/"), signalPath)
                : endpoint;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName))
            .WithTracing(t =>
            {
                t.AddSource(ChatPipeline.TelemetrySourceName)
                    .AddHttpClientInstrumentation()
                    .AddEntityFrameworkCoreInstrumentation();
                tracing?.Invoke(t);
                t.AddOtlpExporter(o => Otlp(o, "v1/traces"));
            })
            .WithMetrics(m =>
            {
                m.AddMeter(ChatPipeline.TelemetrySourceName, "Microsoft.EntityFrameworkCore", "Npgsql", "System.Runtime")
                    .AddHttpClientInstrumentation();
                metrics?.Invoke(m);
                m.AddOtlpExporter(o => Otlp(o, "v1/metrics"));
            });
        return services;
    }

    static Uri? Endpoint(TelemetryOptions o) =>
        Uri.TryCreate(o.OtlpEndpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
}
