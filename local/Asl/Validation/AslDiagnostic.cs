namespace Asl;

/// <summary>
/// One problem found in a definition, as AWS words it: <c>MISSING_TRANSITION_TARGET: Missing 'Next' target: B at /States/A/Next</c>.
/// </summary>
/// <param name="Code">AWS's diagnostic code, e.g. SCHEMA_VALIDATION_FAILED.</param>
/// <param name="Message">The human-readable part.</param>
/// <param name="Location">
/// A JSON pointer into the definition, e.g. <c>/States/A/Next</c>, with array items as <c>Choices[0]</c>; null where
/// AWS gives none (MISSING_END_STATE, an empty definition).
/// </param>
public sealed record AslDiagnostic(string Code, string Message, string? Location)
{
    /// <inheritdoc/>
    /// <remarks>AWS's CreateStateMachine renders a missing location as the word <c>null</c>.</remarks>
    public override string ToString() => $"{Code}: {Message} at {Location ?? "null"}";
}
