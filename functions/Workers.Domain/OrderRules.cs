using System.Text.RegularExpressions;

namespace Workers.Domain;

/// <summary>
/// What makes an order acceptable. Each rule names the offending field in the error, in the JSON spelling the caller
/// used (<c>items[1].quantity must be a positive integer</c>).
/// </summary>
public static partial class OrderRules
{
    /// <summary>Most lines in one order, so one order cannot make a step's work unbounded.</summary>
    public const int MaxItems = 100;

    /// <summary>Most units of one SKU in one line.</summary>
    public const int MaxQuantity = 10_000;

    /// <summary>
    /// Longest order id. The saga's execution is named <c>order-&lt;orderId&gt;</c> and Step Functions allows
    /// 80 characters of letters, digits, '-' and '_' in a name.
    /// </summary>
    public const int MaxOrderIdLength = 64;

    private const int MaxTextLength = 256;

    /// <summary>Checks every field of the order and returns it.</summary>
    /// <exception cref="InvalidOrderException">A field is missing or out of range; the message names it.</exception>
    public static Order Validate(Order? order)
    {
        RequireOrderId(order);
        RequireText(order!.CustomerId, "customerId");
        RequireText(order.PaymentToken, "paymentToken");
        if (order.Currency is null || !CurrencyCode().IsMatch(order.Currency))
        {
            throw new InvalidOrderException("currency must be a three-letter ISO 4217 code such as USD");
        }

        if (order.Items is null || order.Items.Count == 0)
        {
            throw new InvalidOrderException("items must hold at least one line");
        }

        if (order.Items.Count > MaxItems)
        {
            throw new InvalidOrderException($"items must hold at most {MaxItems} lines");
        }

        var skus = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < order.Items.Count; i++)
        {
            ValidateLine(order.Items[i], $"items[{i}]", skus);
        }

        return order;
    }

    /// <summary>Checks only the order id, all a compensation needs to find what its forward step did.</summary>
    /// <exception cref="InvalidOrderException">The order or its id is missing or malformed.</exception>
    public static string RequireOrderId(Order? order)
    {
        if (order is null)
        {
            throw new InvalidOrderException("order is required");
        }

        if (string.IsNullOrWhiteSpace(order.OrderId))
        {
            throw new InvalidOrderException("orderId is required");
        }

        if (order.OrderId.Length > MaxOrderIdLength || !OrderIdChars().IsMatch(order.OrderId))
        {
            throw new InvalidOrderException($"orderId must be 1 to {MaxOrderIdLength} letters, digits, '-' or '_'");
        }

        return order.OrderId;
    }

    private static void ValidateLine(OrderLine? line, string path, HashSet<string> skus)
    {
        if (line is null)
        {
            throw new InvalidOrderException($"{path} is required");
        }

        RequireText(line.Sku, $"{path}.sku");
        if (!skus.Add(line.Sku))
        {
            throw new InvalidOrderException($"{path}.sku repeats {line.Sku}; put all units of a SKU on one line");
        }

        if (line.Quantity is <= 0 or > MaxQuantity)
        {
            throw new InvalidOrderException($"{path}.quantity must be a positive integer of at most {MaxQuantity}");
        }

        if (line.UnitPrice < 0 || decimal.Round(line.UnitPrice, 2) != line.UnitPrice)
        {
            throw new InvalidOrderException($"{path}.unitPrice must be a non-negative amount with at most two decimals");
        }
    }

    private static void RequireText(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOrderException($"{field} is required");
        }

        if (value.Length > MaxTextLength)
        {
            throw new InvalidOrderException($"{field} must be at most {MaxTextLength} characters");
        }
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex OrderIdChars();
}
