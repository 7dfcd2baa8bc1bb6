using System.Linq.Expressions;
using EFCore.DigitalOcean.Metadata.Internal;
using EFCore.DigitalOcean.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>
///     Decides, operator by operator, what goes into the request and what runs in memory. Filters the API understands are
///     pushed while nothing but filters ran in memory before them; Take, First, Single, Count and Any are pushed only while
///     nothing at all ran in memory. Everything else becomes a row operator (see <see cref="RowOperators" />).
/// </summary>
internal sealed class DigitalOceanQueryableMethodTranslatingExpressionVisitor : QueryableMethodTranslatingExpressionVisitor
{
    private readonly DigitalOceanQueryCompilationContext _queryCompilationContext;

    public DigitalOceanQueryableMethodTranslatingExpressionVisitor(
        QueryableMethodTranslatingExpressionVisitorDependencies dependencies,
        DigitalOceanQueryCompilationContext queryCompilationContext,
        bool subquery = false)
        : base(dependencies, queryCompilationContext, subquery)
        => _queryCompilationContext = queryCompilationContext;

    // Operators that need whole objects; they and everything after them run over materialized results.
    private static readonly HashSet<string> TailOperators
        = [nameof(Queryable.GroupBy), nameof(Queryable.SelectMany), nameof(Queryable.DefaultIfEmpty), nameof(Queryable.Chunk)];

    protected override Expression VisitMethodCall(MethodCallExpression methodCallExpression)
        => methodCallExpression.Method.DeclaringType == typeof(Queryable) && StartsOrContinuesTail(methodCallExpression)
            && Visit(methodCallExpression.Arguments[0]) is ShapedQueryExpression source
                ? TranslateInTail(source, methodCallExpression)
                : base.VisitMethodCall(methodCallExpression);

    private static bool StartsOrContinuesTail(MethodCallExpression call)
    {
        for (Expression? current = call; current is MethodCallExpression { Arguments.Count: > 0 } method; current = method.Arguments[0])
        {
            if (method.Method.DeclaringType == typeof(Queryable) && TailOperators.Contains(method.Method.Name))
            {
                return true;
            }
        }

        return false;
    }

    protected override Expression VisitExtension(Expression extensionExpression)
        => extensionExpression is ShapedQueryExpression ? extensionExpression : base.VisitExtension(extensionExpression);

    private Expression TranslateInTail(ShapedQueryExpression source, MethodCallExpression call)
    {
        var tail = Query(source).StartTail(source.ShaperExpression);
        var description = $"{call.Method.Name}({string.Join(", ", call.Arguments.Skip(1).Select(a => Describe(a)))})";
        if (!tail.TryApply(call, description))
        {
            return Fail(call.Method.Name) ?? QueryCompilationContext.NotTranslatedExpression;
        }

        // A scalar result (Count, First, Sum…) is a one-element sequence that EF unwraps with Single.
        var isSequence = typeof(IQueryable).IsAssignableFrom(call.Type);
        return new ShapedQueryExpression(source.QueryExpression, Expression.Default(tail.ElementType))
            .UpdateResultCardinality(isSequence ? ResultCardinality.Enumerable : ResultCardinality.Single);
    }

    protected override QueryableMethodTranslatingExpressionVisitor CreateSubqueryVisitor()
        => new DigitalOceanQueryableMethodTranslatingExpressionVisitor(Dependencies, _queryCompilationContext, subquery: true);

    protected override ShapedQueryExpression? CreateShapedQueryExpression(IEntityType entityType)
    {
        var query = new ResourceQueryExpression(
            entityType, _queryCompilationContext.Resources.Get(entityType), _queryCompilationContext.Scope, _queryCompilationContext.ParameterNames);
        return new ShapedQueryExpression(query, new StructuralTypeShaperExpression(entityType, new RowBufferExpression(query.Row), nullable: false));
    }

    protected override ShapedQueryExpression? TranslateWhere(ShapedQueryExpression source, LambdaExpression predicate)
    {
        var query = Query(source);
        var body = RemapLambdaBody(source, predicate);
        var remaining = query.CanPushFilters ? new FilterPushdown(query).Apply(body) : body;
        return remaining is null ? source : AddRowFilter(source, remaining, $"Where({Describe(predicate)})");
    }

    protected override ShapedQueryExpression TranslateSelect(ShapedQueryExpression source, LambdaExpression selector)
        => selector.Body == selector.Parameters[0]
            ? source
            : source.UpdateShaperExpression(RowExpressionRewriter.RewriteProjection(RemapLambdaBody(source, selector)));

    protected override ShapedQueryExpression? TranslateOrderBy(ShapedQueryExpression source, LambdaExpression keySelector, bool ascending)
        => AddOrdering(source, keySelector, ascending, thenBy: false);

    protected override ShapedQueryExpression? TranslateThenBy(ShapedQueryExpression source, LambdaExpression keySelector, bool ascending)
        => AddOrdering(source, keySelector, ascending, thenBy: true);

    protected override ShapedQueryExpression? TranslateTake(ShapedQueryExpression source, Expression count)
    {
        var query = Query(source);
        if (query.NothingInMemory && !query.IsPointRead && ApiValue.From(count) is { } limit)
        {
            query.PushLimit(limit);
        }

        return AddCountOperator(source, nameof(RowOperators.Take), count);
    }

    protected override ShapedQueryExpression? TranslateSkip(ShapedQueryExpression source, Expression count)
    {
        // Skipped items need not be downloaded: the request starts at the page that holds the first wanted item.
        var query = Query(source);
        if (query.CanPushOffset && ApiValue.From(count) is { } offset)
        {
            query.PushOffset(offset);
            return source;
        }

        return AddCountOperator(source, nameof(RowOperators.Skip), count);
    }

    protected override ShapedQueryExpression? TranslateFirstOrDefault(
        ShapedQueryExpression source, LambdaExpression? predicate, Type returnType, bool returnDefault)
        => TakeAfterFilter(source, predicate, 1);

    // Two rows are enough for EF to tell "one" from "more than one".
    protected override ShapedQueryExpression? TranslateSingleOrDefault(
        ShapedQueryExpression source, LambdaExpression? predicate, Type returnType, bool returnDefault)
        => TakeAfterFilter(source, predicate, 2);

    protected override ShapedQueryExpression? TranslateLastOrDefault(
        ShapedQueryExpression source, LambdaExpression? predicate, Type returnType, bool returnDefault)
        => Filtered(source, predicate) is { } filtered
            ? AddCountOperator(filtered, nameof(RowOperators.TakeLast), Expression.Constant(1))
            : null;

    protected override ShapedQueryExpression? TranslateElementAtOrDefault(
        ShapedQueryExpression source, Expression index, bool returnDefault)
        => TranslateSkip(source, index) is { } skipped ? TranslateTake(skipped, Expression.Constant(1)) : null;

    protected override ShapedQueryExpression? TranslateSkipWhile(ShapedQueryExpression source, LambdaExpression predicate)
        => AddRowPredicateOperator(source, nameof(RowOperators.SkipWhile), predicate);

    protected override ShapedQueryExpression? TranslateTakeWhile(ShapedQueryExpression source, LambdaExpression predicate)
        => AddRowPredicateOperator(source, nameof(RowOperators.TakeWhile), predicate);

    protected override ShapedQueryExpression? TranslateReverse(ShapedQueryExpression source)
    {
        Query(source).AddOperator(nameof(RowOperators.Reverse), null, "Reverse()");
        return source;
    }

    protected override ShapedQueryExpression? TranslateDistinct(ShapedQueryExpression source)
    {
        // Rows are distinct images already; a projection is distinct by its value, an image by its key.
        var shaper = source.ShaperExpression;
        var key = shaper is StructuralTypeShaperExpression entity
            ? RemapLambdaBody(source, KeyLambda(entity))
            : RowExpressionRewriter.RewriteForRows(shaper);
        if (key is null)
        {
            return Fail("Distinct over a projection that contains a whole Image");
        }

        Query(source).AddOperator(nameof(RowOperators.DistinctBy), RowLambda(source, key), "Distinct()", key.Type);
        return source;
    }

    protected override ShapedQueryExpression? TranslateCount(ShapedQueryExpression source, LambdaExpression? predicate)
        => Count(source, predicate, ServerAggregate.Count, typeof(int));

    protected override ShapedQueryExpression? TranslateLongCount(ShapedQueryExpression source, LambdaExpression? predicate)
        => Count(source, predicate, ServerAggregate.LongCount, typeof(long));

    protected override ShapedQueryExpression? TranslateAny(ShapedQueryExpression source, LambdaExpression? predicate)
    {
        if (Filtered(source, predicate) is not { } filtered)
        {
            return null;
        }

        var query = Query(filtered);
        if (query.NothingInMemory && !query.IsPointRead)
        {
            query.PushServerAggregate(ServerAggregate.Any);
            return ScalarResult(filtered, typeof(bool));
        }

        // One matching row answers Any, so the listing stops there.
        query.AddOperator(nameof(RowOperators.Take), Expression.Constant(1), "Take(1)");
        return Aggregate(filtered, null, values => Expression.Call(EnumerableMethod(AnyMethod, values.Type), values), "Any()");
    }

    protected override ShapedQueryExpression? TranslateAll(ShapedQueryExpression source, LambdaExpression predicate)
    {
        var negated = Expression.Lambda(Expression.Not(predicate.Body), predicate.Parameters);
        if (TranslateWhere(source, negated) is not { } counterExamples)
        {
            return null;
        }

        Query(counterExamples).AddOperator(nameof(RowOperators.Take), Expression.Constant(1), "Take(1)");
        return Aggregate(
            counterExamples, null,
            values => Expression.Not(Expression.Call(EnumerableMethod(AnyMethod, values.Type), values)),
            $"All({Describe(predicate)})");
    }

    protected override ShapedQueryExpression? TranslateContains(ShapedQueryExpression source, Expression item)
    {
        var rewrittenItem = RowExpressionRewriter.RewriteForRows(item);
        return rewrittenItem is null
            ? Fail("Contains of a whole Image")
            : Aggregate(
                source, null,
                values => Expression.Call(EnumerableMethod(ContainsMethod, values.Type), values, rewrittenItem),
                $"Contains({Describe(item)})");
    }

    protected override ShapedQueryExpression? TranslateSum(ShapedQueryExpression source, LambdaExpression? selector, Type resultType)
        => NumericAggregate(source, selector, resultType, nameof(Enumerable.Sum));

    protected override ShapedQueryExpression? TranslateAverage(ShapedQueryExpression source, LambdaExpression? selector, Type resultType)
        => NumericAggregate(source, selector, resultType, nameof(Enumerable.Average));

    protected override ShapedQueryExpression? TranslateMin(ShapedQueryExpression source, LambdaExpression? selector, Type resultType)
        => NumericAggregate(source, selector, resultType, nameof(Enumerable.Min));

    protected override ShapedQueryExpression? TranslateMax(ShapedQueryExpression source, LambdaExpression? selector, Type resultType)
        => NumericAggregate(source, selector, resultType, nameof(Enumerable.Max));

    protected override ShapedQueryExpression? TranslateCast(ShapedQueryExpression source, Type castType)
        => castType.IsAssignableFrom(source.ShaperExpression.Type) ? source : Fail($"Cast<{castType.Name}>()");

    protected override ShapedQueryExpression? TranslateOfType(ShapedQueryExpression source, Type resultType)
        => resultType.IsAssignableFrom(source.ShaperExpression.Type) ? source : Fail($"OfType<{resultType.Name}>()");

    // Reached only through the base class's own paths; the tail handles these operators (see VisitMethodCall).
    protected override ShapedQueryExpression? TranslateDefaultIfEmpty(ShapedQueryExpression source, Expression? defaultValue)
        => Fail("DefaultIfEmpty");

    protected override ShapedQueryExpression? TranslateGroupBy(
        ShapedQueryExpression source, LambdaExpression keySelector, LambdaExpression? elementSelector, LambdaExpression? resultSelector)
        => Fail("GroupBy");

    protected override ShapedQueryExpression? TranslateGroupJoin(
        ShapedQueryExpression outer, ShapedQueryExpression inner, LambdaExpression outerKeySelector, LambdaExpression innerKeySelector,
        LambdaExpression resultSelector)
        => Fail("GroupJoin");

    protected override ShapedQueryExpression? TranslateJoin(
        ShapedQueryExpression outer, ShapedQueryExpression inner, LambdaExpression outerKeySelector, LambdaExpression innerKeySelector,
        LambdaExpression resultSelector)
        => Fail("Join");

    protected override ShapedQueryExpression? TranslateLeftJoin(
        ShapedQueryExpression outer, ShapedQueryExpression inner, LambdaExpression outerKeySelector, LambdaExpression innerKeySelector,
        LambdaExpression resultSelector)
        => Fail("LeftJoin");

    protected override ShapedQueryExpression? TranslateRightJoin(
        ShapedQueryExpression outer, ShapedQueryExpression inner, LambdaExpression outerKeySelector, LambdaExpression innerKeySelector,
        LambdaExpression resultSelector)
        => Fail("RightJoin");

    protected override ShapedQueryExpression? TranslateSelectMany(
        ShapedQueryExpression source, LambdaExpression collectionSelector, LambdaExpression resultSelector)
        => Fail("SelectMany");

    protected override ShapedQueryExpression? TranslateSelectMany(ShapedQueryExpression source, LambdaExpression selector)
        => Fail("SelectMany");

    protected override ShapedQueryExpression? TranslateConcat(ShapedQueryExpression source1, ShapedQueryExpression source2)
        => Fail("Concat");

    protected override ShapedQueryExpression? TranslateExcept(ShapedQueryExpression source1, ShapedQueryExpression source2)
        => Fail("Except");

    protected override ShapedQueryExpression? TranslateIntersect(ShapedQueryExpression source1, ShapedQueryExpression source2)
        => Fail("Intersect");

    protected override ShapedQueryExpression? TranslateUnion(ShapedQueryExpression source1, ShapedQueryExpression source2)
        => Fail("Union");

    protected override Expression? TranslateExecuteDelete(ShapedQueryExpression source)
        => source.ShaperExpression is not StructuralTypeShaperExpression
            ? Fail("ExecuteDelete over a projection")
            : Query(source).Resource is var resource && !resource.Can(ApiCapabilities.Delete)
                ? Fail(DigitalOceanStrings.CannotDelete(resource.ClrType.Name))
                : new ResourceBulkWriteExpression(Query(source), setters: null);

    protected override Expression? TranslateExecuteUpdate(ShapedQueryExpression source, IReadOnlyList<ExecuteUpdateSetter> setters)
    {
        var query = Query(source);
        var rowSetters = new List<(IProperty, LambdaExpression)>();
        foreach (var setter in setters)
        {
            var target = RemapLambdaBody(source, setter.PropertySelector);
            var property = target is MemberExpression { Expression: StructuralTypeShaperExpression } member
                ? query.EntityType.FindProperty(member.Member)
                : null;
            if (property is null || !query.Resource.Updatable.Contains(property.Name))
            {
                return Fail(DigitalOceanStrings.ExecuteUpdateNotUpdatable(
                    query.Resource.ClrType.Name, query.Resource.Updatable, Describe(setter.PropertySelector)));
            }

            var value = setter.ValueExpression is LambdaExpression lambda ? RemapLambdaBody(source, lambda) : setter.ValueExpression;
            if (RowExpressionRewriter.RewriteForRows(value) is not { } rowValue)
            {
                return Fail(DigitalOceanStrings.WholeEntityInPredicate);
            }

            rowSetters.Add((property, RowLambda(source, Expression.Convert(rowValue, typeof(object)))));
        }

        return new ResourceBulkWriteExpression(query, rowSetters);
    }

    /// <summary>An expression as one line, for ToQueryString and the full-listing warning.</summary>
    private string Describe(Expression? expression)
        => expression is null
            ? ""
            : string.Join(" ", UserExpression.Of(expression, _queryCompilationContext.ParameterNames).Print().Split('\n', StringSplitOptions.TrimEntries)).Replace("( ", "(").Replace(" .", ".");

    private static ResourceQueryExpression Query(ShapedQueryExpression source) => (ResourceQueryExpression)source.QueryExpression;

    private static Expression RemapLambdaBody(ShapedQueryExpression source, LambdaExpression lambda)
        => ReplacingExpressionVisitor.Replace(lambda.Parameters.Single(), source.ShaperExpression, lambda.Body);

    private static LambdaExpression RowLambda(ShapedQueryExpression source, Expression rowBody)
        => Expression.Lambda(rowBody, Query(source).Row);

    private static LambdaExpression KeyLambda(StructuralTypeShaperExpression entity)
    {
        var parameter = Expression.Parameter(entity.Type, "e");
        var key = ((IEntityType)entity.StructuralType).FindPrimaryKey()!.Properties.Single();
        return Expression.Lambda(Expression.MakeMemberAccess(parameter, key.PropertyInfo!), parameter);
    }

    private ShapedQueryExpression? AddRowFilter(ShapedQueryExpression source, Expression body, string description)
    {
        if (RowExpressionRewriter.RewriteForRows(body) is not { } rowPredicate)
        {
            return Fail(DigitalOceanStrings.WholeEntityInPredicate);
        }

        Query(source).AddFilter(RowLambda(source, rowPredicate), description);
        return source;
    }

    private ShapedQueryExpression? Filtered(ShapedQueryExpression source, LambdaExpression? predicate)
        => predicate is null ? source : TranslateWhere(source, predicate);

    private ShapedQueryExpression? TakeAfterFilter(ShapedQueryExpression source, LambdaExpression? predicate, int count)
        => Filtered(source, predicate) is { } filtered
            ? TranslateTake(filtered, Expression.Constant(count))
            : null;

    private ShapedQueryExpression? AddOrdering(ShapedQueryExpression source, LambdaExpression keySelector, bool ascending, bool thenBy)
    {
        if (RowExpressionRewriter.RewriteForRows(RemapLambdaBody(source, keySelector)) is not { } key)
        {
            return Fail(DigitalOceanStrings.WholeEntityInPredicate);
        }

        var name = (thenBy ? "ThenBy" : "OrderBy") + (ascending ? "" : "Descending");
        Query(source).AddOrdering(RowLambda(source, key), ascending, thenBy, $"{name}({Describe(keySelector)})");
        return source;
    }

    private ShapedQueryExpression? AddCountOperator(ShapedQueryExpression source, string rowOperator, Expression count)
    {
        if (RowExpressionRewriter.RewriteForRows(count) is not { } rowCount)
        {
            return null;
        }

        Query(source).AddOperator(rowOperator, rowCount, $"{rowOperator}({Describe(count)})");
        return source;
    }

    private ShapedQueryExpression? AddRowPredicateOperator(ShapedQueryExpression source, string rowOperator, LambdaExpression predicate)
    {
        if (RowExpressionRewriter.RewriteForRows(RemapLambdaBody(source, predicate)) is not { } rowPredicate)
        {
            return Fail(DigitalOceanStrings.WholeEntityInPredicate);
        }

        Query(source).AddOperator(rowOperator, RowLambda(source, rowPredicate), $"{rowOperator}({Describe(predicate)})");
        return source;
    }

    private ShapedQueryExpression? Count(
        ShapedQueryExpression source, LambdaExpression? predicate, ServerAggregate aggregate, Type resultType)
    {
        if (Filtered(source, predicate) is not { } filtered)
        {
            return null;
        }

        var query = Query(filtered);
        if (query.NothingInMemory && !query.IsPointRead)
        {
            query.PushServerAggregate(aggregate);
            return ScalarResult(filtered, resultType);
        }

        var method = aggregate == ServerAggregate.Count ? CountMethod : LongCountMethod;
        return Aggregate(filtered, null, values => Expression.Call(EnumerableMethod(method, values.Type), values), $"{method.Name}()");
    }

    private ShapedQueryExpression? NumericAggregate(
        ShapedQueryExpression source, LambdaExpression? selector, Type resultType, string method)
        => Aggregate(
            source,
            selector,
            values =>
            {
                var elementType = values.Type.GetGenericArguments()[0];
                var call = TryCall(method, [], values) ?? Expression.Call(typeof(Enumerable), method, [elementType], values);
                return call.Type == resultType ? call : Expression.Convert(call, resultType);
            },
            $"{method}({Describe(selector)})",
            resultType);

    /// <summary>
    ///     Reduces the rows to one value: <paramref name="aggregate" /> receives the selected values as an
    ///     <see cref="IEnumerable{T}" /> and returns the LINQ to Objects call over them.
    /// </summary>
    private ShapedQueryExpression? Aggregate(
        ShapedQueryExpression source,
        LambdaExpression? selector,
        Func<ParameterExpression, Expression> aggregate,
        string description,
        Type? resultType = null)
    {
        var query = Query(source);

        // Over whole entities only counting aggregates (Count, LongCount, Any, All) get here, and they need no row: gathering
        // a flag per row instead lets each page go as soon as it is counted.
        var value = (selector, source.ShaperExpression) switch
        {
            (null, StructuralTypeShaperExpression) => Expression.Constant(true),
            (null, var shaper) => RowExpressionRewriter.RewriteForRows(shaper),
            _ => RowExpressionRewriter.RewriteForRows(RemapLambdaBody(source, selector))
        };
        if (value is null)
        {
            return Fail(DigitalOceanStrings.WholeEntityInPredicate);
        }

        var values = Expression.Parameter(typeof(IEnumerable<>).MakeGenericType(value.Type), "values");
        var result = aggregate(values);
        query.AddAggregate(RowLambda(source, value), Expression.Lambda(result, values), description);
        return ScalarResult(source, resultType ?? result.Type);
    }

    private static ShapedQueryExpression ScalarResult(ShapedQueryExpression source, Type resultType)
        => source.UpdateShaperExpression(
            Expression.Convert(
                Expression.Property(Query(source).Row, typeof(ResourceRow).GetProperty("Item")!, Expression.Constant(0)),
                resultType));

    private static MethodCallExpression? TryCall(string method, Type[] typeArguments, Expression values)
    {
        try
        {
            return Expression.Call(typeof(Enumerable), method, typeArguments, values);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    // The LINQ to Objects definitions the in-memory aggregates call, looked up once.
    private static readonly System.Reflection.MethodInfo AnyMethod = EnumerableDefinition(nameof(Enumerable.Any), 1);
    private static readonly System.Reflection.MethodInfo ContainsMethod = EnumerableDefinition(nameof(Enumerable.Contains), 2);
    private static readonly System.Reflection.MethodInfo CountMethod = EnumerableDefinition(nameof(Enumerable.Count), 1);
    private static readonly System.Reflection.MethodInfo LongCountMethod = EnumerableDefinition(nameof(Enumerable.LongCount), 1);

    private static System.Reflection.MethodInfo EnumerableDefinition(string name, int parameters)
        => typeof(Enumerable).GetMethods().Single(m => m.Name == name && m.GetParameters().Length == parameters);

    /// <summary>One of those definitions, for the element type of <paramref name="valuesType" />.</summary>
    private static System.Reflection.MethodInfo EnumerableMethod(System.Reflection.MethodInfo definition, Type valuesType)
        => definition.MakeGenericMethod(valuesType.GetGenericArguments()[0]);

    private ShapedQueryExpression? Fail(string what)
    {
        AddTranslationErrorDetails(
            what.EndsWith('.') ? what : DigitalOceanStrings.OperatorNotSupported(what));
        return null;
    }
}
