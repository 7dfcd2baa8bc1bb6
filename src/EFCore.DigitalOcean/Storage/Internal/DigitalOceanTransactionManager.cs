using System.Transactions;
using EFCore.DigitalOcean.Diagnostics.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     The API has no transactions, so asking for one is an error rather than a promise that cannot be kept. SaveChanges does
///     not ask: it runs without one and reports exactly which writes succeeded. An ambient transaction (a
///     <c>TransactionScope</c>) is refused the same way when something would write inside it.
/// </summary>
internal sealed class DigitalOceanTransactionManager(IDiagnosticsLogger<DbLoggerCategory.Database.Transaction> logger)
    : IDbContextTransactionManager, ITransactionEnlistmentManager
{
    public IDbContextTransaction? CurrentTransaction => null;

    public Transaction? EnlistedTransaction => null;

    public IDbContextTransaction BeginTransaction() => throw NotSupported();

    public Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default) => throw NotSupported();

    public void CommitTransaction() => throw NotSupported();

    public Task CommitTransactionAsync(CancellationToken cancellationToken = default) => throw NotSupported();

    public void RollbackTransaction() => throw NotSupported();

    public Task RollbackTransactionAsync(CancellationToken cancellationToken = default) => throw NotSupported();

    public void EnlistTransaction(Transaction? transaction)
    {
        if (transaction is not null)
        {
            throw NotSupported();
        }
    }

    /// <summary>
    ///     Logs <c>AmbientTransactionWarning</c> (an error unless configured otherwise) when <paramref name="operation" /> would
    ///     write inside an ambient transaction. Called before anything is sent.
    /// </summary>
    public void CheckNoAmbientTransaction(string operation)
    {
        if (((ITransactionEnlistmentManager)this).CurrentAmbientTransaction is not null)
        {
            logger.AmbientTransaction(operation);
        }
    }

    public void ResetState()
    {
    }

    public Task ResetStateAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    private static NotSupportedException NotSupported() => new(DigitalOceanStrings.NoTransactions);
}
