// `rssdoctor attach <pid>`: the watch of a running process, with the live view, the
// metrics and the reports of `run`. Ctrl-C ends the watch (the process keeps running) and
// the report is written as at --duration, so its exit code is the verdict's.

import { startAttach } from '../attach/attach.js';
import { Provisional } from '../report/provisional.js';
import { exitFor } from './exit-codes.js';
import { liveViewFor } from './live-view.js';
import { feedMetrics, openMetricsEndpoint } from './metrics-endpoint.js';
import { awaitReport } from './await-report.js';
import { forStderr } from './output.js';
import type { AttachArgs } from './program.js';

export async function attachCommand(args: AttachArgs): Promise<number> {
  const provisional = new Provisional();
  const view = liveViewFor(args, args.durationMs, `pid ${args.pid}`, provisional);
  const metrics = await openMetricsEndpoint(args.metrics, provisional);
  const feed = feedMetrics(metrics);
  const handle = startAttach({
    pid: args.pid,
    durationMs: args.durationMs,
    intervalMs: args.intervalMs,
    outPath: args.out,
    passive: args.passive ?? false,
    attribution: args.attribution ?? true,
    probeRelease: args.probeRelease ?? false,
    deep: args.deep ?? false,
    runtime: args.runtime,
    inspector: args.inspector ?? false,
    pprofUrl: args.pprof,
    expvarUrl: args.expvar,
    records: provisional.records,
    onRecord: (record) => {
      if (record.type === 'header') provisional.setHeader(record);
      feed?.(record);
      view.onRecord(record);
    },
    onNotice: (text) => view.passthrough(forStderr(`rssdoctor: ${text}\n`)),
    onStart: ({ pid, recordingPath, runtime }) => {
      const what = runtime === 'other' ? 'at OS level' : `(${runtime})`;
      view.passthrough(
        forStderr(
          `rssdoctor: watching pid ${pid} ${what}, recording to ${recordingPath}; Ctrl-C ends the watch, the process keeps running\n`,
        ),
      );
    },
  });
  try {
    const report = await awaitReport(handle.done, () => handle.stop(), view, args);
    return exitFor(report.verdict, args.failOn);
  } finally {
    await metrics?.close();
  }
}
