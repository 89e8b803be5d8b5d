// slice.mjs — how `sliceInstructions` trades event-loop latency for throughput (issue 5
// item 5): one long async computation per slice size, with a zero-delay interval timer
// recording the gaps between event-loop turns while it runs.
//
//   npm run build && node bench/slice.mjs
//
// The default (200,000 ticks) came from this: the loop keeps turning about every millisecond
// while the run costs only a few percent more than with a slice five times larger; smaller
// slices cost much more time (figures in README.md, "Embedding").

import { Lua } from '../dist/index.js';

for (const slice of [50_000, 200_000, 1_000_000]) {
  const lua = new Lua({ sliceInstructions: slice });
  let last = performance.now();
  const gaps = [];
  const interval = setInterval(() => {
    const t = performance.now();
    gaps.push(t - last);
    last = t;
  }, 0);
  const t0 = performance.now();
  await lua.runAsync('local s = 0 for i = 1, 3e7 do s = s + i % 7 end return s');
  const total = performance.now() - t0;
  clearInterval(interval);
  gaps.sort((a, b) => a - b);
  const median = gaps[gaps.length >> 1];
  console.log(
    `slice ${slice}: run ${total.toFixed(0)} ms, event-loop turns ${gaps.length}, ` +
      `median gap ${median.toFixed(2)} ms, max gap ${gaps[gaps.length - 1].toFixed(2)} ms`,
  );
}
