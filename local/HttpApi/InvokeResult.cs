namespace HttpApi;

/// <summary>
/// What a Lambda invocation returned: the response document, and whether it is a function error
/// (Lambda's <c>X-Amz-Function-Error</c>). From Lambda.Local: <c>new InvokeResult(r.Payload, r.FunctionError is not null)</c>.
/// </summary>
public sealed record InvokeResult(ReadOnlyMemory<byte> Payload, bool FunctionError);
