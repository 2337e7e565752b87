using Amazon.DynamoDBv2;
using Approvals;
using Workers.Lambda;
using Workers.StepFunctions;

// One executable for the approvals consumer and routes; WORKERS_HANDLER (set per function in template.yaml) picks one.
// Building inside RunAsync reports a missing setting to Lambda's /runtime/init/error. The clients live as long as the process.
return await LambdaApplication.RunAsync(app =>
    new ApprovalsService(new AmazonDynamoDBClient(), new StepFunctionsClient(), ApprovalsSettings.FromEnvironment(Environment.GetEnvironmentVariable)).Register(app));
