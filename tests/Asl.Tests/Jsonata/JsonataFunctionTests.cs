namespace Asl.Tests;

public sealed class JsonataFunctionTests
{
    private static async Task<string> EvaluateAsync(string expression, int seed = 7)
    {
        var harness = new Harness(seed);
        var execution = await harness.RunAsync(
            """{"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","Output":"{% """ + expression + """ %}","End":true}}}""");
        return execution.Error is null ? Harness.Output(execution) : $"{execution.Error}: {execution.Cause}";
    }

    [Fact]
    public async Task Partition_SplitsIntoChunks()
    {
        Assert.Equal("[[1,2],[3,4],[5]]", await EvaluateAsync("$partition([1,2,3,4,5], 2)"));
    }

    [Fact]
    public async Task Range_IncludesEndWithStep()
    {
        Assert.Equal("[0,2,4,6]", await EvaluateAsync("$range(0, 6, 2)"));
    }

    [Fact]
    public async Task Hash_Sha256_IsLowercaseHex()
    {
        Assert.Equal(
            "\"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\"",
            await EvaluateAsync("$hash('hello', 'SHA-256')"));
    }

    [Fact]
    public async Task Hash_UnknownAlgorithm_IsQueryEvaluationError()
    {
        Assert.StartsWith("States.QueryEvaluationError: ", await EvaluateAsync("$hash('hello', 'SHA-3')"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Random_WithSeed_IsRepeatableAndBelowOne()
    {
        var first = await EvaluateAsync("$random(42)", seed: 1);
        var second = await EvaluateAsync("$random(42)", seed: 2);

        Assert.Equal(first, second);
        Assert.InRange(double.Parse(first, System.Globalization.CultureInfo.InvariantCulture), 0, 1);
    }

    [Fact]
    public async Task Random_WithoutSeed_FollowsTheEngineSeed()
    {
        Assert.Equal(await EvaluateAsync("$random()", seed: 5), await EvaluateAsync("$random()", seed: 5));
    }

    [Fact]
    public async Task Uuid_IsVersion4AndFollowsTheEngineSeed()
    {
        var uuid = await EvaluateAsync("$uuid()", seed: 3);

        Assert.Matches("^\"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\"$", uuid);
        Assert.Equal(uuid, await EvaluateAsync("$uuid()", seed: 3));
    }

    [Fact]
    public async Task Parse_TurnsJsonTextIntoAValue()
    {
        Assert.Equal("""{"a":[1,true]}""", await EvaluateAsync("""$parse('{\"a\":[1,true]}')"""));
    }

    [Fact]
    public async Task Parse_InvalidJson_IsQueryEvaluationError()
    {
        Assert.StartsWith("States.QueryEvaluationError: ", await EvaluateAsync("$parse('{nope')"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuiltIns_StandardFunctionsWork()
    {
        Assert.Equal("\"3-A\"", await EvaluateAsync("$string($sum([1,2])) & '-' & $uppercase('a')"));
    }
}
