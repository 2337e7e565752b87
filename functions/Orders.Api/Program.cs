using Amazon.DynamoDBv2;
using Orders.Api;
using Workers.Lambda;
using Workers.StepFunctions;

// One executable for the order routes; WORKERS_HANDLER (set per function in template.yaml) picks the handler. Building
// inside RunAsync reports a missing setting to Lambda's /runtime/init/error. The clients live as long as the process.
return await LambdaApplication.RunAsync(app =>
    new OrdersApi(new AmazonDynamoDBClient(), new StepFunctionsClient(), OrdersSettings.FromEnvironment(Environment.GetEnvironmentVariable)).Register(app));
