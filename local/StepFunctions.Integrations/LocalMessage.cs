namespace StepFunctions.Integrations;

/// <summary>A message received from a <see cref="LocalQueue"/>; delete it with its receipt handle once processed.</summary>
public sealed record LocalMessage(
    string MessageId,
    string ReceiptHandle,
    string Body,
    string MD5OfBody,
    int ReceiveCount,
    IReadOnlyDictionary<string, string> Attributes);
