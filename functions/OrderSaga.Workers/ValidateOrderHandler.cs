using Workers.Domain;
using Workers.Lambda;

namespace OrderSaga.Workers;

/// <summary>
/// The saga's first state, ValidateOrder: checks the order and returns its total. It changes nothing, so it needs no
/// idempotency record. Throws <see cref="InvalidOrderException"/> naming the offending field.
/// </summary>
public sealed class ValidateOrderHandler
{
    /// <summary>Checks the order and returns its id, total and line count.</summary>
    /// <exception cref="InvalidOrderException">The order is malformed or incomplete.</exception>
    public Task<ValidateOrderResult> HandleAsync(Order input, ILambdaContext context)
    {
        var order = OrderRules.Validate(input);
        var total = order.Total();
        return Task.FromResult(new ValidateOrderResult(order.OrderId, total.Amount, total.Currency, order.Items.Count));
    }
}
