using Amazon.DynamoDBv2;
using OrderSaga.Workers;
using Workers.Lambda;

// One executable for every order saga state; WORKERS_HANDLER (set per function in template.yaml) picks the handler.
SagaSettings settings;
try
{
    settings = SagaSettings.FromEnvironment(Environment.GetEnvironmentVariable);
}
catch (InvalidOperationException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return LambdaApplication.ExitInitFailed;
}

using var dynamoDb = new AmazonDynamoDBClient();
return await new SagaWorkers(dynamoDb, settings).Register(new LambdaApplication()).RunAsync();
