using System.Globalization;
using System.Text;
using System.Threading.RateLimiting;
using EFCore.DigitalOcean.Storage.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EFCore.DigitalOcean.Infrastructure.Internal;

/// <summary>
///     The provider's immutable options. Every value is read per context, so none of them needs its own internal service
///     provider: all contexts share one, and with it one connection pool.
/// </summary>
internal sealed class DigitalOceanOptionsExtension : IDbContextOptionsExtension
{
    public static readonly Uri DefaultBaseAddress = new("https://api.digitalocean.com/");
    public const int MaxPageSize = 200;
    public const int MaxMaxConcurrentRequests = 64;
    public const int MaxMaxRetries = 20;

    /// <summary>The API's burst limit: 250 requests a minute per token.</summary>
    public const int DefaultRequestsPerMinute = 250;

    /// <summary>The API's hourly limit; more a minute than that could never be kept up.</summary>
    public const int MaxRequestsPerMinute = 5000;

    /// <summary>The longest finite attempt timeout: the limit of the timeout strategy the pipeline uses.</summary>
    public static readonly TimeSpan MaxRequestTimeout = TimeSpan.FromHours(24);

    private ExtensionInfo? _info;

    public DigitalOceanOptionsExtension()
    {
    }

    private DigitalOceanOptionsExtension(DigitalOceanOptionsExtension copyFrom)
    {
        AccessToken = copyFrom.AccessToken;
        BaseAddress = copyFrom.BaseAddress;
        PageSize = copyFrom.PageSize;
        MaxConcurrentRequests = copyFrom.MaxConcurrentRequests;
        MaxRetries = copyFrom.MaxRetries;
        RequestTimeout = copyFrom.RequestTimeout;
        RetryDelay = copyFrom.RetryDelay;
        TimeProvider = copyFrom.TimeProvider;
        ApplicationName = copyFrom.ApplicationName;
        RequestsPerMinute = copyFrom.RequestsPerMinute;
        RateLimiter = copyFrom.RateLimiter;
    }

    /// <summary>The token given to UseDigitalOcean; null means "read the environment at the first request".</summary>
    public string? AccessToken { get; private init; }

    public Uri BaseAddress { get; private init; } = DefaultBaseAddress;
    public int PageSize { get; private init; } = MaxPageSize;

    /// <summary>
    ///     The API documents no limit on requests in flight, only 250 a minute and 5,000 an hour per token, and by default
    ///     every attempt is paced to the former (a burst of 25) whatever the window; 5 is the narrowest window that sends a
    ///     repeated 10-page listing (2,000 images) in two rounds.
    /// </summary>
    public int MaxConcurrentRequests { get; private init; } = 5;

    public int MaxRetries { get; private init; } = 4;
    public TimeSpan RequestTimeout { get; private init; } = TimeSpan.FromSeconds(30);
    public TimeSpan RetryDelay { get; private init; } = TimeSpan.FromSeconds(1);
    public TimeProvider TimeProvider { get; private init; } = TimeProvider.System;

    /// <summary>The application's own product token, put before the provider's in the <c>User-Agent</c>.</summary>
    public string? ApplicationName { get; private init; }

    /// <summary>The in-process pacing of each token's requests; null: none.</summary>
    public int? RequestsPerMinute { get; private init; } = DefaultRequestsPerMinute;

    /// <summary>The application's limiter for this context's token, instead of the in-process pacing; null: the in-process one.</summary>
    public RateLimiter? RateLimiter { get; private init; }

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    /// <summary>A later call without a token configures; it does not take back a token given before.</summary>
    public DigitalOceanOptionsExtension WithAccessToken(string? accessToken)
    {
        if (accessToken is null)
        {
            return this;
        }

        if (string.IsNullOrWhiteSpace(accessToken))
        {
            throw new ArgumentException(DigitalOceanStrings.EmptyAccessToken, nameof(accessToken));
        }

        if (!AccessTokenFormat.IsWellFormed(accessToken.Trim()))
        {
            throw new ArgumentException(DigitalOceanStrings.MalformedAccessToken("The access token given to UseDigitalOcean"), nameof(accessToken));
        }

        return new(this) { AccessToken = accessToken.Trim() };
    }

    public DigitalOceanOptionsExtension WithBaseAddress(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        if (!baseAddress.IsAbsoluteUri || (baseAddress.Scheme != Uri.UriSchemeHttps && baseAddress.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException(DigitalOceanStrings.InvalidBaseAddress(baseAddress.OriginalString), nameof(baseAddress));
        }

        // Relative request paths resolve under the base only when it ends with a slash.
        var normalized = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        return new(this) { BaseAddress = normalized };
    }

    public DigitalOceanOptionsExtension WithPageSize(int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        return new(this) { PageSize = pageSize };
    }

    public DigitalOceanOptionsExtension WithMaxConcurrentRequests(int maxConcurrentRequests)
    {
        if (maxConcurrentRequests is < 1 or > MaxMaxConcurrentRequests)
        {
            throw new ArgumentOutOfRangeException(
                nameof(maxConcurrentRequests), maxConcurrentRequests, DigitalOceanStrings.MaxConcurrentRequestsOutOfRange(MaxMaxConcurrentRequests));
        }

        return new(this) { MaxConcurrentRequests = maxConcurrentRequests };
    }

    public DigitalOceanOptionsExtension WithMaxRetries(int maxRetries)
    {
        if (maxRetries is < 0 or > MaxMaxRetries)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRetries), maxRetries, DigitalOceanStrings.MaxRetriesOutOfRange(MaxMaxRetries));
        }

        return new(this) { MaxRetries = maxRetries };
    }

    public DigitalOceanOptionsExtension WithRequestTimeout(TimeSpan timeout)
    {
        if (timeout != Timeout.InfiniteTimeSpan && (timeout <= TimeSpan.Zero || timeout > MaxRequestTimeout))
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, DigitalOceanStrings.RequestTimeoutOutOfRange(timeout));
        }

        return new(this) { RequestTimeout = timeout };
    }

    public DigitalOceanOptionsExtension WithRetryDelay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new(this) { RetryDelay = delay };
    }

    public DigitalOceanOptionsExtension WithTimeProvider(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return new(this) { TimeProvider = timeProvider };
    }

    public DigitalOceanOptionsExtension WithRequestsPerMinute(int? requestsPerMinute)
    {
        if (requestsPerMinute is < 1 or > MaxRequestsPerMinute)
        {
            throw new ArgumentOutOfRangeException(
                nameof(requestsPerMinute), requestsPerMinute, DigitalOceanStrings.RequestsPerMinuteOutOfRange(MaxRequestsPerMinute));
        }

        return new(this) { RequestsPerMinute = requestsPerMinute };
    }

    public DigitalOceanOptionsExtension WithRateLimiter(RateLimiter? rateLimiter) => new(this) { RateLimiter = rateLimiter };

    public DigitalOceanOptionsExtension WithApplicationName(string productToken)
    {
        ArgumentNullException.ThrowIfNull(productToken);
        if (!UserAgent.IsValid(productToken))
        {
            throw new ArgumentException(DigitalOceanStrings.InvalidApplicationName(productToken), nameof(productToken));
        }

        return new(this) { ApplicationName = productToken.Trim() };
    }

    public void ApplyServices(IServiceCollection services)
        => services.AddEntityFrameworkDigitalOcean();

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(DigitalOceanOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        private string? _logFragment;

        private new DigitalOceanOptionsExtension Extension => (DigitalOceanOptionsExtension)base.Extension;

        public override bool IsDatabaseProvider => true;

        // Never the token: this text reaches logs and the debug view.
        public override string LogFragment
            => _logFragment ??= new StringBuilder()
                .Append("BaseAddress=").Append(Extension.BaseAddress).Append(' ')
                .Append("PageSize=").Append(Extension.PageSize).Append(' ')
                .Append("MaxConcurrentRequests=").Append(Extension.MaxConcurrentRequests).Append(' ')
                .Append("MaxRetries=").Append(Extension.MaxRetries).Append(' ')
                .Append("RequestsPerMinute=").Append(Pacing).Append(' ')
                .ToString();

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
            debugInfo["DigitalOcean:BaseAddress"] = Extension.BaseAddress.ToString();
            debugInfo["DigitalOcean:PageSize"] = Extension.PageSize.ToString(CultureInfo.InvariantCulture);
            debugInfo["DigitalOcean:MaxConcurrentRequests"] = Extension.MaxConcurrentRequests.ToString(CultureInfo.InvariantCulture);
            debugInfo["DigitalOcean:MaxRetries"] = Extension.MaxRetries.ToString(CultureInfo.InvariantCulture);
            debugInfo["DigitalOcean:RequestsPerMinute"] = Pacing;
        }

        /// <summary>How requests are paced: the in-process requests per minute, <c>off</c>, or the application's limiter.</summary>
        private string Pacing
            => Extension.RateLimiter is not null ? "RateLimiter"
                : Extension.RequestsPerMinute?.ToString(CultureInfo.InvariantCulture) ?? "off";
    }
}
