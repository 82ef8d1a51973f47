// `--metrics [host:]port`: a Prometheus endpoint (GET /metrics) with its own registry,
// never the global one. Bound to 127.0.0.1 unless a host is given. The provisional
// verdicts come from report/provisional.ts (rebuilt at most every 5 s of run time, shown
// through hysteresis), with the same buildReport as the final one.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import type { BodyRecord } from '../recording/records.js';
import { Provisional } from '../report/provisional.js';
import { registerGcCollector } from './gc-collector.js';
import { registerLiveHeapCollector } from './live-heap-collector.js';
import { registerProjectionCollector } from './projection-collector.js';
import { registerRssCollector } from './rss-collector.js';
import { registerVerdictCollector } from './verdict-collector.js';
import { WatchState } from './watch-state.js';

export const DEFAULT_METRICS_HOST = '127.0.0.1';

export interface MetricsServer {
  port: number;
  host: string;
  onRecord: (record: BodyRecord) => void;
  close: () => Promise<void>;
}

// `provisional` is the run's (shared with the live view): it keeps the records, this
// server only reads its verdicts.
export async function startMetricsServer(
  options: { host?: string; port: number },
  provisional: Provisional,
): Promise<MetricsServer> {
  const state = new WatchState();
  const registry = new Registry();
  registerRssCollector(registry, state);
  registerLiveHeapCollector(registry, state);
  registerGcCollector(registry, state);
  registerVerdictCollector(registry, state);
  registerProjectionCollector(registry, state, () => lastTMs);
  let lastTMs = 0;
  const judge = (): void => {
    const judged = provisional.evaluate(lastTMs);
    if (judged === null) return;
    for (const [pid, shown] of judged.processes) {
      if (shown !== null) state.setVerdict(pid, shown.verdict, shown.confidence);
    }
    // The projection is the report's, shown only while its process's shown verdict agrees.
    const { report } = judged;
    const agreed = report.pid === null ? null : judged.processes.get(report.pid);
    state.setProjection(
      report.pid,
      report.limits,
      agreed?.verdict === report.verdict ? report.projection : null,
    );
  };
  const server = http.createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404).end('rssdoctor: only GET /metrics is served\n');
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'Content-Type': registry.contentType }).end(text),
      (error: Error) => response.writeHead(500).end(`${error.message}\n`),
    );
  });
  const host = options.host ?? DEFAULT_METRICS_HOST;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  server.unref();
  return {
    port: (server.address() as AddressInfo).port,
    host,
    onRecord: (record) => {
      state.add(record);
      lastTMs = Math.max(lastTMs, record.tMs);
      judge();
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
