using System.Text.RegularExpressions;

namespace Lambda.Local;

/// <summary>
/// A parsed <c>FunctionName</c> of the Invoke API: a name, a partial ARN (<c>123456789012:function:name</c>) or a full
/// ARN, each with an optional <c>:qualifier</c>.
/// </summary>
internal sealed partial record FunctionReference(string Name, string? Qualifier, string? Region, string? AccountId)
{
    public static FunctionReference Parse(string functionName)
    {
        var match = Pattern().Match(functionName);
        if (!match.Success)
        {
            throw LambdaServiceException.Validation(
                $"1 validation error detected: Value '{functionName}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: {Pattern()}");
        }

        return new FunctionReference(
            match.Groups["name"].Value,
            NullIfEmpty(match.Groups["qualifier"].Value),
            NullIfEmpty(match.Groups["region"].Value),
            NullIfEmpty(match.Groups["account"].Value));
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    // The FunctionName pattern of the Lambda API model, with named groups.
    [GeneratedRegex(@"^(arn:aws[a-zA-Z-]*:lambda:(?<region>[a-z]{2}(-gov)?-[a-z]+-\d{1}):)?((?<account>\d{12}):)?(function:)?(?<name>[a-zA-Z0-9-_\.]+)(:(?<qualifier>\$LATEST|[a-zA-Z0-9-_]+))?$")]
    private static partial Regex Pattern();
}
