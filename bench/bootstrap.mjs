// The benches' shared statistics: the project's own median (dist/analysis/series.js) and a
// seeded bootstrap 95% interval of the median, so every bench reports the same way and a
// rerun gives the same interval.
import { median } from '../dist/analysis/series.js';

export { median };

export function bootstrap(values, rounds = 10000) {
  let state = 12345;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const medians = [];
  for (let r = 0; r < rounds; r++) {
    medians.push(median(values.map(() => values[Math.floor(random() * values.length)])));
  }
  medians.sort((a, b) => a - b);
  return [medians[Math.floor(0.025 * rounds)], medians[Math.floor(0.975 * rounds)]];
}
