// Where a refresh spends its time: each view's load (answer and drawing) and each drawing on its own, as User
// Timing measures ("view:map", "draw:map"), which the browser test writes next to its timings.
export function timed(name, fn) {
  const start = performance.now();
  try {
    return fn();
  } finally {
    performance.measure(name, { start, end: performance.now() });
  }
}
