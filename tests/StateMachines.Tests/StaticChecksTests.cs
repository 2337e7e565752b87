using System.Reflection;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Approvals;
using Asl;
using Etl.Workers;
using OrderSaga.Workers;
using Orders.Api;
using Workers.Domain;
using Workers.Lambda;
using Workers.StepFunctions;

namespace StateMachines.Tests;

public sealed class StaticChecksTests
{
    private static readonly string[] LambdaTransientErrors =
        ["Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException"];

    // Errors a direct service integration raises, named as Step Functions names them (service prefix + AWS error code).
    private static readonly HashSet<string> DirectIntegrationErrors = new(StringComparer.Ordinal) { "DynamoDB.ConditionalCheckFailedException" };

    public static TheoryData<string, StateMachineType> Machines => new()
    {
        { Definitions.OrderSaga, StateMachineType.Standard },
        { Definitions.Approval, StateMachineType.Standard },
        { Definitions.Etl, StateMachineType.Standard },
        { Definitions.Sentiment, StateMachineType.Express },
    };

    public static TheoryData<string> Files => [.. Definitions.All];

    [Theory]
    [MemberData(nameof(Machines))]
    public void AslValidator_SubstitutedDefinition_HasNoDiagnostics(string file, StateMachineType type)
    {
        var diagnostics = AslValidator.Validate(Definitions.Substituted(file), type);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task NpmAslValidator_EveryDefinition_IsValid()
    {
        var (exitCode, output) = await AslValidatorCli.ValidateAsync(Definitions.All.Select(Definitions.Path));

        Assert.True(exitCode == 0, output);
        Assert.Equal(4, output.Split('\n').Count(line => line.Contains("is valid", StringComparison.Ordinal)));
    }

    [Fact]
    public void Template_StateMachines_UseTheFourDefinitions()
    {
        var uris = SamTemplate.Instance.StateMachines().Select(m => m.DefinitionUri).Order(StringComparer.Ordinal);

        Assert.Equal(Definitions.All.Order(StringComparer.Ordinal), uris);
    }

    [Fact]
    public void DefinitionSubstitutions_EveryStateMachine_MatchPlaceholdersBothWays()
    {
        var mismatches = SamTemplate.Instance.StateMachines()
            .Where(m => !Definitions.Placeholders(m.DefinitionUri).SetEquals(m.Keys))
            .Select(m => $"{m.Id}: placeholders [{string.Join(",", Definitions.Placeholders(m.DefinitionUri).Order())}] vs keys [{string.Join(",", m.Keys.Order())}]");

        Assert.Empty(mismatches);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ErrorEquals_EveryName_IsAStatesOrLambdaErrorOrAnExceptionClass(string file)
    {
        var known = ExceptionNames();

        var unknown = StateWalker.States(file)
            .SelectMany(s => Handlers(s.State))
            .SelectMany(h => h["ErrorEquals"]!.AsArray().Select(e => e!.GetValue<string>()))
            .Where(name => !name.StartsWith("States.", StringComparison.Ordinal) && !name.StartsWith("Lambda.", StringComparison.Ordinal)
                && !known.Contains(name) && !DirectIntegrationErrors.Contains(name))
            .Distinct();

        Assert.Empty(unknown);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void LambdaTasks_Every_HasTheStandardRetrierWithJitterAndATimeout(string file)
    {
        var missing = StateWalker.States(file)
            .Where(s => StateWalker.IsLambdaTask(s.State))
            .Where(s => s.State["TimeoutSeconds"] is null
                || !s.State["Retry"]!.AsArray().Any(r =>
                    LambdaTransientErrors.All(e => r!["ErrorEquals"]!.AsArray().Any(n => n!.GetValue<string>() == e))
                    && r!["JitterStrategy"]?.GetValue<string>() == "FULL"
                    && r["MaxDelaySeconds"] is not null))
            .Select(s => s.Name);

        Assert.Empty(missing);
    }

    // A task that times out before its function does lets the function commit after the saga has compensated
    // (a charge written after RefundPayment ran as a no-op); a function Timeout below the task's rules that out.
    [Theory]
    [MemberData(nameof(Files))]
    public void LambdaTasks_Every_OutlastTheLongestFunctionTimeout(string file)
    {
        var functionTimeout = SamTemplate.Instance.LongestFunctionTimeout();

        var early = StateWalker.States(file)
            .Where(s => StateWalker.IsLambdaTask(s.State))
            .Where(s => s.State["TimeoutSeconds"]?.GetValue<int>() is not { } seconds || seconds <= functionTimeout)
            .Select(s => s.Name);

        Assert.Empty(early);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Tasks_Every_EndsItsCatchersWithStatesAll(string file)
    {
        var missing = StateWalker.States(file)
            .Where(s => s.State["Type"]?.GetValue<string>() is "Task" or "Map")
            .Where(s => s.State["Catch"]?.AsArray().LastOrDefault()?["ErrorEquals"]?.AsArray().SingleOrDefault()?.GetValue<string>() != "States.ALL")
            .Select(s => s.Name);

        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Catchers_Every_KeepsTheStateInput(string file)
    {
        var dropping = StateWalker.States(file)
            .SelectMany(s => (s.State["Catch"]?.AsArray() ?? []).Select(c => (s.Name, Catcher: c!.AsObject(), s.Jsonata)))
            .Where(c => c.Jsonata
                ? c.Catcher["Output"] is null
                : c.Catcher["ResultPath"]?.GetValue<string>() is not { } path || !path.StartsWith("$.errors.", StringComparison.Ordinal))
            .Select(c => c.Name);

        Assert.Empty(dropping);
    }

    [Fact]
    public void WorkersHandler_EveryFunction_NamesAHandlerItsExecutableRegisters()
    {
        var registered = RegisteredHandlers();

        var unresolved = SamTemplate.Instance.Functions()
            .Where(f => f.Handler is null || !registered.TryGetValue(f.CodeUri, out var names) || !names.Contains(f.Handler))
            .Select(f => $"{f.Id}: {f.CodeUri} {f.Handler}");

        Assert.Empty(unresolved);
    }

    [Fact]
    public void Template_IamActions_HaveNoWildcard()
    {
        var actions = SamTemplate.Instance.IamActions();

        Assert.NotEmpty(actions);
        Assert.DoesNotContain(actions, action => action.Contains('*', StringComparison.Ordinal));
    }

    private static IEnumerable<JsonObject> Handlers(JsonObject state) =>
        (state["Retry"]?.AsArray() ?? []).Concat(state["Catch"]?.AsArray() ?? []).Select(h => h!.AsObject());

    private static HashSet<string> ExceptionNames() =>
        [.. new[] { typeof(DomainException), typeof(SagaWorkers), typeof(OrdersApi), typeof(ApprovalsService), typeof(EtlWorkers), typeof(Workers.Idempotency.Idempotent) }
            .Select(t => t.Assembly)
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => typeof(Exception).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => t.Name)];

    private static Dictionary<string, IReadOnlyCollection<string>> RegisteredHandlers()
    {
        var credentials = new BasicAWSCredentials("dummy", "dummy");
        var dynamoDb = new AmazonDynamoDBClient(credentials, new AmazonDynamoDBConfig { ServiceURL = "http://127.0.0.1:1", AuthenticationRegion = "us-east-1" });
        var s3 = new AmazonS3Client(credentials, new AmazonS3Config { ServiceURL = "http://127.0.0.1:1", ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        var stepFunctions = new StepFunctionsClient(new StepFunctionsClientOptions { ServiceUrl = new Uri("http://127.0.0.1:1"), Region = "us-east-1", Credentials = credentials });
        var saga = new SagaSettings("inventory", "reservations", "payments", "shipments", "idempotency", new PaymentSettings(PaymentSettings.DefaultCustomerLimit, new HashSet<string>()));
        return new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal)
        {
            ["functions/OrderSaga.Workers"] = new SagaWorkers(dynamoDb, saga).Register(new LambdaApplication()).HandlerNames,
            ["functions/Orders.Api"] = new OrdersApi(dynamoDb, stepFunctions, new OrdersSettings("orders", "arn")).Register(new LambdaApplication()).HandlerNames,
            ["functions/Approvals"] = new ApprovalsService(dynamoDb, stepFunctions, new ApprovalsSettings("approvals", "idempotency")).Register(new LambdaApplication()).HandlerNames,
            ["functions/Etl.Workers"] = new EtlWorkers(dynamoDb, s3, new EtlSettings("products", "idempotency")).Register(new LambdaApplication()).HandlerNames,
        };
    }
}
