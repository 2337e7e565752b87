namespace Jsonata;

/// <summary>Walks the processed AST; semantics follow the reference implementation step by step.</summary>
internal static class Evaluator
{
    public static object? Evaluate(JsonataNode expr, object? input, Frame env)
    {
        var ctx = env.Ctx;
        ctx.Enter();
        try
        {
            object? result;
            switch (expr.Kind)
            {
                case JsonataNodeKind.Path:
                    result = EvaluatePath(expr, input, env);
                    break;
                case JsonataNodeKind.Binary:
                    result = EvaluateBinary(expr, input, env);
                    break;
                case JsonataNodeKind.Unary:
                    result = EvaluateUnary(expr, input, env);
                    break;
                case JsonataNodeKind.Name:
                    result = Lookup(input, expr.Value!);
                    break;
                case JsonataNodeKind.String:
                case JsonataNodeKind.Number:
                case JsonataNodeKind.Value:
                    result = expr.Literal;
                    break;
                case JsonataNodeKind.Wildcard:
                    result = EvaluateWildcard(input);
                    break;
                case JsonataNodeKind.Descendant:
                    result = EvaluateDescendants(input);
                    break;
                case JsonataNodeKind.Parent:
                    result = env.Lookup(expr.Slot!.Label);
                    break;
                case JsonataNodeKind.Condition:
                    var condition = Evaluate(expr.Condition!, input, env);
                    if (Builtins.ToBoolean(condition) == true)
                    {
                        result = Evaluate(expr.Then!, input, env);
                    }
                    else if (expr.Else is not null)
                    {
                        result = Evaluate(expr.Else, input, env);
                    }
                    else
                    {
                        result = null;
                    }

                    break;
                case JsonataNodeKind.Block:
                    var frame = expr.NeedsFrame ? new Frame(env) : env;
                    result = null;
                    foreach (var e in expr.ExpressionList!)
                    {
                        result = Evaluate(e, input, frame);
                    }

                    break;
                case JsonataNodeKind.Bind:
                    result = Evaluate(expr.Rhs!, input, env);
                    env.Bind(expr.Lhs!.Value!, result);
                    break;
                case JsonataNodeKind.Regex:
                    result = new RegexMatcher { Regex = expr.RegexValue!, Source = expr.RegexSource!, Position = expr.Position };
                    break;
                case JsonataNodeKind.Function:
                    result = EvaluateFunction(expr, input, env, null, false);
                    break;
                case JsonataNodeKind.Variable:
                    if (expr.Value!.Length == 0)
                    {
                        result = input is Seq { OuterWrapper: true } w && w.Count > 0 ? w[0] : input;
                    }
                    else
                    {
                        result = env.Lookup(expr.Value);
                    }

                    break;
                case JsonataNodeKind.Lambda:
                    result = new Lambda
                    {
                        Node = expr,
                        Params = expr.ArgumentList!,
                        Input = input,
                        Env = env,
                        Thunk = expr.Thunk,
                        Signature = expr.Signature,
                    };
                    break;
                case JsonataNodeKind.Partial:
                    result = EvaluatePartial(expr, input, env);
                    break;
                case JsonataNodeKind.Apply:
                    result = EvaluateApply(expr, input, env);
                    break;
                case JsonataNodeKind.Transform:
                    result = CreateTransform(expr, env);
                    break;
                default:
                    result = null;
                    break;
            }

            if (expr.PredicateList is { } predicates)
            {
                foreach (var p in predicates)
                {
                    result = EvaluateFilter(p.Expr!, result, env);
                }
            }

            if (expr.Kind != JsonataNodeKind.Path && expr.Group is not null)
            {
                result = EvaluateGroup(expr.Group.Pairs, expr.Group.Position, result, env);
            }

            if (result is Seq { Sequence: true, TupleStream: false } seq)
            {
                if (expr.KeepArray)
                {
                    seq.KeepSingleton = true;
                }

                if (seq.Count == 0)
                {
                    result = null;
                }
                else if (seq.Count == 1)
                {
                    result = seq.KeepSingleton ? seq : seq[0];
                }
            }

            return result;
        }
        finally
        {
            ctx.Depth--;
        }
    }

    public static object? Lookup(object? input, string key)
    {
        if (input is Seq seq)
        {
            var result = Seq.NewSequence();
            foreach (var item in seq)
            {
                var res = Lookup(item, key);
                if (res is Seq inner)
                {
                    result.AddRange(inner);
                }
                else if (res is not null)
                {
                    result.Add(res);
                }
            }

            return result;
        }

        return Values.GetField(input, key);
    }

    private static object? EvaluatePath(JsonataNode expr, object? input, Frame env)
    {
        var steps = expr.StepList!;
        if (expr.SimpleNames && input is not Seq)
        {
            var current = input;
            for (var i = 0; i < steps.Count; i++)
            {
                current = Values.GetField(current, steps[i].Value!);
                if (current is null)
                {
                    return null;
                }

                if (current is Seq)
                {
                    if (i == steps.Count - 1)
                    {
                        return current;
                    }

                    return EvaluateGeneralPath(expr, input, env);
                }
            }

            return current;
        }

        return EvaluateGeneralPath(expr, input, env);
    }

    private static object? EvaluateGeneralPath(JsonataNode expr, object? input, Frame env)
    {
        var steps = expr.StepList!;
        Seq inputSequence;
        if (input is Seq s && steps[0].Kind != JsonataNodeKind.Variable)
        {
            inputSequence = s;
        }
        else
        {
            inputSequence = Seq.NewSequence();
            inputSequence.Add(input);
        }

        Seq? resultSequence = null;
        var isTupleStream = false;
        Seq? tupleBindings = null;
        for (var ii = 0; ii < steps.Count; ii++)
        {
            var step = steps[ii];
            if (step.Tuple)
            {
                isTupleStream = true;
            }

            if (ii == 0 && step.ConsArray)
            {
                var r = Evaluate(step, inputSequence, env);
                resultSequence = r as Seq ?? (r is null ? null : new Seq { r });
            }
            else if (isTupleStream)
            {
                tupleBindings = EvaluateTupleStep(step, inputSequence, tupleBindings, env);
            }
            else
            {
                resultSequence = EvaluateStep(step, inputSequence, env, ii == steps.Count - 1);
            }

            if (!isTupleStream && (resultSequence is null || resultSequence.Count == 0))
            {
                break;
            }

            if (step.Focus is null)
            {
                inputSequence = resultSequence!;
            }
        }

        if (isTupleStream)
        {
            if (expr.Tuple)
            {
                resultSequence = tupleBindings;
            }
            else
            {
                resultSequence = Seq.NewSequence();
                foreach (TupleBinding t in tupleBindings!)
                {
                    resultSequence.Add(t.GetValueOrDefault("@"));
                }
            }
        }

        if (expr.KeepSingletonArray && resultSequence is not null)
        {
            if (resultSequence.Cons && !resultSequence.Sequence)
            {
                var wrapped = Seq.NewSequence();
                wrapped.Add(resultSequence);
                resultSequence = wrapped;
            }

            resultSequence.KeepSingleton = true;
        }

        if (expr.Group is not null)
        {
            return EvaluateGroup(expr.Group.Pairs, expr.Group.Position, isTupleStream ? tupleBindings : resultSequence, env);
        }

        return resultSequence;
    }

    private static Seq EvaluateStep(JsonataNode step, Seq input, Frame env, bool lastStep)
    {
        if (step.Kind == JsonataNodeKind.Sort)
        {
            var sorted = EvaluateSort(step, input, env);
            if (step.StageList is not null)
            {
                sorted = EvaluateStages(step.StageList, sorted, env);
            }

            return sorted;
        }

        var result = new Seq(input.Count);
        var stages = step.StageList;
        for (var i = 0; i < input.Count; i++)
        {
            var res = Evaluate(step, input[i], env);
            if (stages is not null)
            {
                foreach (var stage in stages)
                {
                    res = EvaluateFilter(stage.Expr!, res, env);
                }
            }

            if (res is not null)
            {
                result.Add(res);
            }
        }

        if (lastStep && result.Count == 1 && result[0] is Seq { Sequence: false } only)
        {
            return only;
        }

        var resultSequence = Seq.NewSequence();
        foreach (var res in result)
        {
            if (res is Seq arr && !arr.Cons)
            {
                resultSequence.AddRange(arr);
            }
            else
            {
                resultSequence.Add(res);
            }
        }

        return resultSequence;
    }

    private static Seq EvaluateStages(List<Stage> stages, Seq input, Frame env)
    {
        var result = input;
        foreach (var stage in stages)
        {
            if (stage.IsIndex)
            {
                for (var ee = 0; ee < result.Count; ee++)
                {
                    ((TupleBinding)result[ee]!)[stage.Value!] = Values.Num(ee);
                }
            }
            else
            {
                result = EvaluateFilter(stage.Expr!, result, env);
            }
        }

        return result;
    }

    private static Frame FrameFromTuple(Frame env, TupleBinding tuple)
    {
        var frame = new Frame(env);
        foreach (var kv in tuple)
        {
            frame.Bind(kv.Key, kv.Value);
        }

        return frame;
    }

    private static Seq EvaluateTupleStep(JsonataNode step, Seq input, Seq? tupleBindings, Frame env)
    {
        Seq result;
        if (step.Kind == JsonataNodeKind.Sort)
        {
            if (tupleBindings is not null)
            {
                result = EvaluateSort(step, tupleBindings, env);
            }
            else
            {
                var sorted = EvaluateSort(step, input, env);
                result = Seq.NewSequence();
                result.TupleStream = true;
                for (var ss = 0; ss < sorted.Count; ss++)
                {
                    var tuple = new TupleBinding { ["@"] = sorted[ss] };
                    if (step.IndexVar is not null)
                    {
                        tuple[step.IndexVar] = Values.Num(ss);
                    }

                    result.Add(tuple);
                }
            }

            if (step.StageList is not null)
            {
                result = EvaluateStages(step.StageList, result, env);
            }

            return result;
        }

        result = Seq.NewSequence();
        result.TupleStream = true;
        if (tupleBindings is null)
        {
            tupleBindings = new Seq(input.Count);
            foreach (var item in input)
            {
                tupleBindings.Add(new TupleBinding { ["@"] = item });
            }
        }

        foreach (var item in tupleBindings)
        {
            var binding = (TupleBinding)item!;
            var stepEnv = FrameFromTuple(env, binding);
            var res = Evaluate(step, binding.GetValueOrDefault("@"), stepEnv);
            if (res is null)
            {
                continue;
            }

            var resSeq = res as Seq ?? new Seq { res };
            for (var bb = 0; bb < resSeq.Count; bb++)
            {
                var tuple = new TupleBinding(binding);
                if (resSeq.TupleStream)
                {
                    foreach (var kv in (TupleBinding)resSeq[bb]!)
                    {
                        tuple[kv.Key] = kv.Value;
                    }
                }
                else
                {
                    if (step.Focus is not null)
                    {
                        tuple[step.Focus] = resSeq[bb];
                        tuple["@"] = binding.GetValueOrDefault("@");
                    }
                    else
                    {
                        tuple["@"] = resSeq[bb];
                    }

                    if (step.IndexVar is not null)
                    {
                        tuple[step.IndexVar] = Values.Num(bb);
                    }

                    if (step.Ancestor is not null)
                    {
                        tuple[step.Ancestor.Label] = binding.GetValueOrDefault("@");
                    }
                }

                result.Add(tuple);
            }
        }

        if (step.StageList is not null)
        {
            result = EvaluateStages(step.StageList, result, env);
        }

        return result;
    }

    private static Seq EvaluateFilter(JsonataNode predicate, object? input, Frame env)
    {
        var results = Seq.NewSequence();
        Seq inputSeq;
        if (input is Seq s)
        {
            inputSeq = s;
            if (s.TupleStream)
            {
                results.TupleStream = true;
            }
        }
        else
        {
            inputSeq = Seq.NewSequence();
            inputSeq.Add(input);
        }

        if (predicate.Kind == JsonataNodeKind.Number)
        {
            var index = (int)Math.Floor((double)predicate.Literal!);
            if (index < 0)
            {
                index = inputSeq.Count + index;
            }

            var item = index >= 0 && index < inputSeq.Count ? inputSeq[index] : null;
            if (item is not null)
            {
                if (item is Seq arr)
                {
                    return arr;
                }

                results.Add(item);
            }

            return results;
        }

        for (var index = 0; index < inputSeq.Count; index++)
        {
            var item = inputSeq[index];
            var context = item;
            var itemEnv = env;
            if (inputSeq.TupleStream)
            {
                var tuple = (TupleBinding)item!;
                context = tuple.GetValueOrDefault("@");
                itemEnv = FrameFromTuple(env, tuple);
            }

            var res = Evaluate(predicate, context, itemEnv);
            if (res is double d && !double.IsNaN(d))
            {
                var ii = (int)Math.Floor(d);
                if (ii < 0)
                {
                    ii = inputSeq.Count + ii;
                }

                if (ii == index)
                {
                    results.Add(item);
                }
            }
            else if (res is Seq rs && IsArrayOfNumbers(rs))
            {
                foreach (var n in rs)
                {
                    var ii = (int)Math.Floor((double)n!);
                    if (ii < 0)
                    {
                        ii = inputSeq.Count + ii;
                    }

                    if (ii == index)
                    {
                        results.Add(item);
                    }
                }
            }
            else if (Builtins.ToBoolean(res) == true)
            {
                results.Add(item);
            }
        }

        return results;
    }

    private static bool IsArrayOfNumbers(Seq s)
    {
        if (s.Count == 0)
        {
            return false;
        }

        foreach (var v in s)
        {
            if (!Values.IsNumber(v))
            {
                return false;
            }
        }

        return true;
    }

    private static object? EvaluateBinary(JsonataNode expr, object? input, Frame env)
    {
        var lhs = Evaluate(expr.Lhs!, input, env);
        var op = expr.Value!;
        if (op == "and")
        {
            return Values.Bool(Boolize(lhs) && Boolize(Evaluate(expr.Rhs!, input, env)));
        }

        if (op == "or")
        {
            return Values.Bool(Boolize(lhs) || Boolize(Evaluate(expr.Rhs!, input, env)));
        }

        var rhs = Evaluate(expr.Rhs!, input, env);
        try
        {
            switch (op)
            {
                case "+":
                case "-":
                case "*":
                case "/":
                case "%":
                    return Numeric(lhs, rhs, op[0]);
                case "=":
                    return lhs is null || rhs is null ? Values.False : Values.Bool(Values.DeepEquals(lhs, rhs));
                case "!=":
                    return lhs is null || rhs is null ? Values.False : Values.Bool(!Values.DeepEquals(lhs, rhs));
                case "<":
                case "<=":
                case ">":
                case ">=":
                    return Compare(lhs, rhs, op);
                case "&":
                    return Builtins.ToJsString(lhs) + Builtins.ToJsString(rhs);
                case "..":
                    return Range(lhs, rhs);
                case "in":
                    return Includes(lhs, rhs);
                default:
                    throw new JsonataException("S0204", null, expr.Position, op);
            }
        }
        catch (JsonataException e) when (Annotate(e, expr.Position, op, true))
        {
            throw;
        }
    }

    // Errors are annotated from an exception filter, which runs before any unwinding: rethrowing from catch blocks
    // would keep every frame of a deep recursion on the stack while the error travels out.
    private static bool Annotate(JsonataException e, int position, string token, bool overridePosition)
    {
        if (overridePosition || e.Position < 0)
        {
            e.Position = position;
        }

        e.Token ??= token;
        return false;
    }

    private static bool Boolize(object? v) => Builtins.ToBoolean(v) == true;

    private static bool IsNumeric(object? v)
    {
        if (v is double d)
        {
            if (double.IsNaN(d))
            {
                return false;
            }

            if (double.IsInfinity(d))
            {
                throw new JsonataException("D1001") { Value = Values.NumberToString(d) };
            }

            return true;
        }

        return false;
    }

    private static object? Numeric(object? lhs, object? rhs, char op)
    {
        if (lhs is not null && !IsNumeric(lhs))
        {
            throw new JsonataException("T2001") { Value = Builtins.Describe(lhs) };
        }

        if (rhs is not null && !IsNumeric(rhs))
        {
            throw new JsonataException("T2002") { Value = Builtins.Describe(rhs) };
        }

        if (lhs is null || rhs is null)
        {
            return null;
        }

        var l = (double)lhs;
        var r = (double)rhs;
        return Values.Num(op switch
        {
            '+' => l + r,
            '-' => l - r,
            '*' => l * r,
            '/' => l / r,
            _ => l % r,
        });
    }

    private static object? Compare(object? lhs, object? rhs, string op)
    {
        var lok = lhs is null || lhs is string || lhs is double;
        var rok = rhs is null || rhs is string || rhs is double;
        if (!lok || !rok)
        {
            throw new JsonataException("T2010") { Value = Builtins.Describe(!lok ? lhs : rhs) };
        }

        if (lhs is null || rhs is null)
        {
            return null;
        }

        int c;
        if (lhs is double l && rhs is double r)
        {
            return Values.Bool(op switch
            {
                "<" => l < r,
                "<=" => l <= r,
                ">" => l > r,
                _ => l >= r,
            });
        }

        if (lhs is string ls && rhs is string rs)
        {
            c = string.CompareOrdinal(ls, rs);
        }
        else
        {
            throw new JsonataException("T2009") { Value = Builtins.Describe(lhs), Value2 = Builtins.Describe(rhs) };
        }

        return Values.Bool(op switch
        {
            "<" => c < 0,
            "<=" => c <= 0,
            ">" => c > 0,
            _ => c >= 0,
        });
    }

    private static object? Range(object? lhs, object? rhs)
    {
        if (lhs is not null && !(lhs is double l0 && l0 == Math.Floor(l0) && !double.IsInfinity(l0)))
        {
            throw new JsonataException("T2003") { Value = Builtins.Describe(lhs) };
        }

        if (rhs is not null && !(rhs is double r0 && r0 == Math.Floor(r0) && !double.IsInfinity(r0)))
        {
            throw new JsonataException("T2004") { Value = Builtins.Describe(rhs) };
        }

        if (lhs is null || rhs is null)
        {
            return null;
        }

        var l = (double)lhs;
        var r = (double)rhs;
        if (l > r)
        {
            return null;
        }

        var size = r - l + 1;
        if (size > 1e7)
        {
            throw new JsonataException("D2014") { Value = Values.NumberToString(size) };
        }

        var result = new Seq((int)size) { Sequence = true };
        for (var i = 0; i < (int)size; i++)
        {
            result.Add(Values.Num(l + i));
        }

        return result;
    }

    private static object Includes(object? lhs, object? rhs)
    {
        if (lhs is null || rhs is null)
        {
            return Values.False;
        }

        if (rhs is Seq s)
        {
            foreach (var item in s)
            {
                if (StrictEquals(item, lhs))
                {
                    return Values.True;
                }
            }

            return Values.False;
        }

        return Values.Bool(StrictEquals(rhs, lhs));
    }

    private static bool StrictEquals(object? a, object? b) => a switch
    {
        double da => b is double db && da == db,
        string sa => b is string sb && sa == sb,
        bool ba => b is bool bb && ba == bb,
        _ => ReferenceEquals(a, b),
    };

    private static object? EvaluateUnary(JsonataNode expr, object? input, Frame env)
    {
        switch (expr.Value)
        {
            case "-":
                var v = Evaluate(expr.Expression!, input, env);
                if (v is null)
                {
                    return null;
                }

                if (IsNumeric(v))
                {
                    return Values.Num(-(double)v);
                }

                throw new JsonataException("D1002", null, expr.Position, "-") { Value = Builtins.Describe(v) };
            case "[":
                var result = new Seq();
                foreach (var item in expr.ExpressionList!)
                {
                    var value = Evaluate(item, input, env);
                    if (value is null)
                    {
                        continue;
                    }

                    if (item.Kind == JsonataNodeKind.Unary && item.Value == "[")
                    {
                        result.Add(value);
                    }
                    else if (value is Seq vs)
                    {
                        result.AddRange(vs);
                    }
                    else
                    {
                        result.Add(value);
                    }
                }

                if (expr.ConsArray)
                {
                    result.Cons = true;
                }

                return result;
            default:
                if (expr.LiteralKeys is { } keys && input is not Seq)
                {
                    var obj = new JMap(keys.Length);
                    for (var i = 0; i < keys.Length; i++)
                    {
                        var value = Evaluate(expr.PairList![i].Value, input, env);
                        if (value is not null)
                        {
                            obj[keys[i]] = value;
                        }
                    }

                    return obj;
                }

                return EvaluateGroup(expr.PairList!, expr.Position, input, env);
        }
    }

    private static Seq EvaluateWildcard(object? input)
    {
        var results = Seq.NewSequence();
        if (input is Seq { OuterWrapper: true } w && w.Count > 0)
        {
            input = w[0];
        }

        if (input is Seq elements)
        {
            foreach (var item in elements)
            {
                AddWildcardValue(item, results);
            }
        }
        else if (Values.IsObject(input))
        {
            foreach (var kv in Values.Entries(input!))
            {
                AddWildcardValue(kv.Value, results);
            }
        }

        return results;
    }

    private static void AddWildcardValue(object? value, Seq results)
    {
        if (value is Seq arr)
        {
            Flatten(arr, results);
        }
        else if (value is not null)
        {
            results.Add(value);
        }
    }

    private static void Flatten(object? arg, Seq into)
    {
        if (arg is Seq s)
        {
            foreach (var item in s)
            {
                Flatten(item, into);
            }
        }
        else
        {
            into.Add(arg);
        }
    }

    private static object? EvaluateDescendants(object? input)
    {
        if (input is null)
        {
            return null;
        }

        var results = Seq.NewSequence();
        RecurseDescendants(input, results);
        return results.Count == 1 ? results[0] : results;
    }

    private static void RecurseDescendants(object? input, Seq results)
    {
        if (input is Seq s)
        {
            foreach (var member in s)
            {
                RecurseDescendants(member, results);
            }
        }
        else
        {
            results.Add(input);
            if (Values.IsObject(input))
            {
                foreach (var kv in Values.Entries(input!))
                {
                    RecurseDescendants(kv.Value, results);
                }
            }
        }
    }

    private static Seq EvaluateSort(JsonataNode expr, Seq input, Frame env)
    {
        var isTupleSort = input.TupleStream;
        var terms = expr.Terms!;
        bool Swap(object? a, object? b)
        {
            var comp = 0;
            for (var index = 0; comp == 0 && index < terms.Count; index++)
            {
                var term = terms[index];
                var context = a;
                var termEnv = env;
                if (isTupleSort)
                {
                    context = ((TupleBinding)a!).GetValueOrDefault("@");
                    termEnv = FrameFromTuple(env, (TupleBinding)a!);
                }

                var aa = Evaluate(term.Expression, context, termEnv);
                context = b;
                termEnv = env;
                if (isTupleSort)
                {
                    context = ((TupleBinding)b!).GetValueOrDefault("@");
                    termEnv = FrameFromTuple(env, (TupleBinding)b!);
                }

                var bb = Evaluate(term.Expression, context, termEnv);
                if (aa is null)
                {
                    comp = bb is null ? 0 : 1;
                    continue;
                }

                if (bb is null)
                {
                    comp = -1;
                    continue;
                }

                if (aa is not (string or double) || bb is not (string or double))
                {
                    throw new JsonataException("T2008", null, expr.Position) { Value = Builtins.Describe(aa is not (string or double) ? aa : bb) };
                }

                if (aa is string sa && bb is string sb)
                {
                    comp = Math.Sign(string.CompareOrdinal(sa, sb));
                }
                else if (aa is double da && bb is double db)
                {
                    comp = da == db ? 0 : da < db ? -1 : 1;
                }
                else
                {
                    throw new JsonataException("T2007", null, expr.Position) { Value = Builtins.Describe(aa), Value2 = Builtins.Describe(bb) };
                }

                if (term.Descending)
                {
                    comp = -comp;
                }
            }

            return comp == 1;
        }

        var sorted = Builtins.MergeSort(input, Swap);
        var result = new Seq(sorted.Count) { Sequence = true, TupleStream = input.TupleStream };
        result.AddRange(sorted);
        return result;
    }

    private static JMap EvaluateGroup(List<KeyValuePair<JsonataNode, JsonataNode>> pairs, int position, object? input, Frame env)
    {
        var result = new JMap();
        var groups = new OrderedDictionary<string, (object? Data, int ExprIndex)>(StringComparer.Ordinal);
        var reduce = input is Seq { TupleStream: true };
        Seq inputSeq;
        if (input is Seq s)
        {
            inputSeq = s;
        }
        else
        {
            inputSeq = Seq.NewSequence();
            inputSeq.Add(input);
        }

        if (inputSeq.Count == 0)
        {
            inputSeq = Seq.NewSequence();
            inputSeq.Add(null);
        }

        for (var itemIndex = 0; itemIndex < inputSeq.Count; itemIndex++)
        {
            var item = inputSeq[itemIndex];
            var tupleItem = reduce ? item as TupleBinding : null;
            var itemEnv = tupleItem is null ? env : FrameFromTuple(env, tupleItem);
            var keyContext = reduce ? tupleItem?.GetValueOrDefault("@") : item;
            for (var pairIndex = 0; pairIndex < pairs.Count; pairIndex++)
            {
                var key = Evaluate(pairs[pairIndex].Key, keyContext, itemEnv);
                if (key is null)
                {
                    continue;
                }

                if (key is not string k)
                {
                    throw new JsonataException("T1003", null, position) { Value = Builtins.Describe(key) };
                }

                if (groups.TryGetValue(k, out var entry))
                {
                    if (entry.ExprIndex != pairIndex)
                    {
                        throw new JsonataException("D1009", null, position) { Value = k };
                    }

                    groups[k] = (Builtins.Append(entry.Data, item), pairIndex);
                }
                else
                {
                    groups[k] = (item, pairIndex);
                }
            }
        }

        foreach (var key in Values.InPropertyOrder([.. groups.Keys]))
        {
            var kv = new KeyValuePair<string, (object? Data, int ExprIndex)>(key, groups[key]);
            var context = kv.Value.Data;
            var groupEnv = env;
            if (reduce)
            {
                var tuple = ReduceTupleStream(kv.Value.Data);
                context = tuple.GetValueOrDefault("@");
                tuple.Remove("@");
                groupEnv = FrameFromTuple(env, tuple);
            }

            var value = Evaluate(pairs[kv.Value.ExprIndex].Value, context, groupEnv);
            if (value is not null)
            {
                result[kv.Key] = value;
            }
        }

        return result;
    }

    private static TupleBinding ReduceTupleStream(object? stream)
    {
        if (stream is not Seq s)
        {
            return stream is TupleBinding t ? new TupleBinding(t) : [];
        }

        var result = new TupleBinding((TupleBinding)s[0]!);
        for (var ii = 1; ii < s.Count; ii++)
        {
            foreach (var kv in (TupleBinding)s[ii]!)
            {
                result[kv.Key] = Builtins.Append(result.GetValueOrDefault(kv.Key), kv.Value);
            }
        }

        return result;
    }

    private static string ProcName(JsonataNode procedure) =>
        procedure.Kind == JsonataNodeKind.Path ? procedure.StepList![0].Value ?? "" : procedure.Value ?? "";

    private static object? EvaluateFunction(JsonataNode expr, object? input, Frame env, object? applyTo, bool hasApplyTo)
    {
        var proc = Evaluate(expr.Procedure!, input, env);
        if (proc is null && expr.Procedure!.Kind == JsonataNodeKind.Path && env.Lookup(expr.Procedure.StepList![0].Value!) is not null)
        {
            throw new JsonataException("T1005", null, expr.Position, expr.Procedure.StepList[0].Value);
        }

        var args = new List<object?>(expr.ArgumentList!.Count + 1);
        if (hasApplyTo)
        {
            args.Add(applyTo);
        }

        foreach (var a in expr.ArgumentList)
        {
            args.Add(Evaluate(a, input, env));
        }

        try
        {
            return Apply(proc, args, input, env);
        }
        catch (JsonataException e) when (Annotate(e, expr.Position, ProcName(expr.Procedure!), false))
        {
            throw;
        }
    }

    public static object? Apply(object? proc, List<object?> args, object? input, Frame env)
    {
        var result = ApplyInner(proc, args, input, env);
        while (result is Lambda { Thunk: true } thunk)
        {
            var body = thunk.Node.Body!;
            var next = Evaluate(body.Procedure!, thunk.Input, thunk.Env);
            var evaluatedArgs = new List<object?>(body.ArgumentList!.Count);
            foreach (var a in body.ArgumentList)
            {
                evaluatedArgs.Add(Evaluate(a, thunk.Input, thunk.Env));
            }

            try
            {
                result = ApplyInner(next, evaluatedArgs, input, env);
            }
            catch (JsonataException e) when (Annotate(e, body.Position, ProcName(body.Procedure!), false))
            {
                throw;
            }
        }

        return result;
    }

    private static object? ApplyInner(object? proc, List<object?> args, object? input, Frame env)
    {
        var validated = args;
        if (proc is JFunc { Signature: { } sig })
        {
            validated = sig.Validate(args, input);
        }

        switch (proc)
        {
            case Lambda lambda:
                var frame = new Frame(lambda.Env);
                for (var i = 0; i < lambda.Params.Count; i++)
                {
                    frame.Bind(lambda.Params[i].Value!, i < validated.Count ? validated[i] : null);
                }

                return Evaluate(lambda.Node.Body!, lambda.Input, frame);
            case Builtin builtin:
                return builtin.Impl(env, input, validated);
            case PartialNative partial:
                var full = new List<object?>(partial.Bound.Length);
                var next = 0;
                for (var i = 0; i < partial.Bound.Length; i++)
                {
                    full.Add(partial.Open[i] ? (next < validated.Count ? validated[next++] : null) : partial.Bound[i]);
                }

                while (full.Count > 0 && full[^1] is null)
                {
                    full.RemoveAt(full.Count - 1);
                }

                return Apply(partial.Target, full, null, env);
            case RegexMatcher matcher:
                var str = validated.Count > 0 ? validated[0] as string : null;
                if (str is null)
                {
                    return null;
                }

                var from = validated.Count > 1 && validated[1] is double d ? (int)d : 0;
                var m = Builtins.RegexMatch(matcher, str, from);
                return m is null ? null : Builtins.MatchToObject(m, true);
            case ChainFunc chain:
                var first = Apply(chain.First, validated, null, env);
                return Apply(chain.Second, [first], null, env);
            default:
                throw new JsonataException("T1006");
        }
    }

    private static object? EvaluatePartial(JsonataNode expr, object? input, Frame env)
    {
        var evaluated = new List<object?>(expr.ArgumentList!.Count);
        var open = new List<bool>(expr.ArgumentList.Count);
        foreach (var arg in expr.ArgumentList)
        {
            if (arg.Kind == JsonataNodeKind.Placeholder)
            {
                evaluated.Add(null);
                open.Add(true);
            }
            else
            {
                evaluated.Add(Evaluate(arg, input, env));
                open.Add(false);
            }
        }

        var proc = Evaluate(expr.Procedure!, input, env);
        if (proc is null && expr.Procedure!.Kind == JsonataNodeKind.Path && env.Lookup(expr.Procedure.StepList![0].Value!) is not null)
        {
            throw new JsonataException("T1007", null, expr.Position, expr.Procedure.StepList[0].Value);
        }

        if (proc is Lambda lambda)
        {
            var frame = new Frame(lambda.Env);
            var unbound = new List<JsonataNode>();
            for (var i = 0; i < lambda.Params.Count; i++)
            {
                if (i < open.Count && open[i])
                {
                    unbound.Add(lambda.Params[i]);
                }
                else
                {
                    frame.Bind(lambda.Params[i].Value!, i < evaluated.Count ? evaluated[i] : null);
                }
            }

            return new Lambda { Node = lambda.Node, Params = unbound, Input = lambda.Input, Env = frame };
        }

        if (proc is JFunc func)
        {
            var arity = Math.Max(func.Arity, evaluated.Count);
            var bound = new object?[arity];
            var isOpen = new bool[arity];
            for (var i = 0; i < arity; i++)
            {
                if (i < evaluated.Count)
                {
                    bound[i] = evaluated[i];
                    isOpen[i] = open[i];
                }
            }

            return new PartialNative { Target = func, Bound = bound, Open = isOpen };
        }

        throw new JsonataException("T1008", null, expr.Position, ProcName(expr.Procedure!));
    }

    private static object? EvaluateApply(JsonataNode expr, object? input, Frame env)
    {
        var lhs = Evaluate(expr.Lhs!, input, env);
        if (expr.Rhs!.Kind == JsonataNodeKind.Function)
        {
            return EvaluateFunction(expr.Rhs, input, env, lhs, true);
        }

        var func = Evaluate(expr.Rhs, input, env);
        if (func is not JFunc)
        {
            throw new JsonataException("T2006", null, expr.Position) { Value = Builtins.Describe(func) };
        }

        if (lhs is JFunc)
        {
            return new ChainFunc { First = lhs, Second = func };
        }

        return Apply(func, [lhs], null, env);
    }

    private static Builtin CreateTransform(JsonataNode expr, Frame env)
    {
        object? Transform(Frame callEnv, object? callInput, List<object?> args)
        {
            var obj = args.Count > 0 ? args[0] : null;
            if (obj is null)
            {
                return null;
            }

            var cloneFunction = env.Lookup("clone");
            if (cloneFunction is not JFunc)
            {
                throw new JsonataException("T2013", null, expr.Position);
            }

            var result = Apply(cloneFunction, [obj], null, env);
            var matches = Evaluate(expr.Pattern!, result, env);
            if (matches is not null)
            {
                var list = matches as Seq ?? new Seq { matches };
                foreach (var match in list)
                {
                    var update = Evaluate(expr.Update!, match, env);
                    if (update is not null)
                    {
                        if (!Values.IsObject(update))
                        {
                            throw new JsonataException("T2011", null, expr.Update!.Position) { Value = Builtins.Describe(update) };
                        }

                        if (match is JMap target)
                        {
                            foreach (var kv in Values.Entries(update))
                            {
                                target[kv.Key] = kv.Value;
                            }
                        }
                    }

                    if (expr.Delete is not null)
                    {
                        var deletions = Evaluate(expr.Delete, match, env);
                        if (deletions is not null)
                        {
                            var dl = deletions as Seq ?? new Seq { deletions };
                            foreach (var d in dl)
                            {
                                if (d is not string)
                                {
                                    throw new JsonataException("T2012", null, expr.Delete.Position) { Value = Builtins.Describe(deletions) };
                                }
                            }

                            if (match is JMap target)
                            {
                                foreach (var d in dl)
                                {
                                    target.Remove((string)d!);
                                }
                            }
                        }
                    }
                }
            }

            return result;
        }

        return new Builtin { Name = "transform", Impl = Transform, DeclaredArity = 1, Signature = Signature.Parse("<(oa):o>") };
    }
}
