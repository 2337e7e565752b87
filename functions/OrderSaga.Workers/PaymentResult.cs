namespace OrderSaga.Workers;

/// <summary>ChargePayment's result: <c>{"paymentId","amount","currency","fraudScore"}</c>, fraudScore in [0, 1].</summary>
public sealed record PaymentResult(string PaymentId, decimal Amount, string Currency, double FraudScore);
