namespace Template.Tests;

public sealed class ConditionTests
{
    private const string Conditional = """
        Parameters:
          Stage:
            Type: String
            Default: dev
          EnableAudit:
            Type: String
            Default: "false"
        Conditions:
          IsProd: !Equals [!Ref Stage, prod]
          AuditOn: !Equals [!Ref EnableAudit, "true"]
          ProdOrAudit: !Or [!Condition IsProd, !Condition AuditOn]
          DevWithoutAudit: !And [!Not [!Condition IsProd], !Not [!Condition AuditOn]]
        Resources:
          Orders:
            Type: AWS::DynamoDB::Table
          AuditLog:
            Type: AWS::SQS::Queue
            Condition: ProdOrAudit
        Outputs:
          AuditQueue:
            Condition: ProdOrAudit
            Value: !Ref AuditLog
        """;

    [Fact]
    public void Parse_ConditionFalse_ResourceAndOutputLeftOut()
    {
        var template = Templates.Parse(Conditional);

        Assert.Equal(["Orders"], template.Resources.Select(r => r.LogicalId));
        Assert.Empty(template.Queues);
        Assert.False(template.Outputs.ContainsKey("AuditQueue"));
    }

    [Fact]
    public void Parse_ConditionTrue_ResourceAndOutputIncluded()
    {
        var template = Templates.Parse(Conditional, "EnableAudit=true");

        Assert.Equal(["Orders", "AuditLog"], template.Resources.Select(r => r.LogicalId));
        Assert.Equal("https://sqs.us-east-1.amazonaws.com/123456789012/shop-AuditLog", template.Outputs["AuditQueue"]);
    }

    [Fact]
    public void Parse_Conditions_EvaluatedWithAndOrNotAndConditionReferences()
    {
        var template = Templates.Parse(Conditional, "Stage=prod");

        Assert.Equal(
            new Dictionary<string, bool> { ["IsProd"] = true, ["AuditOn"] = false, ["ProdOrAudit"] = true, ["DevWithoutAudit"] = false },
            template.Conditions);
    }

    [Fact]
    public void Parse_CircularConditions_ReportsTheCycle()
    {
        var errors = Templates.Errors("""
            Conditions:
              A: !Condition B
              B: !Not [!Condition A]
            Resources:
              Topic:
                Type: AWS::SNS::Topic
            """);

        Assert.Equal(["template.yaml:3:12: circular reference: Condition A -> Condition B -> Condition A"], errors);
    }

    [Fact]
    public void Parse_UnknownConditionInIfBranchNotTaken_StillReported()
    {
        var errors = Templates.Errors(Templates.WithOutput("!If [IsProd, !If [Missing, a, b], c]"));

        Assert.Equal(["template.yaml:27:30: unknown condition 'Missing'"], errors);
    }
}
