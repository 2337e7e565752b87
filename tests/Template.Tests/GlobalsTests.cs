namespace Template.Tests;

public sealed class GlobalsTests
{
    private const string WithGlobals = """
        Globals:
          Function:
            Runtime: dotnet10
            MemorySize: 512
            Timeout: 30
            Architectures: [x86_64]
            Layers: [arn:aws:lambda:us-east-1:123456789012:layer:shared:1]
            Environment:
              Variables:
                LOG_LEVEL: INFO
                TABLE: !Ref Orders
          SimpleTable:
            SSESpecification:
              SSEEnabled: true
        Resources:
          Orders:
            Type: AWS::DynamoDB::Table
          Plain:
            Type: AWS::Serverless::Function
            Properties:
              Handler: Plain
          Tuned:
            Type: AWS::Serverless::Function
            Properties:
              Handler: Tuned
              MemorySize: 1024
              Layers: [arn:aws:lambda:us-east-1:123456789012:layer:own:2]
              Environment:
                Variables:
                  LOG_LEVEL: DEBUG
                  EXTRA: "1"
          Sessions:
            Type: AWS::Serverless::SimpleTable
        """;

    [Fact]
    public void Globals_ResourceWithoutTheProperty_TakesTheGlobal()
    {
        var plain = Templates.Parse(WithGlobals).Functions.Single(f => f.LogicalId == "Plain");

        Assert.Equal("dotnet10", plain.Runtime);
        Assert.Equal(512, plain.MemorySize);
        Assert.Equal(30, plain.Timeout);
        Assert.Equal(new Dictionary<string, string> { ["LOG_LEVEL"] = "INFO", ["TABLE"] = "shop-Orders" }, plain.Environment);
    }

    [Fact]
    public void Globals_PrimitiveInResource_OverridesTheGlobal()
    {
        var tuned = Templates.Parse(WithGlobals).Functions.Single(f => f.LogicalId == "Tuned");

        Assert.Equal(1024, tuned.MemorySize);
    }

    [Fact]
    public void Globals_EnvironmentVariables_MergedKeyByKeyResourceWinning()
    {
        var tuned = Templates.Parse(WithGlobals).Functions.Single(f => f.LogicalId == "Tuned");

        Assert.Equal(new Dictionary<string, string> { ["LOG_LEVEL"] = "DEBUG", ["TABLE"] = "shop-Orders", ["EXTRA"] = "1" }, tuned.Environment);
    }

    [Fact]
    public void Globals_Lists_GlobalItemsThenResourceItems()
    {
        var tuned = Templates.Parse(WithGlobals).Resources.Single(r => r.LogicalId == "Tuned");

        Assert.Equal(
            ["arn:aws:lambda:us-east-1:123456789012:layer:shared:1", "arn:aws:lambda:us-east-1:123456789012:layer:own:2"],
            tuned.Properties["Layers"]!.AsArray().Select(l => l!.GetValue<string>()));
    }

    [Fact]
    public void Globals_SimpleTableSection_AppliesToSimpleTables()
    {
        var sessions = Templates.Parse(WithGlobals).Resources.Single(r => r.LogicalId == "Sessions");

        Assert.True(sessions.Properties["SSESpecification"]!["SSEEnabled"]!.GetValue<bool>());
    }

    [Fact]
    public void Globals_IntrinsicInResource_ReplacesAGlobalMapWhole()
    {
        var template = Templates.Parse("""
            Globals:
              Function:
                Environment:
                  Variables:
                    A: "1"
            Conditions:
              Never: !Equals [a, b]
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Environment: !If [Never, { Variables: { B: "2" } }, { Variables: { C: "3" } }]
            """);

        Assert.Equal(new Dictionary<string, string> { ["C"] = "3" }, template.Functions.Single().Environment);
    }

    [Fact]
    public void Globals_UnknownSection_Reported()
    {
        var errors = Templates.Errors("""
            Globals:
              Queue:
                VisibilityTimeout: 60
            Resources:
              Jobs:
                Type: AWS::SQS::Queue
            """);

        Assert.Equal(["template.yaml:3:5: Globals section 'Queue' is not one SAM supports (Function, Api, HttpApi, SimpleTable, StateMachine, LayerVersion, CapacityProvider)"], errors);
    }
}
