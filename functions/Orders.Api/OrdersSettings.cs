namespace Orders.Api;

/// <summary>The orders API's configuration from template.yaml: ORDERS_TABLE and ORDER_SAGA_STATE_MACHINE_ARN.</summary>
public sealed record OrdersSettings(string OrdersTable, string OrderSagaStateMachineArn)
{
    /// <summary>Reads the settings from environment variables.</summary>
    /// <exception cref="InvalidOperationException">A variable is missing.</exception>
    public static OrdersSettings FromEnvironment(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        string Required(string name) => variable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set; the orders API needs it (see template.yaml).");
        return new OrdersSettings(Required("ORDERS_TABLE"), Required("ORDER_SAGA_STATE_MACHINE_ARN"));
    }
}
