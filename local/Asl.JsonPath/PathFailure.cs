using System.Text.Json.Nodes;

namespace Asl.JsonPath;

/// <summary>Why a path step failed, in Jayway's terms.</summary>
internal enum PathFailureKind
{
    NoResults,
    MissingProperty,
    NotAnObject,
    NotAnArray,
    NullArray,
    FilterOnPrimitive,
    IndexOutOfRange,
    UnknownVariable,
}

/// <summary>Internal signal that a step in the definite part of a path did not fit; turned into AWS's message by the caller.</summary>
internal sealed class PathFailure : Exception
{
    public PathFailure()
    {
    }

    public PathFailure(string message)
        : base(message)
    {
    }

    public PathFailure(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PathFailure(PathFailureKind kind, int segmentIndex, JsonNode? model)
    {
        Kind = kind;
        SegmentIndex = segmentIndex;
        Model = model;
    }

    public PathFailureKind Kind { get; }

    public int SegmentIndex { get; }

    public JsonNode? Model { get; }
}
