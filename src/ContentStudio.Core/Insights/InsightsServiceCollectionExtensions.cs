using ContentStudio.Core.Configuration;
using ContentStudio.Core.Insights.Experiments;
using ContentStudio.Core.Insights.Results;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContentStudio.Core.Insights;

public static class InsightsServiceCollectionExtensions
{
    /// <summary>Results import and experiment reports (section "Insights"). Needs AddStudioData.</summary>
    public static IServiceCollection AddInsights(this IServiceCollection services)
    {
        services.AddStudioOptions<InsightsOptions>(InsightsOptions.Section);
        services.TryAddSingleton<ResultsImporter>();
        services.TryAddSingleton<ExperimentReports>();
        services.TryAddSingleton<ResultsWebhook>();
        services.TryAddSingleton<Governance.GovernanceAnalytics>();
        services.TryAddSingleton<Calibration.CheckCalibration>();
        services.TryAddSingleton<Edits.EditPatterns>();
        return services;
    }
}
