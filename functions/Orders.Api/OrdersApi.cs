using Amazon.DynamoDBv2;
using Workers.Lambda;
using Workers.StepFunctions;

namespace Orders.Api;

/// <summary>The orders API's handlers, built once per process. <see cref="Register"/> names them: CreateOrder, GetOrder.</summary>
public sealed class OrdersApi(IAmazonDynamoDB dynamoDb, StepFunctionsClient stepFunctions, OrdersSettings settings, TimeProvider? timeProvider = null)
{
    /// <summary>POST /orders.</summary>
    public CreateOrderHandler CreateOrder { get; } = new(
        new OrderTable(dynamoDb, settings.OrdersTable), stepFunctions, settings.OrderSagaStateMachineArn, timeProvider ?? TimeProvider.System);

    /// <summary>GET /orders/{orderId}.</summary>
    public GetOrderHandler GetOrder { get; } = new(new OrderTable(dynamoDb, settings.OrdersTable));

    /// <summary>Registers every handler under its name for <c>WORKERS_HANDLER</c>.</summary>
    public LambdaApplication Register(LambdaApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var json = LambdaEventsJson.Default;
        return application
            .Handle("CreateOrder", CreateOrder.HandleAsync, json.APIGatewayHttpApiV2ProxyRequest, json.APIGatewayHttpApiV2ProxyResponse)
            .Handle("GetOrder", GetOrder.HandleAsync, json.APIGatewayHttpApiV2ProxyRequest, json.APIGatewayHttpApiV2ProxyResponse);
    }
}
