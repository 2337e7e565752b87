using System.Globalization;
using System.Text;

namespace Asl.JsonPath;

/// <summary>What one step of a compiled path selects.</summary>
internal enum SegmentKind
{
    Property,
    Properties,
    Index,
    Indexes,
    Wildcard,
    Slice,
    Filter,
}

/// <summary>One compiled step of a path (a Jayway path token); <see cref="IsScan"/> applies it at every depth (<c>..</c>).</summary>
internal sealed class PathSegment
{
    private PathSegment(SegmentKind kind, bool isScan)
    {
        Kind = kind;
        IsScan = isScan;
    }

    public SegmentKind Kind { get; }

    public bool IsScan { get; }

    public string Name { get; private init; } = string.Empty;

    public string[] Names { get; private init; } = [];

    public int Index { get; private init; }

    public int[] Indexes { get; private init; } = [];

    public int? SliceFrom { get; private init; }

    public int? SliceTo { get; private init; }

    public FilterExpression? Filter { get; private init; }

    /// <summary>Selects at most one value (Jayway's definite token; a multi-property leaf merges into one object).</summary>
    public bool IsDefiniteToken(bool isLeaf) =>
        !IsScan && (Kind is SegmentKind.Property or SegmentKind.Index || (Kind == SegmentKind.Properties && isLeaf));

    public static PathSegment Property(string name, bool scan) => new(SegmentKind.Property, scan) { Name = name };

    public static PathSegment Properties(string[] names, bool scan) => new(SegmentKind.Properties, scan) { Names = names };

    public static PathSegment ArrayIndex(int index, bool scan) => new(SegmentKind.Index, scan) { Index = index };

    public static PathSegment ArrayIndexes(int[] indexes, bool scan) => new(SegmentKind.Indexes, scan) { Indexes = indexes };

    public static PathSegment AnyChild(bool scan) => new(SegmentKind.Wildcard, scan);

    public static PathSegment ArraySlice(int? from, int? to, bool scan) => new(SegmentKind.Slice, scan) { SliceFrom = from, SliceTo = to };

    public static PathSegment Filtered(FilterExpression filter, bool scan) => new(SegmentKind.Filter, scan) { Filter = filter };

    /// <summary>Appends the segment as Jayway prints it in messages: <c>['a']</c>, <c>[0]</c>, <c>..['a']</c>, <c>[?]</c>.</summary>
    public void AppendFragment(StringBuilder builder)
    {
        if (IsScan)
        {
            builder.Append("..");
        }

        switch (Kind)
        {
            case SegmentKind.Property:
                builder.Append("['").Append(Name).Append("']");
                break;
            case SegmentKind.Properties:
                builder.Append('[');
                for (var i = 0; i < Names.Length; i++)
                {
                    builder.Append(i == 0 ? "'" : ",'").Append(Names[i]).Append('\'');
                }

                builder.Append(']');
                break;
            case SegmentKind.Index:
                builder.Append('[').Append(Index.ToString(CultureInfo.InvariantCulture)).Append(']');
                break;
            case SegmentKind.Indexes:
                builder.Append('[').AppendJoin(',', Indexes).Append(']');
                break;
            case SegmentKind.Wildcard:
                builder.Append("[*]");
                break;
            case SegmentKind.Slice:
                builder.Append('[')
                    .Append(SliceFrom?.ToString(CultureInfo.InvariantCulture))
                    .Append(':')
                    .Append(SliceTo?.ToString(CultureInfo.InvariantCulture))
                    .Append(']');
                break;
            default:
                builder.Append("[?]");
                break;
        }
    }

    /// <summary>The effective [start, end) of a slice over an array of <paramref name="count"/> items.</summary>
    public (int Start, int End) SliceBounds(int count)
    {
        var start = SliceFrom ?? 0;
        var end = SliceTo ?? count;
        if (start < 0)
        {
            start = Math.Max(0, count + start);
        }

        if (end < 0)
        {
            end = count + end;
        }

        return (Math.Min(start, count), Math.Clamp(end, 0, count));
    }
}
