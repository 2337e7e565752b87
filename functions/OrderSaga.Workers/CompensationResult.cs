namespace OrderSaga.Workers;

/// <summary>
/// A compensation's result: <c>{"orderId","compensated"}</c>. <c>compensated</c> is false when there was nothing to
/// undo (the forward step never ran) or it was already undone.
/// </summary>
public sealed record CompensationResult(string OrderId, bool Compensated);
