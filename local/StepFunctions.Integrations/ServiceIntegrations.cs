using Asl;

namespace StepFunctions.Integrations;

/// <summary>
/// Every service integration behind one <see cref="ITaskHandler"/>: Lambda (optimized and legacy ARNs), DynamoDB
/// (optimized and aws-sdk), SQS, SNS, aws-sdk S3, Bedrock, Step Functions and EventBridge, plus the Distributed Map's
/// S3 <see cref="ItemReader"/> and <see cref="ResultWriter"/>. Hosts pass it as the engine's task handler (the mock layer
/// wraps it) and may register further resources on <see cref="Registry"/>.
/// </summary>
public sealed class ServiceIntegrations : ITaskHandler, IDisposable
{
    private readonly AwsHttp _http;
    private readonly S3Access _s3;

    /// <summary>Wires every integration to the endpoints of <paramref name="options"/>.</summary>
    /// <param name="options">The endpoints, region and credentials.</param>
    /// <param name="nestedExecutions">Where <c>states:startExecution</c> starts children when no Step Functions endpoint is set.</param>
    /// <param name="broker">The in-process queues and topics; a new one when null.</param>
    /// <param name="eventBus">The in-process event bus; a new one when null.</param>
    public ServiceIntegrations(IntegrationOptions options, INestedExecutions? nestedExecutions = null, LocalMessageBroker? broker = null, LocalEventBus? eventBus = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Broker = broker ?? new LocalMessageBroker(options.Region, options.AccountId);
        EventBus = eventBus ?? new LocalEventBus();
        _http = new AwsHttp(options);
        _s3 = new S3Access(options);
        ItemReader = new S3ItemReader(_s3);
        ResultWriter = new S3ResultWriter(_s3);
        var lambda = new LambdaIntegration(_http);
        var dynamoDb = new DynamoDbIntegration(_http);
        Registry
            .Register("arn:aws:states:::lambda:invoke*", lambda)
            .Register("arn:aws:lambda:*", lambda)
            .Register("arn:aws:states:::dynamodb:*", dynamoDb)
            .Register("arn:aws:states:::aws-sdk:dynamodb:*", dynamoDb)
            .Register("arn:aws:states:::sqs:*", new SqsIntegration(_http, Broker))
            .Register("arn:aws:states:::sns:*", new SnsIntegration(_http, Broker))
            .Register("arn:aws:states:::aws-sdk:s3:*", new S3Integration(_s3))
            .Register("arn:aws:states:::bedrock:*", new BedrockIntegration(_http))
            .Register("arn:aws:states:::states:*", new StepFunctionsIntegration(_http, nestedExecutions))
            .Register("arn:aws:states:::events:*", new EventsIntegration(_http, EventBus));
    }

    /// <summary>The configuration the integrations were built from.</summary>
    public IntegrationOptions Options { get; }

    /// <summary>The in-process SQS queues and SNS topics (used when no SQS_ENDPOINT / SNS_ENDPOINT is set).</summary>
    public LocalMessageBroker Broker { get; }

    /// <summary>The in-process EventBridge bus (used when no EventBridge endpoint is set).</summary>
    public LocalEventBus EventBus { get; }

    /// <summary>The Distributed Map ItemReader on S3; pass it as the engine's <c>ItemReader</c>.</summary>
    public S3ItemReader ItemReader { get; }

    /// <summary>The Distributed Map ResultWriter on S3; pass it as the engine's <c>ResultWriter</c>.</summary>
    public S3ResultWriter ResultWriter { get; }

    /// <summary>The resources handled, by ARN; register more (e.g. activities or in-process functions) here.</summary>
    public TaskHandlerRegistry Registry { get; } = new();

    /// <inheritdoc/>
    public ValueTask<TaskHandlerResult> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken) =>
        Registry.InvokeAsync(invocation, cancellationToken);

    /// <summary>Disposes the HTTP and S3 clients.</summary>
    public void Dispose()
    {
        _http.Dispose();
        _s3.Dispose();
    }
}
