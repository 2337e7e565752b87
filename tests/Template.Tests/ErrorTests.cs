namespace Template.Tests;

public sealed class ErrorTests
{
    [Fact]
    public void Parse_UnknownGetAttResource_ReportsLineAndColumn()
    {
        var errors = Templates.Errors("""
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Environment:
                    Variables:
                      QUEUE: !GetAtt Foo.Arn
            """);

        Assert.Equal(["template.yaml:7:18: !GetAtt refers to unknown resource 'Foo'"], errors);
    }

    [Fact]
    public void Parse_SeveralFaults_ReportsAllOfThemInOrder()
    {
        var errors = Templates.Errors("""
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: !Ref Missing
                  Environment:
                    Variables:
                      A: !Sub "${Nope.Arn}"
                      B: !Sub "${Gone}"
                      C: !GetAtt [Fn, Colour]
                      D: !Magic x
            """);

        Assert.Equal(
            [
                "template.yaml:5:16: !Ref refers to unknown resource or parameter 'Missing'",
                "template.yaml:8:14: !Sub refers to unknown resource 'Nope' in '${Nope.Arn}'",
                "template.yaml:9:14: !Sub refers to unknown resource or parameter 'Gone'",
                "template.yaml:10:23: !GetAtt Fn.Colour: a AWS::Serverless::Function has no attribute 'Colour' locally",
                "template.yaml:11:14: unknown tag '!Magic'",
            ],
            errors);
    }

    [Fact]
    public void Parse_CircularNamesThroughSub_ReportsTheCycle()
    {
        var errors = Templates.Errors("""
            Resources:
              First:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !Sub "${Second.QueueName}-a"
              Second:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !Sub "${First.QueueName}-b"
            """);

        Assert.Equal(["template.yaml:5:18: circular reference: Second -> First -> Second"], errors);
    }

    [Fact]
    public void Parse_UnclosedSubVariable_Reported()
    {
        var errors = Templates.Errors(Templates.WithOutput("!Sub 'arn:${AWS::Region'"));

        Assert.Equal(["template.yaml:27:12: !Sub string has a '${' that is never closed: 'arn:${AWS::Region'"], errors);
    }

    [Fact]
    public void Parse_FindInMapMissingKey_Reported()
    {
        var errors = Templates.Errors(Templates.WithOutput("!FindInMap [StageConfig, test, Memory]"));

        Assert.Equal(["template.yaml:27:37: !FindInMap: mapping 'StageConfig' has no key 'test'"], errors);
    }

    [Fact]
    public void Parse_ResourceWithoutType_Reported()
    {
        var errors = Templates.Errors("""
            Resources:
              Broken:
                Properties: {}
            """);

        Assert.Equal(["template.yaml:3:5: resource 'Broken' has no Type"], errors);
    }

    [Fact]
    public void Parse_YamlSyntaxError_ReportedWithPosition()
    {
        var errors = Templates.Errors("""
            Resources:
              Jobs:
                Type: AWS::SQS::Queue
               Bad: [unclosed
            """);

        var error = Assert.Single(errors);
        Assert.StartsWith("template.yaml:4:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoResources_Reported()
    {
        var errors = Templates.Errors("Parameters: {}");

        Assert.Equal(["template.yaml:1:1: a template needs a Resources section (a mapping)"], errors);
    }

    [Fact]
    public void Parse_RouteUsingUndefinedAuthorizer_Reported()
    {
        var errors = Templates.Errors("""
            Resources:
              Api:
                Type: AWS::Serverless::HttpApi
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Events:
                    Get:
                      Type: HttpApi
                      Properties:
                        ApiId: !Ref Api
                        Method: GET
                        Path: /x
                        Auth:
                          Authorizer: Nobody
            """);

        Assert.Equal(["template.yaml:3:5: Api: route 'GET /x' of Fn uses authorizer 'Nobody', which the API does not define"], errors);
    }
}
