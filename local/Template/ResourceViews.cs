using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Template;

/// <summary>Builds the typed resource records from resolved properties, reporting wrong shapes at the resource.</summary>
internal sealed class ResourceViews(
    IReadOnlyList<TemplateResource> resources,
    IReadOnlyDictionary<string, Node> positions,
    IReadOnlyDictionary<string, ResourceNode> declared,
    ErrorList errors,
    string baseDirectory)
{
    /// <summary>The API SAM creates for HttpApi events that name no ApiId.</summary>
    public const string ImplicitHttpApi = "ServerlessHttpApi";

    public IReadOnlyList<FunctionResource> Functions() => [.. OfType("AWS::Serverless::Function").Select(Function)];

    public IReadOnlyList<HttpApiResource> HttpApis()
    {
        var functions = Functions();
        return [.. OfType("AWS::Serverless::HttpApi").Select(r => HttpApi(r, functions))];
    }

    public IReadOnlyList<StateMachineResource> StateMachines() => [.. OfType("AWS::Serverless::StateMachine").Select(r => new StateMachineResource(r.LogicalId, r.Physical.Attributes.GetValueOrDefault("Name", r.Physical.Ref), r.Physical.Ref)
    {
        Type = Text(r, "Type") ?? "STANDARD",
        DefinitionUri = Text(r, "DefinitionUri"),
        DefinitionPath = Text(r, "DefinitionUri") is { } uri ? Path.GetFullPath(uri, baseDirectory) : null,
        Definition = r.Properties["Definition"]?.DeepClone(),
        DefinitionSubstitutions = Strings(r, r.Properties["DefinitionSubstitutions"]),
        Policies = r.Properties["Policies"]?.DeepClone(),
    })];

    public IReadOnlyList<TableResource> Tables() =>
    [
        .. OfType("AWS::DynamoDB::Table").Select(r => new TableResource(r.LogicalId, r.Physical.Ref, Attribute(r, "Arn"))
        {
            KeySchema = [.. Objects(r, "KeySchema").Select(k => new KeySchemaElement(Text(r, k, "AttributeName") ?? string.Empty, Text(r, k, "KeyType") ?? "HASH"))],
            AttributeDefinitions = [.. Objects(r, "AttributeDefinitions").Select(a => new AttributeDefinition(Text(r, a, "AttributeName") ?? string.Empty, Text(r, a, "AttributeType") ?? "S"))],
            GlobalSecondaryIndexes = r.Properties["GlobalSecondaryIndexes"]?.DeepClone() as JsonArray,
            BillingMode = Text(r, "BillingMode") ?? "PROVISIONED",
            TimeToLiveAttribute = r.Properties["TimeToLiveSpecification"] is JsonObject ttl && Bool(r, ttl, "Enabled") ? Text(r, ttl, "AttributeName") : null,
        }),
        .. OfType("AWS::Serverless::SimpleTable").Select(SimpleTable),
    ];

    public IReadOnlyList<QueueResource> Queues() => [.. OfType("AWS::SQS::Queue").Select(r =>
    {
        var redrive = r.Properties["RedrivePolicy"] switch
        {
            JsonObject o => o,
            JsonValue v when v.TryGetValue<string>(out var json) => JsonNode.Parse(json) as JsonObject,
            _ => null,
        };
        return new QueueResource(r.LogicalId, Attribute(r, "QueueName"), r.Physical.Ref, Attribute(r, "Arn"))
        {
            VisibilityTimeout = Int(r, r.Properties, "VisibilityTimeout") ?? 30,
            MessageRetentionPeriod = Int(r, r.Properties, "MessageRetentionPeriod") ?? 345600,
            FifoQueue = Bool(r, r.Properties, "FifoQueue"),
            DeadLetterTargetArn = redrive is null ? null : Text(r, redrive, "deadLetterTargetArn"),
            MaxReceiveCount = redrive is null ? null : Int(r, redrive, "maxReceiveCount"),
        };
    })];

    public IReadOnlyList<TopicResource> Topics() => [.. OfType("AWS::SNS::Topic").Select(r => new TopicResource(r.LogicalId, Attribute(r, "TopicName"), r.Physical.Ref)
    {
        Subscriptions = [.. Objects(r, "Subscription").Select(s => new TopicSubscription(Text(r, s, "Protocol") ?? string.Empty, Text(r, s, "Endpoint") ?? string.Empty))],
    })];

    public IReadOnlyList<BucketResource> Buckets() => [.. OfType("AWS::S3::Bucket").Select(r => new BucketResource(r.LogicalId, r.Physical.Ref, Attribute(r, "Arn")))];

    private IEnumerable<TemplateResource> OfType(string type) => resources.Where(r => r.Type == type);

    private FunctionResource Function(TemplateResource r)
    {
        var httpEvents = new List<HttpApiEvent>();
        var sqsEvents = new List<SqsEvent>();
        foreach (var (name, node) in r.Properties["Events"] as JsonObject ?? [])
        {
            var properties = node?["Properties"] as JsonObject ?? [];
            switch (Text(r, node as JsonObject ?? [], "Type"))
            {
                case "HttpApi":
                    var auth = properties["Auth"] as JsonObject;
                    httpEvents.Add(new HttpApiEvent(
                        name,
                        ApiLogicalId(r, properties),
                        Method(Text(r, properties, "Method")),
                        Text(r, properties, "Path") ?? "$default")
                    {
                        Authorizer = auth is null ? null : Text(r, auth, "Authorizer"),
                        AuthorizationScopes = auth is null ? [] : TextList(r, auth["AuthorizationScopes"]),
                        PayloadFormatVersion = Text(r, properties, "PayloadFormatVersion") ?? "2.0",
                    });
                    break;
                case "SQS":
                    sqsEvents.Add(new SqsEvent(name, Text(r, properties, "Queue") ?? string.Empty)
                    {
                        BatchSize = Int(r, properties, "BatchSize") ?? 10,
                        MaximumBatchingWindowInSeconds = Int(r, properties, "MaximumBatchingWindowInSeconds") ?? 0,
                        Enabled = properties["Enabled"] is null || Bool(r, properties, "Enabled"),
                        FunctionResponseTypes = TextList(r, properties["FunctionResponseTypes"]),
                    });
                    break;
            }
        }

        return new FunctionResource(r.LogicalId, r.Physical.Ref, Attribute(r, "Arn"))
        {
            CodeUri = Text(r, "CodeUri"),
            Handler = Text(r, "Handler"),
            Runtime = Text(r, "Runtime"),
            MemorySize = Int(r, r.Properties, "MemorySize") ?? 128,
            Timeout = Int(r, r.Properties, "Timeout") ?? 3,
            Architectures = r.Properties["Architectures"] is null ? ["x86_64"] : TextList(r, r.Properties["Architectures"]),
            Environment = Strings(r, r.Properties["Environment"]?["Variables"]),
            HttpApiEvents = httpEvents,
            SqsEvents = sqsEvents,
            Policies = r.Properties["Policies"]?.DeepClone(),
        };
    }

    /// <summary>The API an event attaches to: its ApiId resolves to an API's physical id, matched back to the logical one.</summary>
    private string ApiLogicalId(TemplateResource function, JsonObject properties)
    {
        if (Text(function, properties, "ApiId") is not { } apiId)
        {
            return ImplicitHttpApi;
        }

        if (resources.FirstOrDefault(r => r.Type == "AWS::Serverless::HttpApi" && r.Physical.Ref == apiId) is { } api)
        {
            return api.LogicalId;
        }

        Error(function, $"HttpApi event's ApiId '{apiId}' is not an AWS::Serverless::HttpApi of this template");
        return apiId;
    }

    private HttpApiResource HttpApi(TemplateResource r, IReadOnlyList<FunctionResource> functions)
    {
        var auth = r.Properties["Auth"] as JsonObject ?? [];
        var authorizers = new Dictionary<string, JwtAuthorizer>(StringComparer.Ordinal);
        foreach (var (name, node) in auth["Authorizers"] as JsonObject ?? [])
        {
            if (node?["JwtConfiguration"] is not JsonObject jwt)
            {
                Error(r, $"authorizer '{name}' has no JwtConfiguration; only JWT authorizers are supported locally");
                continue;
            }

            authorizers[name] = new JwtAuthorizer(
                name,
                Text(r, (JsonObject)node, "IdentitySource") ?? "$request.header.Authorization",
                Text(r, jwt, "issuer") ?? string.Empty,
                TextList(r, jwt["audience"]));
        }

        var defaultAuthorizer = Text(r, auth, "DefaultAuthorizer");
        var routes = new List<HttpApiRoute>();
        foreach (var function in functions)
        {
            foreach (var e in function.HttpApiEvents.Where(e => e.ApiLogicalId == r.LogicalId))
            {
                var authorizer = e.Authorizer ?? defaultAuthorizer;
                authorizer = authorizer == "NONE" ? null : authorizer;
                if (authorizer is not null && !authorizers.ContainsKey(authorizer))
                {
                    Error(r, $"route '{e.Method} {e.Path}' of {function.LogicalId} uses authorizer '{authorizer}', which the API does not define");
                }

                routes.Add(new HttpApiRoute(e.Path == "$default" ? "$default" : $"{e.Method} {e.Path}", function.LogicalId, function.Name)
                {
                    Authorizer = authorizer,
                    AuthorizationScopes = e.AuthorizationScopes,
                });
            }
        }

        return new HttpApiResource(r.LogicalId, r.Physical.Ref)
        {
            StageName = Text(r, "StageName") ?? "$default",
            Authorizers = authorizers,
            DefaultAuthorizer = defaultAuthorizer,
            Routes = routes,
        };
    }

    private TableResource SimpleTable(TemplateResource r)
    {
        var key = r.Properties["PrimaryKey"] as JsonObject;
        var name = key is null ? "id" : Text(r, key, "Name") ?? "id";
        var type = (key is null ? null : Text(r, key, "Type")) switch
        {
            "Number" => "N",
            "Binary" => "B",
            _ => "S",
        };
        return new TableResource(r.LogicalId, r.Physical.Ref, Attribute(r, "Arn"))
        {
            KeySchema = [new KeySchemaElement(name, "HASH")],
            AttributeDefinitions = [new AttributeDefinition(name, type)],
            BillingMode = r.Properties["ProvisionedThroughput"] is null ? "PAY_PER_REQUEST" : "PROVISIONED",
        };
    }

    /// <summary>SAM writes ANY as <c>x-amazon-apigateway-any-method</c> too; methods are upper case in route keys.</summary>
    private static string Method(string? method) =>
        method is null || method.Equals("x-amazon-apigateway-any-method", StringComparison.OrdinalIgnoreCase) ? "ANY" : method.ToUpperInvariant();

    private string Attribute(TemplateResource r, string name) => r.Physical.Attributes.GetValueOrDefault(name, r.Physical.Ref);

    private IEnumerable<JsonObject> Objects(TemplateResource r, string property) =>
        r.Properties[property] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            null => [],
            _ => Error<JsonObject[]>(r, $"'{property}' must be a list") ?? [],
        };

    private string? Text(TemplateResource r, string property) => Text(r, r.Properties, property);

    private string? Text(TemplateResource r, JsonObject obj, string property) =>
        obj[property] switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonValue v => v.ToJsonString(),
            _ => Error(r, $"'{property}' must be a single value"),
        };

    private int? Int(TemplateResource r, JsonObject obj, string property) =>
        Text(r, obj, property) switch
        {
            null => null,
            var text when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) => value,
            var text => WholeNumberError(r, property, text),
        };

    private int? WholeNumberError(TemplateResource r, string property, string text)
    {
        Error(r, $"'{property}' must be a whole number, not '{text}'");
        return null;
    }

    private bool Bool(TemplateResource r, JsonObject obj, string property) =>
        string.Equals(Text(r, obj, property), "true", StringComparison.OrdinalIgnoreCase);

    private IReadOnlyList<string> TextList(TemplateResource r, JsonNode? node) =>
        node switch
        {
            null => [],
            JsonArray array => [.. array.Select(i => i is JsonValue v ? (v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString()) : string.Empty)],
            JsonValue v when v.GetValueKind() == JsonValueKind.String => [v.GetValue<string>()],
            _ => Error<string[]>(r, "expected a list of strings") ?? [],
        };

    private Dictionary<string, string> Strings(TemplateResource r, JsonNode? node)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        // A null value is one whose evaluation already reported an error; it is left out rather than reported twice.
        foreach (var (key, value) in node as JsonObject ?? [])
        {
            switch (value)
            {
                case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                    result[key] = v.GetValue<string>();
                    break;
                case JsonValue v:
                    result[key] = v.ToJsonString();
                    break;
                case not null:
                    Error(r, $"'{key}' must be a single value");
                    break;
            }
        }

        return result;
    }

    private T? Error<T>(TemplateResource r, string message)
        where T : class
    {
        var at = positions.TryGetValue(r.LogicalId, out var node) ? node : declared[r.LogicalId].Declaration;
        errors.Add(at, $"{r.LogicalId}: {message}");
        return null;
    }

    private string? Error(TemplateResource r, string message) => Error<string>(r, message);
}
