using ContentStudio.Core.Checks;
using ContentStudio.Core.Identity;
using ContentStudio.Core.TemplateStudio;
using ContentStudio.Core.Review.Queue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContentStudio.Core.Configuration;

/// <summary>Settings are checked before anything has a side effect: a bad value must not first migrate a database,
/// create the initial admin (and print its one-time password) or queue a run, and then fail.</summary>
public static class SettingsValidation
{
    /// <summary>Binds and validates every options class registered with ValidateOnStart, now. Throws
    /// <see cref="SettingsException"/> listing every problem. Hosts call it first (InitializeContentStudioAsync does,
    /// and the CLI on building its services).</summary>
    public static void ValidateSettings(this IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException e)
        {
            throw new SettingsException(e.Failures.ToList());
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is OptionsValidationException))
        {
            throw new SettingsException(e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures).ToList());
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            // The configuration binder's message names the key and the type ("… at 'Llm:Provider' to type …").
            throw new SettingsException([e.Message]);
        }
    }
}

/// <summary>The queue's own parse methods already say what is wrong; run them at start instead of on the first page.</summary>
internal sealed class ReviewQueueOptionsValidator : IValidateOptions<ReviewQueueOptions>
{
    public ValidateOptionsResult Validate(string? name, ReviewQueueOptions options)
    {
        var errors = new List<string>();
        try { options.ParseSlaHours(); } catch (InvalidOperationException e) { errors.Add(e.Message); }
        try { options.CheckedPageSize(); } catch (InvalidOperationException e) { errors.Add(e.Message); }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
