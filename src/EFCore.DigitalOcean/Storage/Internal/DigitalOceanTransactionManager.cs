using System.Transactions;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     The API has no transactions, so asking for one is an error rather than a promise that cannot be kept. SaveChanges does
///     not ask: it runs without one and reports exactly which writes succeeded.
/// </summary>
internal sealed class DigitalOceanTransactionManager : IDbContextTransactionManager, ITransactionEnlistmentManager
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

    public void ResetState()
    {
    }

    public Task ResetStateAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    private static NotSupportedException NotSupported()
        => new(
            "The DigitalOcean API has no transactions. SaveChanges sends each change as its own request and reports which "
            + "succeeded; see the provider's write rules.");
}
