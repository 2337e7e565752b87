using Amazon.DynamoDBv2;
using Approvals;
using Workers.Lambda;
using Workers.StepFunctions;

// One executable for the approvals consumer and routes; WORKERS_HANDLER (set per function in template.yaml) picks one.
ApprovalsSettings settings;
try
{
    settings = ApprovalsSettings.FromEnvironment(Environment.GetEnvironmentVariable);
}
catch (InvalidOperationException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return LambdaApplication.ExitInitFailed;
}

using var dynamoDb = new AmazonDynamoDBClient();
using var stepFunctions = new StepFunctionsClient();
return await new ApprovalsService(dynamoDb, stepFunctions, settings).Register(new LambdaApplication()).RunAsync();
