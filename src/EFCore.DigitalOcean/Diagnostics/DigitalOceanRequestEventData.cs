using System.Net;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DigitalOcean.Diagnostics;

/// <summary>The payload of <see cref="DigitalOceanEventId.RequestExecuted" /> and <see cref="DigitalOceanEventId.RequestFailed" />.</summary>
public class DigitalOceanRequestEventData : EventData
{
    /// <summary>Creates the payload.</summary>
    public DigitalOceanRequestEventData(
        EventDefinitionBase eventDefinition,
        Func<EventDefinitionBase, EventData, string> messageGenerator,
        string method,
        string path,
        HttpStatusCode? statusCode,
        TimeSpan elapsed,
        int? rateLimitRemaining,
        string? requestId)
        : base(eventDefinition, messageGenerator)
    {
        Method = method;
        Path = path;
        StatusCode = statusCode;
        Elapsed = elapsed;
        RateLimitRemaining = rateLimitRemaining;
        RequestId = requestId;
    }

    /// <summary>The HTTP method.</summary>
    public virtual string Method { get; }

    /// <summary>The path and query relative to the base address, such as <c>/v2/images?per_page=200&amp;page=1</c>.</summary>
    public virtual string Path { get; }

    /// <summary>The response status, or <see langword="null" /> when no response arrived.</summary>
    public virtual HttpStatusCode? StatusCode { get; }

    /// <summary>How long the request took, retries included.</summary>
    public virtual TimeSpan Elapsed { get; }

    /// <summary>The <c>ratelimit-remaining</c> header of the response.</summary>
    public virtual int? RateLimitRemaining { get; }

    /// <summary>The <c>x-request-id</c> header of the response.</summary>
    public virtual string? RequestId { get; }
}
