using Workers.Domain;
using Workers.Idempotency;
using Workers.Lambda;

namespace OrderSaga.Workers;

/// <summary>
/// A saga step with a side effect: it takes the order, checks it, and runs at most once per order id and step
/// through Workers.Idempotency (key <c>&lt;function&gt;.&lt;step&gt;#md5(orderId)</c>), so Step Functions
/// retries and redeliveries replay the first result. A forward step also stores a hash of the order total, so an order
/// id reused for a different order gets <see cref="IdempotencyValidationException"/> instead of a stale replay.
/// </summary>
/// <typeparam name="TResult">The step's result.</typeparam>
public abstract class OrderStep<TResult>
{
    private readonly IdempotentOperation<Order, TResult> _once;
    private readonly bool _isCompensation;

    /// <summary>Builds the step's idempotent operation once, for every invocation the process serves.</summary>
    /// <param name="idempotency">The shared idempotency settings; the JSON context must know <typeparamref name="TResult"/>.</param>
    /// <param name="stepName">The step, part of the idempotency key.</param>
    /// <param name="isCompensation">Compensations check only the order id: they must run for any order a forward step saw.</param>
    protected OrderStep(IdempotencyOptions idempotency, string stepName, bool isCompensation)
    {
        _isCompensation = isCompensation;
        var once = Idempotent.For<Order, TResult>(idempotency).WithKey(order => order.OrderId).WithMethodName(stepName);
        _once = isCompensation ? once : once.WithPayloadValidation(order => order.Total().ToString());
    }

    /// <summary>Checks the order, then runs the step once for its order id.</summary>
    /// <exception cref="InvalidOrderException">The order is malformed or incomplete.</exception>
    public Task<TResult> HandleAsync(Order input, ILambdaContext context)
    {
        if (_isCompensation)
        {
            OrderRules.RequireOrderId(input);
        }
        else
        {
            OrderRules.Validate(input);
        }

        return _once.ExecuteAsync(input, context, RunAsync);
    }

    /// <summary>The step's work, on a checked order.</summary>
    protected abstract Task<TResult> RunAsync(Order order, CancellationToken cancellationToken);
}
