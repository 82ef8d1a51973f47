// The Node agent channel: a unix socket in the run's private directory (0700), one NDJSON
// connection per Node process. Two-way: messages come in, controls (`gc`, `release`) go
// out. No TCP port is ever opened.

import { chmodSync } from 'node:fs';
import net from 'node:net';
import { lineSplitter } from './ndjson-lines.cjs';
import path from 'node:path';
import type { AgentMessage, ControlMessage, ControlResultMessage } from './agent-protocol.cjs';

export interface AgentChannel {
  socketPath: string;
  pids: () => number[];
  // Resolves with the agent's result, or null if it did not answer within timeoutMs.
  control: (
    pid: number,
    action: ControlMessage['action'],
    timeoutMs: number,
    // sites: with the GC, a heap profile of every isolate (attribution); freshMs and
    // boundIdle: a periodic probe's; malloc: allocator figures after (ControlMessage).
    probe?: Pick<ControlMessage, 'sites' | 'freshMs' | 'boundIdle' | 'malloc'>,
  ) => Promise<ControlResultMessage | null>;
  close: () => Promise<void>;
}

export interface AgentEvents {
  onMessage: (message: AgentMessage) => void;
  // A line that did not parse: counted into data quality, never fatal.
  onMalformed: (line: string) => void;
}

export function openAgentChannel(directory: string, events: AgentEvents): Promise<AgentChannel> {
  const socketPath = path.join(directory, 'agent.sock');
  const sockets = new Map<number, net.Socket>();
  const connections = new Set<net.Socket>();
  const pending = new Map<number, (result: ControlResultMessage | null) => void>();
  let nextId = 1;
  const server = net.createServer((socket) => {
    connections.add(socket);
    socket.setEncoding('utf8');
    socket.on('error', () => socket.destroy());
    socket.on(
      'data',
      lineSplitter((line) => {
        let message: AgentMessage;
        try {
          message = JSON.parse(line) as AgentMessage;
        } catch {
          events.onMalformed(line);
          return;
        }
        if (message.t === 'hello') sockets.set(message.pid, socket);
        if (message.t === 'control-result') {
          pending.get(message.id)?.(message);
          pending.delete(message.id);
        }
        events.onMessage(message);
      }),
    );
    socket.on('close', () => {
      connections.delete(socket);
      for (const [pid, known] of sockets) if (known === socket) sockets.delete(pid);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      // The run directory (0700) already keeps others out; the socket is the owner's alone
      // too, whatever the umask made it.
      chmodSync(socketPath, 0o600);
      server.unref();
      resolve({
        socketPath,
        pids: () => [...sockets.keys()],
        control: (pid, action, timeoutMs, probe = {}) => {
          const socket = sockets.get(pid);
          if (socket === undefined || !socket.writable) return Promise.resolve(null);
          const id = nextId++;
          return new Promise((done) => {
            const timer = setTimeout(() => {
              pending.delete(id);
              done(null);
            }, timeoutMs);
            pending.set(id, (result) => {
              clearTimeout(timer);
              done(result);
            });
            const message: ControlMessage = {
              t: 'control',
              id,
              action,
              ...(probe.sites === true ? { sites: true } : {}),
              ...(probe.freshMs === undefined ? {} : { freshMs: probe.freshMs }),
              ...(probe.boundIdle === true ? { boundIdle: true } : {}),
              ...(probe.malloc === true ? { malloc: true } : {}),
            };
            socket.write(JSON.stringify(message) + '\n');
          });
        },
        close: () =>
          new Promise<void>((closed) => {
            for (const socket of connections) socket.destroy();
            server.close(() => closed());
          }),
      });
    });
  });
}
