using System.Text.Json.Nodes;

namespace StateMachines.Tests;

/// <summary>Product rows as the CSV ItemReader yields them (header FIRST_ROW: objects of strings).</summary>
internal static class CsvRows
{
    /// <summary>
    /// <paramref name="batches"/> batches of <paramref name="batchSize"/> rows; every row of the first
    /// <paramref name="brokenBatches"/> batches has an unreadable price.
    /// </summary>
    public static IEnumerable<JsonNode?> Products(int batches, int batchSize, int brokenBatches) =>
        Enumerable.Range(0, batches * batchSize).Select(i => (JsonNode?)new JsonObject
        {
            ["productId"] = $"p-{i:D5}",
            ["name"] = $"  Product   {i} ",
            ["price"] = i < brokenBatches * batchSize ? "twelve" : "12.50",
            ["quantity"] = "3",
        });
}
