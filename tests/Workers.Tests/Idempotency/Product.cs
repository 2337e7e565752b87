namespace Workers.Tests;

/// <summary>Powertools' golden-vector object.</summary>
public sealed record Product(int Id, string Name, int Price);
