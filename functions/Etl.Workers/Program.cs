using Amazon.DynamoDBv2;
using Amazon.S3;
using Etl.Workers;
using Workers.Lambda;

// One executable for the ETL states; WORKERS_HANDLER (set per function in template.yaml) picks the handler.
EtlSettings settings;
try
{
    settings = EtlSettings.FromEnvironment(Environment.GetEnvironmentVariable);
}
catch (InvalidOperationException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return LambdaApplication.ExitInitFailed;
}

using var dynamoDb = new AmazonDynamoDBClient();
using var s3 = new AmazonS3Client();
return await new EtlWorkers(dynamoDb, s3, settings).Register(new LambdaApplication()).RunAsync();
