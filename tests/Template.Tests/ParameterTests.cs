namespace Template.Tests;

public sealed class ParameterTests
{
    private const string Declarations = """
        Parameters:
          Stage:
            Type: String
            Default: dev
            AllowedValues: [dev, prod]
          Threshold:
            Type: Number
            Default: 1000
            MinValue: 0
          Audiences:
            Type: CommaDelimitedList
            Default: "web, mobile"
          Issuer:
            Type: String
            AllowedPattern: "https?://.+"
        Resources:
          Topic:
            Type: AWS::SNS::Topic
        """;

    [Fact]
    public void Parse_Defaults_AppliedWhereNoOverride()
    {
        var template = Templates.Parse(Declarations, "Issuer=https://id.example.com");

        Assert.Equal("dev", template.Parameters["Stage"]);
        Assert.Equal("1000", template.Parameters["Threshold"]);
        Assert.Equal("web,mobile", template.Parameters["Audiences"]);
    }

    [Fact]
    public void Parse_Overrides_WinOverDefaults()
    {
        var template = Templates.Parse(Declarations, "Stage=prod Threshold=5", "ParameterKey=Issuer,ParameterValue=http://127.0.0.1:3000/_local/issuer");

        Assert.Equal("prod", template.Parameters["Stage"]);
        Assert.Equal("5", template.Parameters["Threshold"]);
        Assert.Equal("http://127.0.0.1:3000/_local/issuer", template.Parameters["Issuer"]);
    }

    [Fact]
    public void Parse_RequiredParameterMissing_ReportsIt()
    {
        var errors = Templates.Errors(Declarations);

        Assert.Equal(["template.yaml:14:5: parameter 'Issuer' has no Default and no value was given (--parameter-overrides Issuer=...)"], errors);
    }

    [Fact]
    public void Parse_BadValues_ReportsEveryOneAtOnce()
    {
        var errors = Templates.Errors(Declarations, "Stage=test", "Threshold=many", "Issuer=ftp://x", "Unknown=1");

        Assert.Equal(
            [
                "template.yaml:2:3: parameter override 'Unknown' names no parameter of the template",
                "template.yaml:3:5: parameter 'Stage' must be one of [dev, prod], not 'test'",
                "template.yaml:7:5: parameter 'Threshold' must be a number, not 'many'",
                "template.yaml:14:5: parameter 'Issuer' must match pattern https?://.+, not 'ftp://x'",
            ],
            errors);
    }

    [Fact]
    public void Parse_NumberBelowMinValue_ReportsIt()
    {
        var errors = Templates.Errors(Declarations, "Threshold=-1", "Issuer=https://x");

        Assert.Equal(["template.yaml:7:5: parameter 'Threshold' must be at least 0, not '-1'"], errors);
    }

    [Theory]
    [InlineData("Stage=dev Count=3", "Stage", "dev")]
    [InlineData("Stage=dev Count=3", "Count", "3")]
    [InlineData("Name=\"two words\" Other=x", "Name", "two words")]
    [InlineData("Url=https://a.example.com/p?q=1", "Url", "https://a.example.com/p?q=1")]
    [InlineData("ParameterKey=Stage,ParameterValue=prod", "Stage", "prod")]
    [InlineData("List=a,b,c", "List", "a,b,c")]
    [InlineData("Escaped=a\\ b", "Escaped", "a b")]
    public void ParameterOverrides_SamCliForms_ParseToKeyAndValue(string text, string key, string expected)
    {
        var overrides = ParameterOverrides.Parse(text);

        Assert.Equal(expected, overrides[key]);
    }

    [Fact]
    public void ParameterOverrides_SeveralArguments_LaterKeyWins()
    {
        var overrides = ParameterOverrides.Parse("Stage=dev", "Stage=prod", "Other=1");

        Assert.Equal(new Dictionary<string, string> { ["Stage"] = "prod", ["Other"] = "1" }, overrides);
    }

    [Theory]
    [InlineData("novalue")]
    [InlineData("=x")]
    [InlineData("Key=\"unclosed")]
    public void ParameterOverrides_Malformed_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => ParameterOverrides.Parse(text));
    }
}
