using Microsoft.Extensions.Options;

namespace PaymentHttp.Redis;

/// <summary>Validates <see cref="RedisPaymentRateBudgetOptions"/> with messages that name the setting and the value found.</summary>
internal sealed class RedisPaymentRateBudgetOptionsValidator : IValidateOptions<RedisPaymentRateBudgetOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisPaymentRateBudgetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.KeyPrefix))
        {
            failures.Add("PaymentHttp Redis rate budget: KeyPrefix must not be empty (was empty).");
        }

        if (options.CommandTimeout < TimeSpan.FromMilliseconds(1) || options.CommandTimeout > TimeSpan.FromSeconds(10))
        {
            failures.Add($"PaymentHttp Redis rate budget: CommandTimeout must be between 1 ms and 10 seconds (was {options.CommandTimeout}).");
        }

        if (options.ProbeInterval < TimeSpan.FromMilliseconds(100) || options.ProbeInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"PaymentHttp Redis rate budget: ProbeInterval must be between 100 ms and one hour (was {options.ProbeInterval}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
