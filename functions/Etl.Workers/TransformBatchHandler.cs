using System.Globalization;
using System.Text.RegularExpressions;
using Workers.Lambda;

namespace Etl.Workers;

/// <summary>
/// The ETL child's TransformBatch state: validates and normalizes each CSV row of a batch (trimmed text, upper-case
/// product id, prices with at most two decimals) and counts what it rejects. Pure, so it needs no idempotency.
/// Throws <see cref="BatchRejectedException"/> when the batch is empty or every row is rejected.
/// </summary>
public sealed partial class TransformBatchHandler
{
    /// <summary>How many rejection reasons a result carries, so a bad file cannot blow up the state's output.</summary>
    public const int MaxReportedRejects = 20;

    private const int MaxNameLength = 256;
    private const int MaxQuantity = 1_000_000;

    /// <summary>Transforms one batch.</summary>
    /// <exception cref="BatchRejectedException">The batch holds no rows, or no valid row.</exception>
    public Task<TransformBatchResult> HandleAsync(TransformBatchInput input, ILambdaContext context)
    {
        var items = input?.Items;
        if (items is null || items.Count == 0)
        {
            throw new BatchRejectedException("Items must hold at least one row");
        }

        var rows = new List<ProductRow>(items.Count);
        var rejects = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var problem = TryNormalize(items[i], out var row);
            if (problem is null && !seen.Add(row!.ProductId))
            {
                problem = $"productId {row.ProductId} repeats an earlier row";
            }

            if (problem is null)
            {
                rows.Add(row!);
            }
            else if (rejects.Count < MaxReportedRejects)
            {
                rejects.Add($"row {i + 1}: {problem}");
            }
        }

        if (rows.Count == 0)
        {
            throw new BatchRejectedException($"all {items.Count} rows were rejected; first: {rejects[0]}");
        }

        return Task.FromResult(new TransformBatchResult(rows, items.Count, items.Count - rows.Count, rejects));
    }

    private static string? TryNormalize(IReadOnlyDictionary<string, string?>? item, out ProductRow? row)
    {
        row = null;
        if (item is null)
        {
            return "the row is empty";
        }

        var productId = Field(item, "productId").ToUpperInvariant();
        if (productId.Length is 0 or > 64 || !ProductIdChars().IsMatch(productId))
        {
            return "productId must be 1 to 64 letters, digits, '-' or '_'";
        }

        var name = Whitespace().Replace(Field(item, "name"), " ");
        if (name.Length is 0 or > MaxNameLength)
        {
            return $"name must be 1 to {MaxNameLength} characters";
        }

        if (!decimal.TryParse(Field(item, "price"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price)
            || decimal.Round(price, 2) != price)
        {
            return "price must be a non-negative amount with at most two decimals";
        }

        if (!int.TryParse(Field(item, "quantity"), NumberStyles.None, CultureInfo.InvariantCulture, out var quantity) || quantity > MaxQuantity)
        {
            return $"quantity must be a whole number from 0 to {MaxQuantity}";
        }

        row = new ProductRow(productId, name, price, quantity);
        return null;
    }

    private static string Field(IReadOnlyDictionary<string, string?> item, string name) =>
        item.TryGetValue(name, out var value) && value is not null ? value.Trim() : string.Empty;

    [GeneratedRegex("^[A-Z0-9_-]+$")]
    private static partial Regex ProductIdChars();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
