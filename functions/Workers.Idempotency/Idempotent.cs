namespace Workers.Idempotency;

/// <summary>
/// Entry point of the idempotency utility, the typed counterpart of Powertools' <c>[Idempotent]</c> attribute:
/// <code>
/// var reserve = Idempotent.For&lt;ReserveInventoryInput, ReservationResult&gt;(options).WithKey(i =&gt; i.Order.OrderId);
/// var result = await reserve.ExecuteAsync(input, context, (i, ct) =&gt; ReserveAsync(i, ct), ct);
/// </code>
/// </summary>
public static class Idempotent
{
    /// <summary>
    /// Starts an idempotent operation from <typeparamref name="TIn"/> to <typeparamref name="TOut"/>. Without
    /// <see cref="IdempotentOperation{TIn, TOut}.WithKey(Func{TIn, string?})"/> the whole input is the key.
    /// </summary>
    /// <exception cref="IdempotencyConfigurationException">The JSON context lacks the input or output type.</exception>
    public static IdempotentOperation<TIn, TOut> For<TIn, TOut>(IdempotencyOptions options) => new(options);
}
