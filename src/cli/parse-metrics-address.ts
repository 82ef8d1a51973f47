import { InvalidArgumentError } from 'commander';

// --metrics [host:]port: "9464", "127.0.0.1:9464", "0.0.0.0:9464", "[::1]:9464". Port 0
// picks a free one (printed at start).
export function parseMetricsAddress(value: string): { host?: string; port: number } {
  const m = /^(?:(\[[0-9a-fA-F:]+\]|[^:\s]+):)?(\d{1,5})$/.exec(value);
  const port = Number(m?.[2]);
  if (m === null || port > 65535) {
    throw new InvalidArgumentError(
      `expected [host:]port such as 9464 or 127.0.0.1:9464, got "${value}"`,
    );
  }
  const host = m[1]?.replace(/^\[(.*)\]$/, '$1');
  return host === undefined ? { port } : { host, port };
}
