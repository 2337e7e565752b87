using Asl;

namespace Asl.Tests.Validation;

public sealed class JsonSyntaxTests
{
    [Fact]
    public void Validate_NotJson_ReportsJacksonStyleUnrecognizedToken()
    {
        var diagnostics = AslValidator.Validate("not a definition", StateMachineType.Standard);

        const string location = "[Source: (String)\"not a definition\"; line: 1, column: 4]";
        Assert.Equal(
            [
                new AslDiagnostic(
                    "INVALID_JSON_DESCRIPTION",
                    "Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at " + location,
                    location),
            ],
            diagnostics);
    }

    [Fact]
    public void Validate_SingleQuotedFieldName_ReportsDoubleQuoteExpected()
    {
        var diagnostics = AslValidator.Validate("{'StartAt': 'A'}", StateMachineType.Standard);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("INVALID_JSON_DESCRIPTION", diagnostic.Code);
        Assert.StartsWith("Unexpected character (''' (code 39)): was expecting double-quote to start field name\n at ", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("[Source: (String)\"{'StartAt': 'A'}\"; line: 1, column: 3]", diagnostic.Location);
    }

    [Fact]
    public void Validate_UnclosedObject_ReportsEndOfInput()
    {
        var diagnostics = AslValidator.Validate("{\"StartAt\": \"A\"", StateMachineType.Standard);

        var diagnostic = Assert.Single(diagnostics);
        Assert.StartsWith(
            "Unexpected end-of-input: expected close marker for Object (start marker at [Source: (String)\"{\"StartAt\": \"A\"\"; line: 1, column: 1])",
            diagnostic.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingComma_ReportsCommaExpectedOnItsLine()
    {
        var diagnostics = AslValidator.Validate("{\n\"StartAt\": \"A\"\n\"States\": {}}", StateMachineType.Standard);

        var diagnostic = Assert.Single(diagnostics);
        Assert.StartsWith("Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries", diagnostic.Message, StringComparison.Ordinal);
        Assert.EndsWith("line: 3, column: 2]", diagnostic.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TrailingContentAfterDefinition_IsIgnoredLikeAws()
    {
        var diagnostics = AslValidator.Validate("""{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}} trailing""", StateMachineType.Standard);

        Assert.Empty(diagnostics);
    }
}
