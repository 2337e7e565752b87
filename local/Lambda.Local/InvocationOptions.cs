namespace Lambda.Local;

/// <summary>The optional parts of an Invoke request, as its headers and query string carry them.</summary>
public sealed record InvocationOptions
{
    /// <summary>The shared default: a synchronous invocation of <c>$LATEST</c> without logs.</summary>
    public static InvocationOptions Default { get; } = new();

    /// <summary><c>X-Amz-Invocation-Type</c>.</summary>
    public InvocationType InvocationType { get; init; } = InvocationType.RequestResponse;

    /// <summary>The <c>Qualifier</c> query parameter; a qualifier in the function name must agree with it.</summary>
    public string? Qualifier { get; init; }

    /// <summary><c>X-Amz-Log-Type: Tail</c>: return the last 4 KB of the invocation's log in <see cref="InvocationResult.LogResult"/>.</summary>
    public bool TailLog { get; init; }

    /// <summary>The client context as JSON (the decoded <c>X-Amz-Client-Context</c>), passed to the function.</summary>
    public string? ClientContext { get; init; }

    /// <summary>The Cognito identity as JSON, passed to the function as <c>Lambda-Runtime-Cognito-Identity</c>.</summary>
    public string? CognitoIdentity { get; init; }

    /// <summary>The X-Ray trace header to pass on; a new unsampled one is made when null.</summary>
    public string? TraceHeader { get; init; }
}
