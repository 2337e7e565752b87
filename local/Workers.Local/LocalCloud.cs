using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using HttpApi;
using Lambda.Local;
using StandIns;
using StepFunctions.Integrations;
using StepFunctions.Local;
using Template;

namespace Workers.Local;

/// <summary>
/// The whole backend of a template on loopback: dynalite and s3rver with the tables, buckets and demo data; the
/// queues and topics in an in-process broker; every function as a real process behind the Lambda emulator with SQS
/// event source mappings; the Step Functions API with the state machines registered and their tasks wired to those
/// services; the HTTP API with its JWT authorizer against the local issuer. Disposing stops all of it, child
/// processes included, in reverse order of start.
/// </summary>
internal sealed class LocalCloud : IAsyncDisposable
{
    private readonly Stack<Func<ValueTask>> _stops = new();

    private LocalCloud()
    {
    }

    /// <summary>Each endpoint by what it serves, in the order they are printed.</summary>
    public List<(string Name, string Url)> Endpoints { get; } = [];

    /// <summary>Starts every part; on a failure stops what already started and rethrows.</summary>
    public static async Task<LocalCloud> StartAsync(LocalSettings settings, SamTemplate template, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(template);
        EnsurePortFree(settings.ApiPort, "--api-port");
        EnsurePortFree(settings.SfnPort, "--sfn-port");
        var cloud = new LocalCloud();
        try
        {
            await cloud.StartPartsAsync(settings, template, log, cancellationToken).ConfigureAwait(false);
            return cloud;
        }
        catch
        {
            await cloud.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (_stops.TryPop(out var stop))
        {
            await stop().ConfigureAwait(false);
        }
    }

    private async Task StartPartsAsync(LocalSettings settings, SamTemplate template, TextWriter log, CancellationToken cancellationToken)
    {
        var root = settings.RootDirectory;
        var data = settings.DataDirectory is { } dir ? Path.GetFullPath(dir) : null;
        var builds = FunctionBuilds.BuildAsync(template.Functions, root, log, cancellationToken);
        var dynaliteStart = DynaliteServer.StartAsync(data is null ? null : Path.Combine(data, "dynamodb"), root, cancellationToken);
        var s3rverStart = S3rverServer.StartAsync(data is null ? null : Path.Combine(data, "s3"), root, cancellationToken);
        try
        {
            await Task.WhenAll(builds, dynaliteStart, s3rverStart).ConfigureAwait(false);
        }
        finally
        {
            await KeepAsync(dynaliteStart).ConfigureAwait(false);
            await KeepAsync(s3rverStart).ConfigureAwait(false);
        }

        var dynalite = await dynaliteStart.ConfigureAwait(false);
        var s3rver = await s3rverStart.ConfigureAwait(false);
        var assemblies = await builds.ConfigureAwait(false);
        Endpoints.Add(("DynamoDB (dynalite)", dynalite.Endpoint.ToString().TrimEnd('/')));
        Endpoints.Add(("S3 (s3rver)", s3rver.Endpoint.ToString().TrimEnd('/')));
        await Task.WhenAll(
            LocalStorage.CreateTablesAsync(dynalite.Endpoint, template.Tables, cancellationToken),
            LocalStorage.CreateBucketsAsync(s3rver.Endpoint, template.Buckets, cancellationToken)).ConfigureAwait(false);

        var broker = new LocalMessageBroker();
        CreateQueues(broker, template.Queues);
        foreach (var topic in template.Topics)
        {
            broker.CreateTopic(topic.TopicName);
        }

        var sfnEndpoint = new Uri($"http://127.0.0.1:{settings.SfnPort}");
        var lambda = new LambdaEmulator(new LambdaEmulatorOptions { AccessKeyId = LocalStorage.AccessKey, SecretAccessKey = LocalStorage.AccessKey });
        _stops.Push(lambda.DisposeAsync);
        await lambda.StartAsync(cancellationToken).ConfigureAwait(false);
        var functionEndpoints = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_ENDPOINT_URL_DYNAMODB"] = dynalite.Endpoint.ToString().TrimEnd('/'),
            ["AWS_ENDPOINT_URL_S3"] = s3rver.Endpoint.ToString().TrimEnd('/'),
            ["AWS_ENDPOINT_URL_SFN"] = sfnEndpoint.ToString().TrimEnd('/'),
            ["AWS_ENDPOINT_URL_LAMBDA"] = lambda.InvokeEndpoint.ToString().TrimEnd('/'),
        };
        foreach (var function in template.Functions)
        {
            lambda.Register(FunctionBuilds.Definition(function, assemblies[function.LogicalId], functionEndpoints));
        }

        Endpoints.Add(("Lambda Invoke API", lambda.InvokeEndpoint.ToString().TrimEnd('/')));

        var fromEnvironment = IntegrationOptions.FromEnvironment();
        var integrations = new ServiceIntegrations(
            fromEnvironment with
            {
                LambdaEndpoint = lambda.InvokeEndpoint,
                DynamoDbEndpoint = dynalite.Endpoint,
                S3Endpoint = s3rver.Endpoint,
                SqsEndpoint = null,
                SnsEndpoint = null,
                StepFunctionsEndpoint = sfnEndpoint,
                SyncPollInterval = TimeSpan.FromMilliseconds(100),
                AccessKeyId = LocalStorage.AccessKey,
                SecretAccessKey = LocalStorage.AccessKey,
            },
            broker: broker);
        _stops.Push(() =>
        {
            integrations.Dispose();
            return ValueTask.CompletedTask;
        });
        if (fromEnvironment.BedrockEndpoint is null)
        {
            integrations.Registry.Register("arn:aws:states:::bedrock:invokeModel", new LocalSentimentModel());
        }

        var serverOptions = StepFunctionsServerOptions.FromEnvironment() with
        {
            Port = settings.SfnPort,
            TaskHandler = integrations,
            ItemReader = integrations.ItemReader,
            ResultWriter = integrations.ResultWriter,
            DataDirectory = data,
        };
        var stepFunctions = await StepFunctionsServer.StartAsync(serverOptions, cancellationToken).ConfigureAwait(false);
        _stops.Push(stepFunctions.DisposeAsync);
        await RegisterStateMachinesAsync(stepFunctions.Api, template.StateMachines, cancellationToken).ConfigureAwait(false);
        Endpoints.Add(("Step Functions API", sfnEndpoint.ToString().TrimEnd('/')));

        foreach (var function in template.Functions)
        {
            foreach (var source in function.SqsEvents.Where(s => s.Enabled))
            {
                var queue = broker.FindQueue(source.QueueArn)
                    ?? throw new LocalCloudException($"{function.LogicalId}: event {source.Name} reads queue {source.QueueArn}, which the template does not declare.");
                var mapping = new SqsEventSourceMapping(queue, source, function.Name, lambda, serverOptions.Region);
                _stops.Push(mapping.DisposeAsync);
            }
        }

        foreach (var api in template.HttpApis)
        {
            var issuer = settings.LoadIssuer();
            var gateway = new HttpApiGateway(HttpApiGatewayOptions.FromTemplate(api, InvokeAsync) with { Port = settings.ApiPort, Issuers = [issuer] });
            _stops.Push(gateway.DisposeAsync);
            await gateway.StartAsync(cancellationToken).ConfigureAwait(false);
            Endpoints.Add(($"HTTP API {api.LogicalId}", gateway.BaseAddress.ToString().TrimEnd('/')));
            Endpoints.Add(("JWT issuer (token verb)", issuer.IssuerUrl));
        }

        async Task<InvokeResult> InvokeAsync(string function, ReadOnlyMemory<byte> payload, CancellationToken token)
        {
            var result = await lambda.InvokeAsync(function, payload, cancellationToken: token).ConfigureAwait(false);
            return new InvokeResult(result.Payload, result.FunctionError is not null);
        }

        async Task KeepAsync<T>(Task<T> start)
            where T : IAsyncDisposable
        {
            try
            {
                _stops.Push((await start.ConfigureAwait(false)).DisposeAsync);
            }
            catch (Exception e) when (e is StandInException or IOException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // The failure itself surfaces from Task.WhenAll above; only started parts need stopping.
            }
        }
    }

    /// <summary>Dead-letter queues first, so a queue's redrive target exists when the queue is created.</summary>
    private static void CreateQueues(LocalMessageBroker broker, IReadOnlyList<QueueResource> queues)
    {
        var pending = queues.ToList();
        while (pending.Count > 0)
        {
            var ready = pending.Where(q => q.DeadLetterTargetArn is null || broker.FindQueue(q.DeadLetterTargetArn) is not null).ToList();
            if (ready.Count == 0)
            {
                throw new LocalCloudException($"queue {pending[0].LogicalId} redrives to {pending[0].DeadLetterTargetArn}, which the template does not declare.");
            }

            foreach (var queue in ready)
            {
                var deadLetter = queue.DeadLetterTargetArn is { } target ? broker.FindQueue(target) : null;
                broker.CreateQueue(queue.QueueName, TimeSpan.FromSeconds(queue.VisibilityTimeout), deadLetter, deadLetter is null ? 0 : queue.MaxReceiveCount ?? 0);
                pending.Remove(queue);
            }
        }
    }

    private static async Task RegisterStateMachinesAsync(StepFunctionsApi api, IReadOnlyList<StateMachineResource> machines, CancellationToken cancellationToken)
    {
        foreach (var machine in machines)
        {
            var definition = machine.Definition?.ToJsonString()
                ?? (machine.DefinitionPath is { } path ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : null)
                ?? throw new LocalCloudException($"{machine.LogicalId} has neither DefinitionUri nor Definition.");
            foreach (var (key, value) in machine.DefinitionSubstitutions)
            {
                definition = definition.Replace("${" + key + "}", value, StringComparison.Ordinal);
            }

            var request = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
            {
                ["name"] = machine.Name,
                ["definition"] = definition,
                ["roleArn"] = $"arn:aws:iam::{api.Options.AccountId}:role/{machine.Name}-role",
                ["type"] = machine.Type,
            });
            var response = await api.InvokeAsync("AWSStepFunctions.CreateStateMachine", request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == 400 && Encoding.UTF8.GetString(response.Body.Span).Contains("StateMachineAlreadyExists", StringComparison.Ordinal))
            {
                // Kept from an earlier run with --data, and the template has changed since: the template wins.
                var update = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
                {
                    ["stateMachineArn"] = $"arn:aws:states:{api.Options.Region}:{api.Options.AccountId}:stateMachine:{machine.Name}",
                    ["definition"] = definition,
                });
                response = await api.InvokeAsync("AWSStepFunctions.UpdateStateMachine", update, cancellationToken).ConfigureAwait(false);
            }

            if (response.StatusCode != 200)
            {
                throw new LocalCloudException($"{machine.LogicalId} ({machine.DefinitionUri}): {Encoding.UTF8.GetString(response.Body.Span)}");
            }
        }
    }

    private static void EnsurePortFree(int port, string option)
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
        }
        catch (SocketException)
        {
            throw new LocalCloudException($"port {port} on 127.0.0.1 is in use; stop what holds it or pass {option} with a free port.");
        }
    }
}
