using Workers.Domain;
using Workers.Lambda;

namespace Orders.Api;

/// <summary><c>GET /orders/{orderId}</c>: 200 <see cref="OrderView"/>, 404 for an unknown id, 400 for a malformed one.</summary>
public sealed class GetOrderHandler(OrderTable orders)
{
    /// <summary>Handles one request.</summary>
    public async Task<APIGatewayHttpApiV2ProxyResponse> HandleAsync(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var orderId = request.PathParameters?.TryGetValue("orderId", out var id) == true ? id : null;
        try
        {
            OrderRules.RequireOrderId(new Order(orderId!, string.Empty, [], string.Empty, string.Empty));
        }
        catch (InvalidOrderException e)
        {
            return HttpResults.Invalid("orderId", e.Message);
        }

        var view = await orders.FindAsync(orderId!, CancellationToken.None);
        return view is null
            ? HttpResults.Problem(404, HttpResults.NotFoundType, "No such order", $"order {orderId} does not exist", "orderId")
            : HttpResults.Json(200, view, OrdersJson.Default.OrderView);
    }
}
