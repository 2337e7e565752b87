namespace OrderSaga.Workers;

/// <summary>ValidateOrder's result: the order's identity and total, for the saga's approval decision.</summary>
public sealed record ValidateOrderResult(string OrderId, decimal Amount, string Currency, int ItemCount);
