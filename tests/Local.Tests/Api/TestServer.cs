using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Asl;
using StepFunctions.Local;

namespace Local.Tests.Api;

/// <summary>
/// A real server on a free loopback port, configured like Step Functions Local from the given environment, with
/// Wait states instant (WAIT_TIME_SCALE 0) and one in-process callback task whose tokens the test can take.
/// Arrange steps go through the same API in-process; the act under test goes through a real client.
/// </summary>
internal sealed class TestServer : IAsyncDisposable
{
    /// <summary>A <c>.waitForTaskToken</c> resource answered by the in-process handler: it only hands out the token.</summary>
    public const string CallbackResource = "arn:aws:states:::sqs:sendMessage.waitForTaskToken";

    public const string RoleArn = "arn:aws:iam::123456789012:role/StepFunctionsLocal";

    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(60);

    private readonly Channel<string> _tokens;

    private TestServer(StepFunctionsServer server, Channel<string> tokens)
    {
        Server = server;
        _tokens = tokens;
    }

    public StepFunctionsServer Server { get; }

    public string Endpoint => Server.Endpoint.ToString().TrimEnd('/');

    public static async Task<TestServer> StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var tokens = Channel.CreateUnbounded<string>();
        var handlers = new TaskHandlerRegistry().Register(CallbackResource, invocation =>
        {
            tokens.Writer.TryWrite(invocation.TaskToken!);
            return null;
        });
        var options = StepFunctionsServerOptions.FromEnvironment(name => environment?.GetValueOrDefault(name)) with
        {
            Port = 0,
            Clock = new RealClock(0),
            TaskHandler = handlers,
        };
        return new TestServer(await StepFunctionsServer.StartAsync(options), tokens);
    }

    /// <summary>The token of the next callback task to start.</summary>
    public async Task<string> NextTaskTokenAsync() => await _tokens.Reader.ReadAsync().AsTask().WaitAsync(SafetyNet);

    /// <summary>Calls an operation in-process and returns its result; an error fails the arrange step loudly.</summary>
    public async Task<JsonObject> CallAsync(string operation, JsonObject request)
    {
        var response = await Server.Api.InvokeAsync("AWSStepFunctions." + operation, Encoding.UTF8.GetBytes(request.ToJsonString()));
        var body = JsonNode.Parse(response.Body.Span)!.AsObject();
        return response.StatusCode == 200 ? body : throw new InvalidOperationException($"{operation} failed: {body.ToJsonString()}");
    }

    public async Task<string> CreateStateMachineAsync(string name, string definition, string type = "STANDARD") =>
        (string)(await CallAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = name,
            ["definition"] = definition,
            ["roleArn"] = RoleArn,
            ["type"] = type,
        }))["stateMachineArn"]!;

    public async Task<string> StartExecutionAsync(string stateMachineArn, string name, string input = "{}") =>
        (string)(await CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = stateMachineArn, ["name"] = name, ["input"] = input }))["executionArn"]!;

    /// <summary>The execution once it has ended.</summary>
    public async Task<Execution> CompletedAsync(string executionArn)
    {
        var execution = Server.Api.Engine.FindExecution(executionArn) ?? throw new InvalidOperationException($"No execution {executionArn}");
        await execution.Completion.WaitAsync(SafetyNet);
        return execution;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
