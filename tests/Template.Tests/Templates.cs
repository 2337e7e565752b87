namespace Template.Tests;

/// <summary>Parses inline test templates and reads the errors of one that does not resolve.</summary>
internal static class Templates
{
    public static SamTemplate Parse(string yaml, params string[] overrides) =>
        SamTemplate.Parse(yaml, "template.yaml", new TemplateOptions { ParameterOverrides = ParameterOverrides.Parse(overrides), StackName = "shop" }, "/srv/app");

    public static IReadOnlyList<string> Errors(string yaml, params string[] overrides) =>
        Assert.Throws<TemplateException>(() => Parse(yaml, overrides)).Errors.Select(e => e.ToString()).ToList();

    /// <summary>A template whose one output is <paramref name="value"/>, beside a queue, a table and a function to refer to.</summary>
    public static string WithOutput(string value) => $$"""
        Parameters:
          Stage:
            Type: String
            Default: dev
          Sizes:
            Type: CommaDelimitedList
            Default: "s,m,l"
        Conditions:
          IsProd: !Equals [!Ref Stage, prod]
        Mappings:
          StageConfig:
            dev:
              Memory: 256
            prod:
              Memory: 1024
        Resources:
          Orders:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: !Sub orders-${Stage}
          Jobs:
            Type: AWS::SQS::Queue
          Worker:
            Type: AWS::Serverless::Function
        Outputs:
          Value:
            Value: {{value}}
        """;

    public static string Output(string value, params string[] overrides) => Parse(WithOutput(value), overrides).Outputs["Value"];
}
