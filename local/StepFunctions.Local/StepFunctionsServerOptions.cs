using System.Globalization;
using Asl;

namespace StepFunctions.Local;

/// <summary>
/// How the server is configured: Step Functions Local's settings (account, region, WAIT_TIME_SCALE, SFN_MOCK_CONFIG,
/// the service endpoints) plus the pieces the host wires in (task handler, Distributed Map reader and writer, clock).
/// </summary>
public sealed record StepFunctionsServerOptions
{
    /// <summary>Step Functions Local's port.</summary>
    public const int DefaultPort = 8083;

    /// <summary>The loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>AWS_ACCOUNT_ID (default 123456789012).</summary>
    public string AccountId { get; init; } = "123456789012";

    /// <summary>AWS_DEFAULT_REGION (default us-east-1).</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>The engine's clock; a real clock scaled by WAIT_TIME_SCALE unless a test passes a virtual one.</summary>
    public IClock Clock { get; init; } = RealClock.FromEnvironment();

    /// <summary>Runs Task states that no MockConfigFile test case answers (the service integrations).</summary>
    public ITaskHandler TaskHandler { get; init; } = new TaskHandlerRegistry();

    /// <summary>Reads Distributed Map items (ItemReader).</summary>
    public IItemReader? ItemReader { get; init; }

    /// <summary>Writes Distributed Map results (ResultWriter).</summary>
    public IResultWriter? ResultWriter { get; init; }

    /// <summary>
    /// Where state machines and STANDARD executions are kept (<c>--data DIR</c>, under <c>DIR/stepfunctions</c>) so they
    /// survive a restart; null keeps everything in memory.
    /// </summary>
    public string? DataDirectory { get; init; }

    /// <summary>The MockConfigFile.json path (SFN_MOCK_CONFIG); null for none.</summary>
    public string? MockConfigPath { get; init; }

    /// <summary>The service endpoints Step Functions Local reads (LAMBDA_ENDPOINT, SQS_ENDPOINT, ...), for the integrations.</summary>
    public IReadOnlyDictionary<string, string> ServiceEndpoints { get; init; } = new Dictionary<string, string>();

    /// <summary>The endpoint variable names Step Functions Local documents.</summary>
    public static IReadOnlyList<string> EndpointVariables { get; } =
    [
        "LAMBDA_ENDPOINT", "SQS_ENDPOINT", "SNS_ENDPOINT", "DYNAMODB_ENDPOINT", "STEP_FUNCTIONS_ENDPOINT",
        "BATCH_ENDPOINT", "ECS_ENDPOINT", "GLUE_ENDPOINT", "SAGE_MAKER_ENDPOINT",
    ];

    /// <summary>
    /// Reads Step Functions Local's environment variables: AWS_ACCOUNT_ID, AWS_DEFAULT_REGION, WAIT_TIME_SCALE, the
    /// endpoint variables, and SFN_MOCK_CONFIG (else <c>MockConfigFile.json</c> in the working directory, if present).
    /// </summary>
    public static StepFunctionsServerOptions FromEnvironment(Func<string, string?>? variables = null)
    {
        variables ??= Environment.GetEnvironmentVariable;
        var defaults = new StepFunctionsServerOptions();
        var mockPath = NonEmpty(variables("SFN_MOCK_CONFIG"));
        if (mockPath is null && File.Exists("MockConfigFile.json"))
        {
            mockPath = Path.GetFullPath("MockConfigFile.json");
        }

        var scale = variables("WAIT_TIME_SCALE");
        return defaults with
        {
            AccountId = NonEmpty(variables("AWS_ACCOUNT_ID")) ?? defaults.AccountId,
            Region = NonEmpty(variables("AWS_DEFAULT_REGION")) ?? defaults.Region,
            Clock = double.TryParse(scale, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) && factor >= 0 ? new RealClock(factor) : new RealClock(),
            MockConfigPath = mockPath,
            ServiceEndpoints = EndpointVariables
                .Select(name => (name, value: NonEmpty(variables(name))))
                .Where(pair => pair.value is not null)
                .ToDictionary(pair => pair.name, pair => pair.value!, StringComparer.Ordinal),
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
