// A terminal chart of RSS over time, drawn with block characters, with the live points
// on top and a marker row under it (· natural full GC, ▲ forced GC). Pure: series in,
// lines out; the live view decides where they go.

import { formatBytes } from '../format/figures.js';

// Eighths of a cell, bottom up.
const BLOCKS = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const LABEL_WIDTH = 11;

export interface ChartInput {
  rss: { tMs: number; bytes: number }[];
  live: { tMs: number; bytes: number }[];
  gcs: { tMs: number; forced: boolean }[];
  // The time the x axis spans: the run's duration when known, else the time so far.
  spanMs: number;
  width: number;
  height: number;
  color: boolean;
}

export function chartLines(input: ChartInput): string[] {
  // One column spare: a line that fills the terminal exactly wraps on some terminals.
  const columns = Math.max(10, input.width - LABEL_WIDTH - 2);
  const height = Math.max(2, input.height);
  const column = (tMs: number): number =>
    Math.min(columns - 1, Math.floor((tMs / Math.max(1, input.spanMs)) * columns));
  // Each column shows the highest RSS that fell in it.
  const top = new Array<number | null>(columns).fill(null);
  for (const point of input.rss) {
    const c = column(point.tMs);
    top[c] = Math.max(top[c] ?? 0, point.bytes);
  }
  // Fewer samples than columns: a column between two samples holds the one before.
  for (let c = 1; c < columns; c++) {
    const filledLater = top.slice(c).some((bytes) => bytes !== null);
    if (top[c] === null && filledLater) top[c] = top[c - 1] ?? null;
  }
  const values = [...input.rss.map((p) => p.bytes), ...input.live.map((p) => p.bytes)];
  if (values.length === 0) return [];
  // From a little under the lowest value, so a creep of a few percent is visible.
  const max = Math.max(...values);
  const min = Math.max(0, Math.min(...values) - (max - Math.min(...values)) * 0.1 - 1);
  const cells = height * 8;
  const level = (bytes: number): number =>
    Math.round(((bytes - min) / Math.max(1, max - min)) * (cells - 1)) + 1;
  const grid: string[][] = Array.from({ length: height }, () =>
    new Array<string>(columns).fill(' '),
  );
  top.forEach((bytes, c) => {
    if (bytes === null) return;
    const filled = level(bytes);
    for (let row = 0; row < height; row++) {
      const fromBottom = height - 1 - row;
      const eighths = Math.max(0, Math.min(8, filled - fromBottom * 8));
      grid[row]![c] = paint(BLOCKS[eighths]!, 'rss', input.color);
    }
  });
  for (const point of input.live) {
    const filled = level(point.bytes);
    const row = height - 1 - Math.min(height - 1, Math.floor((filled - 1) / 8));
    grid[row]![column(point.tMs)] = paint('●', 'live', input.color);
  }
  const markers = new Array<string>(columns).fill(' ');
  for (const gc of input.gcs) {
    const c = column(gc.tMs);
    if (gc.forced || markers[c] === ' ') markers[c] = gc.forced ? '▲' : '·';
  }
  const label = (text: string): string => text.padStart(LABEL_WIDTH - 1) + ' ';
  return [
    ...grid.map(
      (row, i) =>
        (i === 0
          ? label(formatBytes(max))
          : i === height - 1
            ? label(formatBytes(min))
            : ' '.repeat(LABEL_WIDTH)) + row.join(''),
    ),
    label('GCs') + markers.join(''),
  ];
}

function paint(text: string, kind: 'rss' | 'live', color: boolean): string {
  if (!color || text === ' ') return text;
  return kind === 'rss' ? `\x1b[34m${text}\x1b[0m` : `\x1b[1;33m${text}\x1b[0m`;
}
