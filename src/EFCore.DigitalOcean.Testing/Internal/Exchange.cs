using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// One HTTP exchange as the transport sees it. WireMock's callback receives only a request message,
/// which has no raw (still escaped) path and no way to break a connection; the transport middleware
/// therefore publishes the exchange in an <see cref="AsyncLocal{T}"/> that flows into the callback.
/// </summary>
internal sealed class Exchange(HttpContext context)
{
    private static readonly AsyncLocal<Exchange?> CurrentExchange = new();

    /// <summary>The exchange of the request being handled on this async flow.</summary>
    public static Exchange? Current
    {
        get => CurrentExchange.Value;
        set => CurrentExchange.Value = value;
    }

    public HttpContext Context { get; } = context;

    /// <summary>Set by the callback: how the transport must deliver the answer.</summary>
    public TransportAction Transport { get; set; }

    public string? Authorization => Context.Request.Headers.Authorization;

    /// <summary>The path and query exactly as they arrived, escapes and all.</summary>
    public (string Path, string Query) RawTarget()
    {
        var target = Context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target) || target[0] != '/')
        {
            // Absolute-form or missing targets: fall back to the re-escaped parsed form.
            return (Context.Request.Path.ToUriComponent(), Context.Request.QueryString.ToUriComponent());
        }

        var question = target.IndexOf('?');
        return question < 0 ? (target, "") : (target[..question], target[question..]);
    }
}
