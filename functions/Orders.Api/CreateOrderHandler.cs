using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Workers.Domain;
using Workers.Lambda;
using Workers.StepFunctions;

namespace Orders.Api;

/// <summary>
/// <c>POST /orders</c>: validates the order, writes it PENDING (conditional put) and starts the order saga named
/// <c>order-&lt;orderId&gt;</c>, answering 202 <see cref="OrderAccepted"/>. The conditional put and Step Functions'
/// execution-name dedup make it idempotent: a repeated POST gets the same answer (and restarts nothing), a different
/// order under a used id gets 409. Malformed bodies get 400 naming the field.
/// </summary>
public sealed class CreateOrderHandler(OrderTable orders, StepFunctionsClient stepFunctions, string stateMachineArn, TimeProvider timeProvider)
{
    /// <summary>Handles one request.</summary>
    public async Task<APIGatewayHttpApiV2ProxyResponse> HandleAsync(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = HttpResults.BodyText(request);
        if (body is null)
        {
            return HttpResults.Invalid("body", "body must be a JSON order");
        }

        Order order;
        try
        {
            order = OrderRules.Validate(JsonSerializer.Deserialize(body, OrdersJson.Default.Order));
        }
        catch (JsonException e)
        {
            var field = FieldOfPath(e.Path);
            return HttpResults.Invalid(field, $"{field} is malformed: {FirstLine(e.Message)}");
        }
        catch (InvalidOrderException e)
        {
            return HttpResults.Invalid(HttpResults.FieldOf(e.Message), e.Message);
        }

        var canonical = JsonSerializer.Serialize(order, OrdersJson.Default.Order);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        var stored = await orders.AddAsync(order, hash, timeProvider.GetUtcNow(), CancellationToken.None);
        if (stored != hash)
        {
            return HttpResults.Problem(
                409,
                HttpResults.ConflictType,
                "The order id is taken",
                $"orderId {order.OrderId} already names a different order; choose a new id",
                "orderId");
        }

        var executionArn = await StartSagaAsync(order.OrderId, canonical);
        return HttpResults.Json(202, new OrderAccepted(order.OrderId, executionArn, OrderTable.Pending), OrdersJson.Default.OrderAccepted);
    }

    private async Task<string> StartSagaAsync(string orderId, string input)
    {
        var name = $"order-{orderId}";
        try
        {
            var started = await stepFunctions.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = stateMachineArn, Name = name, Input = input });
            return started.ExecutionArn;
        }
        catch (ExecutionAlreadyExistsException)
        {
            // The execution already ran to its end under this name: the same order, accepted before.
            return ExecutionArn(stateMachineArn, name);
        }
    }

    private static string ExecutionArn(string stateMachineArn, string name) =>
        $"{stateMachineArn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal)}:{name}";

    // System.Text.Json reports "$.items[0].quantity"; callers know the field as "items[0].quantity".
    private static string FieldOfPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Split(" Path:", 2)[0];
}
