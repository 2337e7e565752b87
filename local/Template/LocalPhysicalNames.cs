using System.Security.Cryptography;
using System.Text;

namespace Template;

/// <summary>
/// The default local physical names: the template's explicit name if it gives one, else
/// <c>{StackName}-{LogicalId}</c> (deterministic, unlike CloudFormation's random suffix, so restarts find the same
/// tables and queues), with ARNs and attributes shaped as AWS shapes them.
/// </summary>
public static class LocalPhysicalNames
{
    public static PhysicalResource Resolve(ResourceIdentity resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var stack = resource.Stack;
        var name = resource.ExplicitName ?? $"{stack.StackName}-{resource.LogicalId}";
        string Arn(string service, string resourcePart, string? region = null, string? account = null) =>
            $"arn:{stack.Partition}:{service}:{region ?? stack.Region}:{account ?? stack.AccountId}:{resourcePart}";

        switch (resource.Type)
        {
            case "AWS::Serverless::Function" or "AWS::Lambda::Function":
                return Physical(name, ("Arn", Arn("lambda", $"function:{name}")));
            case "AWS::Serverless::StateMachine" or "AWS::StepFunctions::StateMachine":
                var machineArn = Arn("states", $"stateMachine:{name}");
                return Physical(machineArn, ("Arn", machineArn), ("Name", name));
            case "AWS::DynamoDB::Table" or "AWS::Serverless::SimpleTable":
                var tableArn = Arn("dynamodb", $"table/{name}");
                return Physical(name, ("Arn", tableArn), ("StreamArn", $"{tableArn}/stream/1970-01-01T00:00:00.000"));
            case "AWS::SQS::Queue":
                var url = $"https://sqs.{stack.Region}.{stack.UrlSuffix}/{stack.AccountId}/{name}";
                return Physical(url, ("Arn", Arn("sqs", name)), ("QueueName", name), ("QueueUrl", url));
            case "AWS::SNS::Topic":
                var topicArn = Arn("sns", name);
                return Physical(topicArn, ("TopicArn", topicArn), ("TopicName", name));
            case "AWS::S3::Bucket":
                var bucket = name.ToLowerInvariant();
                return Physical(
                    bucket,
                    ("Arn", Arn("s3", bucket, string.Empty, string.Empty)),
                    ("DomainName", $"{bucket}.s3.{stack.UrlSuffix}"),
                    ("RegionalDomainName", $"{bucket}.s3.{stack.Region}.{stack.UrlSuffix}"));
            case "AWS::Serverless::HttpApi" or "AWS::ApiGatewayV2::Api" or "AWS::Serverless::Api":
                var apiId = ApiId(stack.StackName, resource.LogicalId);
                return Physical(apiId, ("ApiId", apiId), ("ApiEndpoint", $"https://{apiId}.execute-api.{stack.Region}.{stack.UrlSuffix}"));
            case "AWS::Logs::LogGroup":
                return Physical(name, ("Arn", Arn("logs", $"log-group:{name}:*")));
            case "AWS::IAM::Role":
                return Physical(name, ("Arn", Arn("iam", $"role/{name}", string.Empty)), ("RoleId", ApiId(name, "role").ToUpperInvariant()));
            default:
                return Physical(name);
        }
    }

    private static PhysicalResource Physical(string reference, params (string Key, string Value)[] attributes) =>
        new(reference, attributes.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal));

    /// <summary>A stable 10-character lower-case id, the shape of an API Gateway API id.</summary>
    private static string ApiId(string stack, string logicalId)
    {
        const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{stack}/{logicalId}"));
        return string.Concat(hash.Take(10).Select(b => Alphabet[b % Alphabet.Length]));
    }
}
