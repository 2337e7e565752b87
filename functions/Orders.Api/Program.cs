using Amazon.DynamoDBv2;
using Orders.Api;
using Workers.Lambda;
using Workers.StepFunctions;

// One executable for the order routes; WORKERS_HANDLER (set per function in template.yaml) picks the handler.
OrdersSettings settings;
try
{
    settings = OrdersSettings.FromEnvironment(Environment.GetEnvironmentVariable);
}
catch (InvalidOperationException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return LambdaApplication.ExitInitFailed;
}

using var dynamoDb = new AmazonDynamoDBClient();
using var stepFunctions = new StepFunctionsClient();
return await new OrdersApi(dynamoDb, stepFunctions, settings).Register(new LambdaApplication()).RunAsync();
