// The demo's load generator: several connections to 127.0.0.1 sending length-prefixed
// messages at a set total rate (open loop), or as fast as acks allow (--rate 0, a window of
// WINDOW messages in flight per connection). Stops by itself at --duration-ms or after
// --messages, and writes a JSON summary (sent, acked, latency percentiles) to --summary-file.

import { writeFileSync } from 'node:fs';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import type { DemoLoadFigures } from '../recording/records.js';
import { ACK_BYTES, frame } from './frames.js';

const WINDOW = 32;
const TICK_MS = 10;

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const index = args.indexOf(name);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const port = option('--port', 0);
const connections = option('--connections', 4);
const rate = option('--rate', 2000);
const size = option('--size', 1024);
const durationMs = option('--duration-ms', 10_000);
const maxMessages = option('--messages', Number.POSITIVE_INFINITY);
const summaryIndex = args.indexOf('--summary-file');
const summaryFile = summaryIndex >= 0 ? args[summaryIndex + 1] : undefined;

const payload = Buffer.alloc(size, 7);
const message = frame(payload);
const latencies: number[] = [];
let sent = 0;
let acked = 0;
const started = performance.now();

interface Connection {
  socket: net.Socket;
  inFlight: number[];
  sentHere: number;
  ackBytes: number;
}

const sockets: Connection[] = Array.from({ length: connections }, () => {
  const connection: Connection = {
    socket: net.createConnection({ host: '127.0.0.1', port }),
    inFlight: [],
    sentHere: 0,
    ackBytes: 0,
  };
  connection.socket.on('error', () => finish());
  connection.socket.on('data', (chunk: Buffer) => {
    connection.ackBytes += chunk.length;
    while (connection.ackBytes >= ACK_BYTES) {
      connection.ackBytes -= ACK_BYTES;
      const sentAt = connection.inFlight.shift();
      if (sentAt !== undefined) latencies.push(performance.now() - sentAt);
      acked++;
    }
    if (rate === 0) pump(connection);
    if (sent >= maxMessages && acked >= sent) finish();
  });
  connection.socket.on('connect', () => {
    if (rate === 0) pump(connection);
  });
  return connection;
});

function send(connection: Connection): void {
  connection.socket.write(message);
  connection.inFlight.push(performance.now());
  connection.sentHere++;
  sent++;
}

// Closed loop: keep WINDOW messages in flight.
function pump(connection: Connection): void {
  while (connection.inFlight.length < WINDOW && sent < maxMessages && !done) send(connection);
}

// Open loop: each connection sends its share of the rate, paced every TICK_MS.
const ticker = setInterval(() => {
  const elapsedMs = performance.now() - started;
  if (elapsedMs >= durationMs) return finish();
  if (rate === 0) return;
  const duePerConnection = ((rate / connections) * elapsedMs) / 1000;
  for (const connection of sockets) {
    if (connection.socket.connecting) continue;
    while (connection.sentHere < duePerConnection && sent < maxMessages) send(connection);
  }
}, TICK_MS);

let done = false;
function finish(): void {
  if (done) return;
  done = true;
  clearInterval(ticker);
  const elapsedMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const pick = (q: number): number | null =>
    latencies.length === 0
      ? null
      : latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  const summary: DemoLoadFigures = {
    connections,
    ratePerSecond: rate,
    messageBytes: size,
    sentMessages: sent,
    ackedMessages: acked,
    sentBytes: sent * size,
    durationMs: elapsedMs,
    sentBytesPerSecond: (sent * size * 1000) / elapsedMs,
    p50LatencyMs: pick(0.5),
    p99LatencyMs: pick(0.99),
    maxLatencyMs: latencies.length === 0 ? null : latencies[latencies.length - 1]!,
  };
  if (summaryFile !== undefined)
    writeFileSync(summaryFile, JSON.stringify(summary), { mode: 0o600 });
  for (const connection of sockets) connection.socket.destroy();
}
