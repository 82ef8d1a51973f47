// The seed scenario's receiver, in Node: a TCP server on 127.0.0.1 with 5 worker threads.
// The main thread reads length-prefixed messages and hands each one to a worker in turn;
// the worker checksums it (and with --leak keeps it forever); the main thread acks.
// It writes its port to --port-file (0600) and runs until it is stopped.
// Usage: node receiver.js --port-file F [--workers 5] [--leak]

import { writeFileSync } from 'node:fs';
import net from 'node:net';
import { Worker } from 'node:worker_threads';
import { ACK_BYTES, FrameReader } from './frames.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const portFile = option('--port-file');
const workerCount = Number(option('--workers') ?? 5);
const leak = args.includes('--leak');
if (portFile === undefined) throw new Error('receiver: --port-file is required');

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const kept = [];
parentPort.on('message', ({ id, payload }) => {
  let sum = 0;
  for (let i = 0; i < payload.length; i += 64) sum = (sum * 31 + payload[i]) >>> 0;
  if (${leak}) kept.push(payload);
  parentPort.postMessage({ id, sum });
});`;

const workers = Array.from(
  { length: workerCount },
  () => new Worker(WORKER_SOURCE, { eval: true }),
);
const waiting = new Map<number, net.Socket>();
let nextId = 0;
let nextWorker = 0;
for (const worker of workers) {
  worker.on('message', ({ id, sum }: { id: number; sum: number }) => {
    const socket = waiting.get(id);
    waiting.delete(id);
    if (socket === undefined || socket.destroyed) return;
    const ack = Buffer.allocUnsafe(ACK_BYTES);
    ack.writeUInt32BE(sum, 0);
    socket.write(ack);
  });
}

const server = net.createServer((socket) => {
  const reader = new FrameReader();
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk: Buffer) => {
    try {
      reader.push(chunk, (payload) => {
        const id = nextId++;
        waiting.set(id, socket);
        workers[nextWorker]!.postMessage({ id, payload });
        nextWorker = (nextWorker + 1) % workers.length;
      });
    } catch {
      socket.destroy();
    }
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address() as net.AddressInfo;
  writeFileSync(portFile, String(address.port), { mode: 0o600 });
});
