using System.Linq.Expressions;
using System.Reflection;
using EFCore.DigitalOcean.Metadata.Internal;
using EFCore.DigitalOcean.Storage.Internal;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>
///     A query over one API resource, in two halves: what is pushed into the request (scope, tag, point read, page size, a
///     server-side count) and the pipeline of row operators evaluated in memory over what comes back. The translator grows it
///     one LINQ operator at a time; once an operator runs in memory, nothing after it may change the request.
/// </summary>
internal sealed class ResourceQueryExpression : Expression, IPrintableExpression
{
    private readonly List<string> _clientOperations = [];
    private bool _onlyFiltersInMemory = true;
    private bool _readsToEnd = true;

    private readonly List<PushedFilter> _filters = [];

    /// <summary>The row operators by name, looked up once.</summary>
    private static readonly Dictionary<string, MethodInfo> RowOperatorMethods
        = typeof(RowOperators).GetMethods(BindingFlags.Public | BindingFlags.Static).ToDictionary(m => m.Name);

    public ResourceQueryExpression(IEntityType entityType, ApiResource resource, ListScope? scope, ParameterDisplayNames parameterNames)
    {
        EntityType = entityType;
        Resource = resource;
        Scope = scope;
        ParameterNames = parameterNames;
        Source = Parameter(typeof(IAsyncEnumerable<ResourceRow>), "rows");
        Row = Parameter(typeof(ResourceRow), "row");
        Pipeline = Source;
    }

    public IEntityType EntityType { get; }
    public ApiResource Resource { get; }
    public ListScope? Scope { get; }

    /// <summary>The names ToQueryString() gives the query's parameters.</summary>
    public ParameterDisplayNames ParameterNames { get; }

    /// <summary>The rows the API returned; the root of <see cref="Pipeline" />.</summary>
    public ParameterExpression Source { get; }

    /// <summary>One row: the parameter of every row lambda and of the shaper.</summary>
    public ParameterExpression Row { get; }

    /// <summary>The in-memory operators, as calls on <see cref="RowOperators" /> rooted at <see cref="Source" />.</summary>
    public Expression Pipeline { get; private set; }

    /// <summary>The list filters the request carries, with the conditions they stand for.</summary>
    public IReadOnlyList<PushedFilter> Filters => _filters;

    /// <summary>The parent item's key, for a resource listed per parent: a part of the path, not a filter.</summary>
    public ApiValue? Parent { get; private set; }

    public ApiValue? PointReadId { get; private set; }
    public ApiValue? PointReadSlug { get; private set; }

    /// <summary>A local list of ids: read one by one when it is short, else listed and filtered.</summary>
    public ApiValue? PointReadIds { get; private set; }

    /// <summary>How many items to skip, pushed into the choice of page size and first page.</summary>
    public ApiValue? Offset { get; private set; }

    public ApiValue? Limit { get; private set; }
    public ServerAggregate ServerAggregate { get; private set; }

    public bool IsPointRead => PointReadId is not null || PointReadSlug is not null || PointReadIds is not null;

    /// <summary>True while everything so far went into the request; only then can a count or page size be pushed too.</summary>
    public bool NothingInMemory => Pipeline == Source;

    /// <summary>True while a page window can still be pushed: nothing in memory, and no limit that a skip would have to follow.</summary>
    public bool CanPushOffset => NothingInMemory && !IsPointRead && Limit is null && Offset is null && ServerAggregate == ServerAggregate.None;

    /// <summary>
    ///     True while the in-memory part only filters, which commutes with further request filters. A pushed Skip or Take
    ///     does not commute: a filter after it applies only to the items it kept.
    /// </summary>
    public bool CanPushFilters => _onlyFiltersInMemory && ServerAggregate == ServerAggregate.None && Offset is null && Limit is null;

    /// <summary>True when an in-memory filter decides which listed items are kept.</summary>
    public bool FiltersInMemory { get; private set; }

    public IReadOnlyList<string> ClientOperations => _clientOperations;

    /// <summary>
    ///     False once an in-memory operator can stop reading before the listing ends: Take, and what becomes one (First, Single,
    ///     ElementAt, Any and All in memory), and TakeWhile. Only a query that reads to the end has pages fetched ahead.
    /// </summary>
    public bool ReadsToEnd => _readsToEnd;

    /// <summary>The operators that run over materialized results, once an operator needed whole objects.</summary>
    public MaterializedTail? Tail { get; private set; }

    public MaterializedTail StartTail(Expression shaper) => Tail ??= new MaterializedTail(shaper);

    public override Type Type => typeof(IAsyncEnumerable<ResourceRow>);

    public override ExpressionType NodeType => ExpressionType.Extension;

    /// <summary>
    ///     Whether the request can carry <paramref name="filter" /> too: not with a point read (the single-item path takes no
    ///     filter), and, unless the resource's filters combine, only as the request's one filter or scope.
    /// </summary>
    public bool CanPushFilter(ApiFilter filter)
        => !IsPointRead
            && _filters.TrueForAll(f => f.Filter != filter)
            && (Resource.FiltersCombine || (Scope is null && _filters.Count == 0));

    public PushedFilter PushFilter(ApiFilter filter, ApiValue value, Expression condition)
    {
        var pushed = new PushedFilter(filter, value, condition);
        _filters.Add(pushed);
        return pushed;
    }

    /// <summary>Takes the pushed filters back for a point read, returning the conditions that memory must now check.</summary>
    public IEnumerable<Expression> RemoveFilters()
    {
        var conditions = _filters.Where(f => !f.ConditionInMemory).Select(f => f.Condition).ToList();
        _filters.Clear();
        return conditions;
    }

    public void PushPointRead(ApiValue? id, ApiValue? slug)
    {
        PointReadId = id;
        PointReadSlug = slug;
    }

    public void PushPointReads(ApiValue ids) => PointReadIds = ids;

    public void PushParent(ApiValue parent) => Parent = parent;

    public void PushOffset(ApiValue offset) => Offset = offset;

    public void PushLimit(ApiValue limit) => Limit ??= limit;

    public void PushServerAggregate(ServerAggregate aggregate) => ServerAggregate = aggregate;

    public void AddFilter(LambdaExpression rowPredicate, string description)
    {
        FiltersInMemory = true;
        Append(nameof(RowOperators.Where), [rowPredicate], description, isFilter: true);
    }

    public void AddOrdering(LambdaExpression rowKey, bool ascending, bool thenBy, string description)
        => Append(
            thenBy ? nameof(RowOperators.ThenBy) : nameof(RowOperators.OrderBy),
            [rowKey, Constant(!ascending)],
            description,
            genericArgument: rowKey.ReturnType);

    public void AddOperator(string rowOperator, Expression? argument, string description, Type? genericArgument = null)
        => Append(rowOperator, argument is null ? [] : [argument], description, genericArgument: genericArgument);

    public void AddAggregate(LambdaExpression selector, LambdaExpression aggregate, string description)
        => Append(
            nameof(RowOperators.Aggregate),
            [selector, aggregate, Default(typeof(CancellationToken))],
            description,
            genericArguments: [selector.ReturnType, aggregate.ReturnType]);

    private void Append(
        string rowOperator,
        Expression[] arguments,
        string description,
        Type? genericArgument = null,
        Type[]? genericArguments = null,
        bool isFilter = false)
    {
        var method = RowOperatorMethods[rowOperator];
        if (method.IsGenericMethodDefinition)
        {
            method = method.MakeGenericMethod(genericArguments ?? [genericArgument!]);
        }

        Pipeline = Call(method, [Pipeline, .. arguments]);
        _clientOperations.Add(description);
        _onlyFiltersInMemory &= isFilter;
        _readsToEnd &= rowOperator is not (nameof(RowOperators.Take) or nameof(RowOperators.TakeWhile));
    }

    protected override Expression VisitChildren(ExpressionVisitor visitor) => this;

    public void Print(ExpressionPrinter expressionPrinter)
    {
        expressionPrinter.Append(
            $"{Resource.CollectionPath} scope={Scope?.OperatorName} filters={string.Join(", ", _filters.Select(f => f.Filter.Parameter + "=" + f.Value))} id={PointReadId} slug={PointReadSlug}");
        expressionPrinter.Append($" ids={PointReadIds} offset={Offset} limit={Limit} aggregate={ServerAggregate} in memory: {string.Join(", ", _clientOperations)}");
    }
}
