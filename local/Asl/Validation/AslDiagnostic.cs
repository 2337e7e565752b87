namespace Asl;

/// <summary>
/// One problem found in a definition, as AWS words it: <c>MISSING_TRANSITION_TARGET: Missing 'Next' target: B at /States/A/Next</c>.
/// </summary>
/// <param name="Code">AWS's diagnostic code, e.g. SCHEMA_VALIDATION_FAILED.</param>
/// <param name="Message">The human-readable part.</param>
/// <param name="Location">A JSON pointer into the definition, e.g. <c>/States/A/Next</c>.</param>
public sealed record AslDiagnostic(string Code, string Message, string Location)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Code}: {Message} at {Location}";
}
