import type { RunProgress } from '../run/run.js';
import { formatBytes, formatSeconds } from '../verdict/format-figures.js';

// A one-line progress display on stderr, redrawn in place. Only used when stderr is a TTY.
export function progressLine(progress: RunProgress, durationMs: number | undefined): string {
  const elapsed = formatSeconds(progress.elapsedMs);
  const of = durationMs === undefined ? '' : ` of ${formatSeconds(durationMs)}`;
  const rss = progress.rootRssBytes === null ? 'n/a' : formatBytes(progress.rootRssBytes);
  return `\r\x1b[2Krssdoctor: ${elapsed}${of} · RSS ${rss} · ${progress.processes} process(es) · ${progress.samples} samples`;
}
