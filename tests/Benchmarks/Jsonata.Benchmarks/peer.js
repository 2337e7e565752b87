// Measures evaluations per second of the reference implementation inside Node, so process start is excluded.
// Reads {"durationMs": n, "cases": [{"name", "expr", "input"}]} on stdin, writes {"<name>": evalsPerSecond} on stdout.
const jsonata = require('jsonata');

async function measure(expr, input, durationMs) {
  const compiled = jsonata(expr);
  for (let i = 0; i < 200; i++) {
    await compiled.evaluate(input);
  }
  let count = 0;
  const start = process.hrtime.bigint();
  const limit = BigInt(durationMs) * 1000000n;
  let elapsed = 0n;
  while (elapsed < limit) {
    for (let i = 0; i < 50; i++) {
      await compiled.evaluate(input);
    }
    count += 50;
    elapsed = process.hrtime.bigint() - start;
  }
  return count / (Number(elapsed) / 1e9);
}

async function main() {
  let text = '';
  for await (const chunk of process.stdin) {
    text += chunk;
  }
  const spec = JSON.parse(text);
  const results = {};
  for (const c of spec.cases) {
    results[c.name] = await measure(c.expr, c.input, spec.durationMs);
  }
  process.stdout.write(JSON.stringify(results));
}

main().catch(err => {
  process.stderr.write(String(err && err.stack || err));
  process.exit(1);
});
