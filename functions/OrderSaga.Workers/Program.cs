using Amazon.DynamoDBv2;
using OrderSaga.Workers;
using Workers.Lambda;

// One executable for every order saga state; WORKERS_HANDLER (set per function in template.yaml) picks the handler.
using var dynamoDb = new AmazonDynamoDBClient();
var workers = new SagaWorkers(dynamoDb, SagaSettings.FromEnvironment(Environment.GetEnvironmentVariable));
return await workers.Register(new LambdaApplication()).RunAsync();
