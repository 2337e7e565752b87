namespace Template.Tests;

public sealed class IntrinsicFunctionTests
{
    [Theory]
    [InlineData("!Ref Stage", "dev")]
    [InlineData("{ Ref: Stage }", "dev")]
    [InlineData("!Ref Orders", "orders-dev")]
    [InlineData("!Ref Jobs", "https://sqs.us-east-1.amazonaws.com/123456789012/shop-Jobs")]
    [InlineData("!Ref AWS::Region", "us-east-1")]
    [InlineData("!Ref AWS::AccountId", "123456789012")]
    [InlineData("!Ref AWS::StackName", "shop")]
    [InlineData("!Ref AWS::Partition", "aws")]
    [InlineData("!Ref AWS::URLSuffix", "amazonaws.com")]
    public void Ref_ParametersResourcesAndPseudoParameters_ResolveToLocalValues(string expression, string expected)
    {
        var value = Templates.Output(expression);

        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("!GetAtt Orders.Arn", "arn:aws:dynamodb:us-east-1:123456789012:table/orders-dev")]
    [InlineData("!GetAtt [Jobs, QueueName]", "shop-Jobs")]
    [InlineData("{ 'Fn::GetAtt': [Jobs, Arn] }", "arn:aws:sqs:us-east-1:123456789012:shop-Jobs")]
    [InlineData("!GetAtt Worker.Arn", "arn:aws:lambda:us-east-1:123456789012:function:shop-Worker")]
    [InlineData("!GetAtt WorkerRole.Arn", "arn:aws:iam::123456789012:role/shop-WorkerRole")]
    public void GetAtt_DottedAndListForms_ResolveToLocalAttributes(string expression, string expected)
    {
        var value = Templates.Output(expression);

        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("!Sub '${AWS::Region}-${Stage}'", "us-east-1-dev")]
    [InlineData("!Sub '${Orders.Arn}/index/*'", "arn:aws:dynamodb:us-east-1:123456789012:table/orders-dev/index/*")]
    [InlineData("!Sub '${Jobs}'", "https://sqs.us-east-1.amazonaws.com/123456789012/shop-Jobs")]
    [InlineData("!Sub '${!Literal} and ${Stage}'", "${Literal} and dev")]
    [InlineData("!Sub ['${Name}-${Stage}', { Name: !GetAtt Jobs.QueueName }]", "shop-Jobs-dev")]
    [InlineData("{ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::x' }", "arn:aws:s3:::x")]
    public void Sub_StringAndMapForms_Substitute(string expression, string expected)
    {
        var value = Templates.Output(expression);

        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("!Join [':', [a, !Ref Stage, c]]", "a:dev:c")]
    [InlineData("{ 'Fn::Join': ['', [x, y]] }", "xy")]
    [InlineData("!Join [',', !Ref Sizes]", "s,m,l")]
    [InlineData("!Select [1, !Ref Sizes]", "m")]
    [InlineData("{ 'Fn::Select': ['0', [first, second]] }", "first")]
    [InlineData("!Select [2, !Split ['/', 'a/b/c']]", "c")]
    [InlineData("!Join ['+', { 'Fn::Split': [',', '1,2'] }]", "1+2")]
    [InlineData("!FindInMap [StageConfig, !Ref Stage, Memory]", "256")]
    [InlineData("{ 'Fn::FindInMap': [StageConfig, prod, Memory] }", "1024")]
    [InlineData("!Select [0, !GetAZs '']", "us-east-1a")]
    [InlineData("!Base64 hi", "aGk=")]
    public void ListFunctions_JoinSelectSplitFindInMapGetAZs_Evaluate(string expression, string expected)
    {
        var value = Templates.Output(expression);

        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("!If [IsProd, big, small]", "dev", "small")]
    [InlineData("!If [IsProd, big, small]", "prod", "big")]
    [InlineData("{ 'Fn::If': [IsProd, big, small] }", "prod", "big")]
    public void If_ChoosesTheBranchOfItsCondition(string expression, string stage, string expected)
    {
        var value = Templates.Output(expression, $"Stage={stage}");

        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("!Equals [a, a]", "true")]
    [InlineData("!Not [!Equals [a, a]]", "false")]
    [InlineData("!And [!Equals [a, a], !Condition IsProd]", "false")]
    [InlineData("!Or [!Equals [a, b], !Equals [!Ref Stage, dev]]", "true")]
    [InlineData("{ 'Fn::Or': [{ Condition: IsProd }, { 'Fn::Equals': [1, 1] }] }", "true")]
    public void ConditionFunctions_InAValue_EvaluateToBooleans(string expression, string expected)
    {
        var value = Templates.Output(expression);

        Assert.Equal(expected, value);
    }

    [Fact]
    public void NoValue_InAList_DropsTheItem()
    {
        var template = Templates.Parse("""
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  Tags:
                    - !Ref AWS::NoValue
                    - Key: team
                      Value: shop
                  DelaySeconds: !Ref AWS::NoValue
            """);

        var properties = template.Resources.Single().Properties;

        Assert.Single(properties["Tags"]!.AsArray());
        Assert.False(properties.ContainsKey("DelaySeconds"));
    }

    [Fact]
    public void ImportValue_AnyUse_IsAnErrorLocally()
    {
        var errors = Templates.Errors(Templates.WithOutput("!ImportValue shared-vpc"));

        Assert.Equal(["template.yaml:27:12: !ImportValue is not supported locally: there are no other stacks to export values"], errors);
    }

    [Fact]
    public void JsonTemplate_LongForms_ResolveLikeYaml()
    {
        var template = Templates.Parse("""
            {
              "Parameters": { "Stage": { "Type": "String", "Default": "dev" } },
              "Resources": {
                "Jobs": { "Type": "AWS::SQS::Queue", "Properties": { "QueueName": { "Fn::Join": ["-", ["jobs", { "Ref": "Stage" }]] } } }
              },
              "Outputs": {
                "Arn": { "Value": { "Fn::GetAtt": ["Jobs", "Arn"] } },
                "Url": { "Value": { "Fn::Sub": "${Jobs}" } }
              }
            }
            """);

        Assert.Equal("arn:aws:sqs:us-east-1:123456789012:jobs-dev", template.Outputs["Arn"]);
        Assert.Equal("https://sqs.us-east-1.amazonaws.com/123456789012/jobs-dev", template.Outputs["Url"]);
    }

    [Fact]
    public void PhysicalResolver_Custom_SuppliesNamesAndAttributes()
    {
        var options = new TemplateOptions
        {
            PhysicalResolver = r => r.Type == "AWS::SQS::Queue"
                ? new PhysicalResource($"http://127.0.0.1:9324/000000000000/{r.LogicalId}", new Dictionary<string, string> { ["Arn"] = $"arn:aws:sqs:local:000000000000:{r.LogicalId}" })
                : LocalPhysicalNames.Resolve(r),
        };

        var template = SamTemplate.Parse(Templates.WithOutput("!Sub '${Jobs} ${Jobs.Arn}'"), options: options);

        Assert.Equal("http://127.0.0.1:9324/000000000000/Jobs arn:aws:sqs:local:000000000000:Jobs", template.Outputs["Value"]);
    }
}
