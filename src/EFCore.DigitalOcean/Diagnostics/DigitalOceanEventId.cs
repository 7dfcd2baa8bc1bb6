using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EFCore.DigitalOcean.Diagnostics;

/// <summary>
///     Event ids of the DigitalOcean provider, for <c>LogTo</c>, <c>ILoggerFactory</c> filters and
///     <c>ConfigureWarnings</c>. Released ids never change meaning.
/// </summary>
public static class DigitalOceanEventId
{
    private enum Id
    {
        RequestExecuted = CoreEventId.ProviderBaseId + 100,
        RequestFailed,
        RequestThrottled,
        ResponseHeaderIgnored,
        RequestRetrying,

        FullListingWarning = CoreEventId.ProviderBaseId + 200,

        AmbientTransactionWarning = CoreEventId.ProviderBaseId + 300,
        InDoubtCreateAdopted = CoreEventId.ProviderBaseId + 400,
    }

    /// <summary>An HTTP request completed with a success status (<see cref="DbLoggerCategory.Database.Command" />, Information).</summary>
    public static readonly EventId RequestExecuted = Make(Id.RequestExecuted, DbLoggerCategory.Database.Command.Name);

    /// <summary>
    ///     An HTTP request ended with an error status or no response, after its retries (<see cref="DbLoggerCategory.Database.Command" />,
    ///     Warning). A point read's 404, which means "no such item", is <see cref="RequestExecuted" /> instead.
    /// </summary>
    public static readonly EventId RequestFailed = Make(Id.RequestFailed, DbLoggerCategory.Database.Command.Name);

    /// <summary>
    ///     Few requests were left in the rate-limit window, so the provider spaced out its requests
    ///     (<see cref="DbLoggerCategory.Database.Command" />, Information).
    /// </summary>
    public static readonly EventId RequestThrottled = Make(Id.RequestThrottled, DbLoggerCategory.Database.Command.Name);

    /// <summary>
    ///     A rate-limit header of a response held a value out of range (a negative count, a reset time far in the future), and
    ///     was ignored (<see cref="DbLoggerCategory.Database.Command" />, Debug).
    /// </summary>
    public static readonly EventId ResponseHeaderIgnored = Make(Id.ResponseHeaderIgnored, DbLoggerCategory.Database.Command.Name);

    /// <summary>
    ///     An attempt of an HTTP request failed and is retried: the method and path, the attempt, its status or exception, and
    ///     the wait before the next one (<see cref="DbLoggerCategory.Database.Command" />, Information).
    /// </summary>
    public static readonly EventId RequestRetrying = Make(Id.RequestRetrying, DbLoggerCategory.Database.Command.Name);

    /// <summary>
    ///     A query lists the whole catalogue because its filter cannot be sent to the API (<see cref="DbLoggerCategory.Query" />,
    ///     Warning). Make it an error with <c>ConfigureWarnings(w =&gt; w.Throw(DigitalOceanEventId.FullListingWarning))</c>.
    /// </summary>
    public static readonly EventId FullListingWarning = Make(Id.FullListingWarning, DbLoggerCategory.Query.Name);

    /// <summary>
    ///     SaveChanges, ExecuteDelete or ExecuteUpdate ran inside an ambient transaction (a <c>TransactionScope</c>), which
    ///     the API cannot take part in (<see cref="DbLoggerCategory.Database.Transaction" />, Warning). It is an error by
    ///     default, as <c>BeginTransaction()</c> is; <c>ConfigureWarnings(w =&gt; w.Log(DigitalOceanEventId.AmbientTransactionWarning))</c>
    ///     lets the writes go ahead outside the transaction.
    /// </summary>
    public static readonly EventId AmbientTransactionWarning = Make(Id.AmbientTransactionWarning, DbLoggerCategory.Database.Transaction.Name);

    /// <summary>
    ///     A create whose earlier answer was lost was found among the caller's images and adopted instead of being sent again
    ///     (<see cref="DbLoggerCategory.Update" />, Information).
    /// </summary>
    public static readonly EventId InDoubtCreateAdopted = Make(Id.InDoubtCreateAdopted, DbLoggerCategory.Update.Name);

    private static EventId Make(Id id, string category) => new((int)id, category + "." + id);
}
