using Amazon.DynamoDBv2;
using Amazon.S3;
using Etl.Workers;
using Workers.Lambda;

// One executable for the ETL states; WORKERS_HANDLER (set per function in template.yaml) picks the handler. Building
// inside RunAsync reports a missing setting to Lambda's /runtime/init/error. The clients live as long as the process.
return await LambdaApplication.RunAsync(app =>
    new EtlWorkers(new AmazonDynamoDBClient(), new AmazonS3Client(), EtlSettings.FromEnvironment(Environment.GetEnvironmentVariable)).Register(app));
