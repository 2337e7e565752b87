namespace StepFunctions.Local;

/// <summary>One entry of an alias's routingConfiguration: a version and its weight in percent.</summary>
internal sealed record AliasRoute(string VersionArn, int Weight);
