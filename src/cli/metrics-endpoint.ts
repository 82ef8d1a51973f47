// Starts the --metrics endpoint for `run` and `demo`, says where it is, and warns when it
// is reachable from other machines. The only place a listener is opened, and only on ask.

import { RssdoctorError } from '../errors.js';
import type { MetricsServer } from '../metrics/metrics-server.js';
import type { RecordingRecord } from '../recording/records.js';
import type { Provisional } from '../report/provisional.js';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

export async function openMetricsEndpoint(
  address: { host?: string; port: number } | undefined,
  provisional: Provisional,
): Promise<MetricsServer | null> {
  if (address === undefined) return null;
  let server: MetricsServer;
  try {
    // prom-client loads only when asked for: it is resident for the whole run once loaded.
    const { startMetricsServer } = await import('../metrics/metrics-server.js');
    server = await startMetricsServer(address, provisional);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new RssdoctorError(
      'usage.invalidOption',
      `--metrics: cannot listen on ${address.host ?? '127.0.0.1'}:${address.port} (${code}); pick another port, or 0 for any free one`,
    );
  }
  const shown = server.host.includes(':') ? `[${server.host}]` : server.host;
  process.stderr.write(`rssdoctor: metrics at http://${shown}:${server.port}/metrics\n`);
  if (!LOOPBACK.test(server.host)) {
    process.stderr.write(
      `rssdoctor: warning: --metrics listens on ${server.host}, reachable from other machines; use 127.0.0.1 unless that is what you want\n`,
    );
  }
  return server;
}

export function feedMetrics(
  server: MetricsServer | null,
): ((record: RecordingRecord) => void) | undefined {
  if (server === null) return undefined;
  return (record) => {
    if (record.type !== 'header') server.onRecord(record);
  };
}
