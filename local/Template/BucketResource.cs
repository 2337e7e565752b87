namespace Template;

/// <summary>An <c>AWS::S3::Bucket</c>.</summary>
public sealed record BucketResource(string LogicalId, string BucketName, string Arn);
