// The cost of the statistics at their point caps: a Theil–Sen slope on 707 points (every one
// of MAX_EXACT_PAIRS = 250k pairs) and a whole growth finding (trend, leak size, level
// shift, plateau) on MAX_TREND_POINTS = 2,000 points. Prints the median of 7 timings.
// Run: npm run build && npm run bench:stats
import { performance } from 'node:perf_hooks';
import { growth } from '../dist/analysis/growth.js';
import { theilSen } from '../dist/analysis/theil-sen.js';

function series(points) {
  const tMs = [];
  const values = [];
  let state = 1;
  for (let i = 0; i < points; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    tMs.push(i * 1000);
    values.push(1e8 + i * 1000 + (state / 2 ** 31) * 1e6);
  }
  return { tMs, values };
}

function medianMs(run) {
  const timings = [];
  for (let i = 0; i < 7; i++) {
    const started = performance.now();
    run();
    timings.push(performance.now() - started);
  }
  return timings.sort((a, b) => a - b)[3].toFixed(1);
}

const exact = series(707);
const capped = series(2000);
console.log(`Theil–Sen, 707 points (250k pairs): median ${medianMs(() => theilSen(exact))} ms`);
console.log(`growth finding, 2,000 points: median ${medianMs(() => growth(capped, 30))} ms`);
