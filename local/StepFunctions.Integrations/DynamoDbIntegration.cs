using System.Text.Json.Nodes;
using Asl;

namespace StepFunctions.Integrations;

/// <summary>
/// DynamoDB over its JSON protocol (<c>DynamoDB_20120810.&lt;Action&gt;</c>): the optimized
/// <c>dynamodb:getItem|putItem|updateItem|deleteItem</c> (response plus SDK metadata, errors <c>DynamoDB.*</c> in the
/// Java SDK v1 wording) and <c>aws-sdk:dynamodb:&lt;anyAction&gt;</c> (bare response, errors <c>DynamoDb.*Exception</c>).
/// The task's PascalCase parameters are the request body as is.
/// </summary>
internal sealed class DynamoDbIntegration(AwsHttp http) : ITaskHandler
{
    private static readonly HashSet<string> OptimizedActions = new(StringComparer.Ordinal) { "getItem", "putItem", "updateItem", "deleteItem" };

    // The exceptions the SDKs model for the item APIs; any other code becomes the SDK's base exception.
    private static readonly HashSet<string> ModeledErrors = new(StringComparer.Ordinal)
    {
        "ConditionalCheckFailedException", "ResourceNotFoundException", "ProvisionedThroughputExceededException",
        "ItemCollectionSizeLimitExceededException", "TransactionConflictException", "RequestLimitExceeded",
        "InternalServerError", "ResourceInUseException", "LimitExceededException", "TransactionCanceledException",
        "TransactionInProgressException", "IdempotentParameterMismatchException", "DuplicateItemException",
    };

    public async ValueTask<TaskHandlerResult> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        var resource = invocation.Resource;
        var sdk = resource.ResourceType.StartsWith("aws-sdk:", StringComparison.Ordinal);
        if (!sdk && !OptimizedActions.Contains(resource.Action))
        {
            throw new StatesErrorException(
                ErrorNames.Runtime,
                $"The resource '{resource.Arn}' is not an optimized DynamoDB integration (getItem, putItem, updateItem, deleteItem); use arn:aws:states:::aws-sdk:dynamodb:{resource.Action}.")
            {
                IsTerminal = true,
            };
        }

        var endpoint = http.Options.DynamoDbEndpoint
            ?? throw ServiceErrors.NotConfigured("DynamoDB", "DYNAMODB_ENDPOINT or AWS_ENDPOINT_URL_DYNAMODB", invocation);
        var action = char.ToUpperInvariant(resource.Action[0]) + resource.Action[1..];
        var body = Payloads.Object(invocation.Parameters, sdk ? "DynamoDb" : "DynamoDB").ToJsonString();
        var request = AwsHttp.JsonRequest(endpoint, $"DynamoDB_20120810.{action}", "application/x-amz-json-1.0", body);
        var response = await http.CallAsync(request, "dynamodb", sdk ? "DynamoDb" : "DynamoDB", sdk ? SdkError : OptimizedError, cancellationToken).ConfigureAwait(false);

        var output = response.Json() as JsonObject ?? [];
        if (!sdk)
        {
            Payloads.AddSdkMetadata(output, response.StatusCode, response.Headers, response.RequestId);
        }

        return Payloads.Result(invocation, output);
    }

    private static StatesErrorException OptimizedError(AwsResponse response)
    {
        var code = response.ErrorCode();
        var name = ModeledErrors.Contains(code) ? $"DynamoDB.{ServiceErrors.WithExceptionSuffix(code)}" : "DynamoDB.AmazonDynamoDBException";
        return new StatesErrorException(name, ServiceErrors.JavaV1Cause(response.ErrorMessage(), "AmazonDynamoDBv2", response.StatusCode, code, response.RequestId));
    }

    private static StatesErrorException SdkError(AwsResponse response)
    {
        var code = response.ErrorCode();
        var name = ModeledErrors.Contains(code) ? ServiceErrors.SdkV2Name("DynamoDb", code) : "DynamoDb.DynamoDbException";
        return new StatesErrorException(name, ServiceErrors.SdkV2Cause(response.ErrorMessage(), "DynamoDb", response.StatusCode, response.RequestId));
    }
}
