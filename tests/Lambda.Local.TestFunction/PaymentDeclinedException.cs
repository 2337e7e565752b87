namespace Lambda.Local.TestFunction;

/// <summary>A named business error, as the real workers throw; its class name is the Lambda error type.</summary>
public sealed class PaymentDeclinedException(string message) : Exception(message);
