// The live view on stderr while a run lasts. On a terminal: a chart of RSS and the live
// points redrawn in place, GC and forced-GC markers, elapsed and remaining time with a
// progress bar, and the provisional verdict. Otherwise (no TTY, or --no-live): one plain
// line every PLAIN_EVERY_MS. Never stdout, so `--json -` stays clean.
//
// The provisional verdict comes from report/provisional.ts: the Report rebuilt from the
// records so far at most every 5 s, shown through hysteresis so it never wobbles.

import { performance } from 'node:perf_hooks';
import { halveOlder } from '../analysis/halve-older.js';
import { liveSeries } from '../analysis/live-series.js';
import type { BodyRecord, RecordingRecord } from '../recording/records.js';
import {
  BUILD_SHARE_LIVE,
  BUILD_SHARE_PLAIN,
  Provisional,
  PROVISIONAL_EVERY_MS,
} from '../report/provisional.js';
import { formatBytes, formatDuration, formatSeconds } from '../format/figures.js';
import { chartLines } from './live-chart.js';

export const PLAIN_EVERY_MS = 10_000;
const REDRAW_EVERY_MS = 250;
const CHART_ROWS = 8;
const BAR_WIDTH = 24;
// Points kept per drawn series: far more than a terminal's columns.
const SERIES_MAX = 4096;

export interface LiveViewOptions {
  // Draw in place (stderr is a terminal and --no-live was not given); else plain lines.
  tty: boolean;
  durationMs: number | undefined;
  title: string;
  columns: () => number;
  // Off when NO_COLOR is set (no-color.org): the chart's marks are told apart by shape too.
  color?: boolean;
  write: (text: string | Buffer) => void;
  // Where the run's records are kept and the provisional verdict comes from: the run appends
  // to its list (RunOptions.records), so the view adds nothing itself.
  provisional: Provisional;
}

export class LiveView {
  readonly #options: LiveViewOptions;
  readonly #provisional: Provisional;
  #rootPid: number | null = null;
  // The root's series, kept as records arrive (every draw reads them).
  // Each at most SERIES_MAX points, older ones thinned (a day-long run stays bounded).
  readonly #rss: { tMs: number; bytes: number }[] = [];
  // The root's full GCs (live points), and how many of each it had.
  readonly #rootGcs: Extract<BodyRecord, { type: 'gc' }>[] = [];
  // Live points an isolate gave without a GC (live-series.ts): in the line, not marked.
  readonly #rootBounds: Extract<BodyRecord, { type: 'bound' }>[] = [];
  #fullGcs = 0;
  #forcedGcs = 0;
  #sawGc = false;
  #live: { tMs: number; bytes: number }[] = [];
  #elapsedMs = 0;
  #drawnLines = 0;
  #lastDrawMs = -Infinity;
  #lastPlainMs = 0;
  #closed = false;

  constructor(options: LiveViewOptions) {
    this.#options = options;
    this.#provisional = options.provisional;
  }

  get tty(): boolean {
    return this.#options.tty;
  }

  onRecord(record: RecordingRecord): void {
    if (this.#closed) return;
    if (record.type === 'header') return;
    if (record.type === 'gc' && record.pid === this.#rootPid) this.#addGc(record);
    if (record.type === 'bound' && record.pid === this.#rootPid) this.#addBound(record);
    if (record.type !== 'sample') return;
    if (this.#rootPid === null) {
      // The root is the first process sampled; its GCs may have come before that.
      this.#rootPid = record.pid;
      for (const earlier of this.#provisional.records) {
        if (earlier.type === 'gc' && earlier.pid === record.pid) this.#addGc(earlier);
        if (earlier.type === 'bound' && earlier.pid === record.pid) this.#addBound(earlier);
      }
      this.#updateLive();
    }
    if (record.pid !== this.#rootPid) return;
    this.#elapsedMs = record.tMs;
    this.#rss.push({ tMs: record.tMs, bytes: record.rssBytes });
    halveOlder(this.#rss, SERIES_MAX);
    this.#provisional.evaluate(this.#elapsedMs);
    // The sample taken at start comes before the target has printed its first lines to
    // the terminal it shares: drawing then would leave a stale view above them.
    if (this.#rss.length === 1) return;
    if (this.#options.tty) {
      const now = performance.now();
      if (now - this.#lastDrawMs < REDRAW_EVERY_MS) return;
      this.#lastDrawMs = now;
      this.#draw();
    } else if (record.tMs - this.#lastPlainMs >= PLAIN_EVERY_MS) {
      this.#lastPlainMs = record.tMs;
      this.#options.write(this.#statusLine(false) + '\n');
    }
  }

  // The target's own stderr: above the view, which is drawn again under it.
  // Written as given, byte for byte.
  passthrough(bytes: Buffer | string): void {
    if (!this.#options.tty || this.#closed || this.#drawnLines === 0) {
      this.#options.write(bytes);
      return;
    }
    this.#erase();
    this.#options.write(bytes);
    this.#draw();
  }

  // Before the final report: the view goes, the cursor comes back.
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#options.tty && this.#drawnLines > 0) {
      this.#erase();
      this.#options.write('\x1b[?25h');
    }
  }

  #statusLine(tty: boolean): string {
    const { durationMs, title } = this.#options;
    const elapsed = formatSeconds(this.#elapsedMs);
    let time = `${elapsed} elapsed`;
    if (durationMs !== undefined) {
      const fraction = Math.min(1, this.#elapsedMs / durationMs);
      const left = formatSeconds(Math.max(0, durationMs - this.#elapsedMs));
      const filled = Math.round(fraction * BAR_WIDTH);
      const bar = tty ? ` [${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}]` : '';
      time = `${elapsed} of ${formatSeconds(durationMs)}${bar} ${(fraction * 100).toFixed(0)}% · ${left} left`;
    }
    const figures = this.#figures();
    const state = this.#provisional.state;
    const provisional =
      state?.shown == null
        ? `provisional verdict after ${formatSeconds(PROVISIONAL_EVERY_MS)}`
        : `provisional: ${state.shown.verdict} (${state.shown.confidence.toFixed(2)}) at ${formatSeconds(state.atMs)}`;
    const parts = [`rssdoctor${title === '' ? '' : ` ${title}`}: ${time}`, figures, provisional];
    // The projection while the shown verdict is the report's (hysteresis holds a flip).
    const projection = state?.report.projection;
    if (projection != null && state?.shown?.verdict === state?.report.verdict) {
      const high = projection.secondsToLimitHigh;
      parts.push(
        `${projection.limitKind} limit in ${formatDuration(projection.secondsToLimit)} ` +
          `(${formatDuration(projection.secondsToLimitLow)} – ${high === null ? 'or longer' : formatDuration(high)})`,
      );
    }
    return parts.join(tty ? '\n' : ' · ');
  }

  #figures(): string {
    const last = this.#rss[this.#rss.length - 1];
    const live = this.#live;
    const rss = `RSS ${last === undefined ? 'n/a' : formatBytes(last.bytes)}`;
    // A target with no runtime source has no GCs to count: RSS alone, not "0 GCs".
    if (!this.#sawGc) return rss;
    return [
      rss,
      live.length === 0 ? 'no live point yet' : `live ${formatBytes(live[live.length - 1]!.bytes)}`,
      `${this.#fullGcs} full GCs (${this.#forcedGcs} forced)`,
    ].join(' · ');
  }

  #draw(): void {
    const width = this.#options.columns();
    const lines = [
      ...this.#statusLine(true).split('\n'),
      ...chartLines({
        rss: this.#rss,
        live: this.#live,
        gcs: this.#gcMarks(),
        spanMs: this.#options.durationMs ?? Math.max(1, this.#elapsedMs),
        width,
        height: CHART_ROWS,
        color: this.#options.color ?? true,
      }),
    ];
    if (this.#drawnLines === 0) this.#options.write('\x1b[?25l');
    this.#erase();
    this.#options.write(lines.join('\n') + '\n');
    this.#drawnLines = lines.length;
  }

  // Up to the view's first line, then clear to the end of the screen.
  #erase(): void {
    if (this.#drawnLines > 0) this.#options.write(`\x1b[${this.#drawnLines}F\x1b[J`);
    this.#drawnLines = 0;
  }

  #addGc(gc: Extract<BodyRecord, { type: 'gc' }>): void {
    this.#sawGc = true;
    if (gc.liveBytes === undefined) return;
    this.#fullGcs++;
    if (gc.forced) this.#forcedGcs++;
    this.#rootGcs.push(gc);
    halveOlder(this.#rootGcs, SERIES_MAX);
    this.#updateLive();
  }

  #addBound(bound: Extract<BodyRecord, { type: 'bound' }>): void {
    this.#rootBounds.push(bound);
    halveOlder(this.#rootBounds, SERIES_MAX);
    this.#updateLive();
  }

  #updateLive(): void {
    const { tMs, values } = liveSeries(this.#rootGcs, this.#rootBounds).total;
    this.#live = tMs.map((t, i) => ({ tMs: t, bytes: values[i]! }));
  }

  #gcMarks(): { tMs: number; forced: boolean }[] {
    return this.#rootGcs.map((gc) => ({ tMs: gc.tMs, forced: gc.forced }));
  }
}

// The live view on a terminal (unless --no-live), plain progress lines otherwise.
export function liveViewFor(
  args: { live: boolean },
  durationMs: number | undefined,
  title: string,
  provisional: Provisional,
): LiveView {
  const tty = args.live && process.stderr.isTTY === true;
  provisional.setBuildShare(tty ? BUILD_SHARE_LIVE : BUILD_SHARE_PLAIN);
  return new LiveView({
    provisional,
    tty,
    durationMs,
    title,
    columns: () => process.stderr.columns ?? 100,
    color: colorWanted(process.env),
    write: (text) => process.stderr.write(text),
  });
}

// no-color.org: NO_COLOR set to anything but the empty string turns colour off.
export function colorWanted(env: NodeJS.ProcessEnv): boolean {
  return env.NO_COLOR === undefined || env.NO_COLOR === '';
}
