// A Chrome DevTools Protocol client over the inspector's WebSocket: requests matched to
// responses by id, events to handlers. The WebSocket is `ws` (maintained, and the framing
// is not ours to get wrong); the method types are devtools-protocol's, published with the
// protocol. Node's own domains (NodeWorker) are not in it and go through `call`.

import type { ProtocolMapping } from 'devtools-protocol/types/protocol-mapping.js';
import WebSocket from 'ws';

type Commands = ProtocolMapping.Commands;

// Where a command goes: the main isolate's session, or a worker's through NodeWorker.
export interface CdpTarget {
  call: (method: string, params?: object) => Promise<unknown>;
}

export function typedCall<M extends keyof Commands>(
  target: CdpTarget,
  method: M,
  ...params: Commands[M]['paramsType']
): Promise<Commands[M]['returnType']> {
  return target.call(method, params[0]) as Promise<Commands[M]['returnType']>;
}

export class CdpClient implements CdpTarget {
  readonly #socket: WebSocket;
  readonly #pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void }
  >();
  readonly #handlers = new Map<string, ((params: unknown) => void)[]>();
  #nextId = 1;
  readonly #timeoutMs: number;

  private constructor(socket: WebSocket, timeoutMs: number) {
    this.#socket = socket;
    this.#timeoutMs = timeoutMs;
    socket.on('message', (data) => this.#onMessage(String(data)));
    socket.on('close', () => this.#failAll(new Error('the inspector connection closed')));
  }

  static connect(url: string, timeoutMs: number): Promise<CdpClient> {
    return new Promise((resolve, reject) => {
      // No compression, no redirects: a plain connection to a loopback port.
      const socket = new WebSocket(url, { perMessageDeflate: false, followRedirects: false });
      const timer = setTimeout(() => {
        socket.terminate();
        reject(new Error(`the inspector at ${url} did not accept a connection in ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once('open', () => {
        clearTimeout(timer);
        resolve(new CdpClient(socket, timeoutMs));
      });
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  call(method: string, params?: object): Promise<unknown> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`${method} got no answer in ${this.#timeoutMs} ms`));
      }, this.#timeoutMs);
      this.#pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.#socket.send(JSON.stringify({ id, method, params: params ?? {} }), (error) => {
        if (error !== undefined && error !== null) this.#settle(id, undefined, error);
      });
    });
  }

  // Sends without waiting for the answer (a command that closes this very connection).
  fire(method: string, params?: object): void {
    this.#socket.send(JSON.stringify({ id: this.#nextId++, method, params: params ?? {} }));
  }

  on(event: string, handler: (params: unknown) => void): void {
    this.#handlers.set(event, [...(this.#handlers.get(event) ?? []), handler]);
  }

  get open(): boolean {
    return this.#socket.readyState === WebSocket.OPEN;
  }

  // Resolves once the connection is closed, by either side, or after timeoutMs.
  close(timeoutMs = 2_000): Promise<void> {
    if (this.#socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#socket.terminate();
        resolve();
      }, timeoutMs);
      this.#socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      if (this.#socket.readyState === WebSocket.OPEN) this.#socket.close();
    });
  }

  // Waits for the other side to close the connection (inspector.close() in the target).
  closed(timeoutMs: number): Promise<boolean> {
    if (this.#socket.readyState === WebSocket.CLOSED) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.#socket.once('close', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  #onMessage(text: string): void {
    let message: {
      id?: number;
      result?: unknown;
      error?: { message?: string };
      method?: string;
      params?: unknown;
    };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return;
    }
    if (message.id !== undefined) {
      const error =
        message.error === undefined
          ? undefined
          : new Error(message.error.message ?? 'protocol error');
      this.#settle(message.id, message.result, error);
      return;
    }
    if (message.method !== undefined) {
      for (const handler of this.#handlers.get(message.method) ?? []) handler(message.params);
    }
  }

  #settle(id: number, result: unknown, error: Error | undefined): void {
    const pending = this.#pending.get(id);
    if (pending === undefined) return;
    this.#pending.delete(id);
    if (error === undefined) pending.resolve(result);
    else pending.reject(error);
  }

  #failAll(error: Error): void {
    for (const [id, pending] of this.#pending) {
      this.#pending.delete(id);
      pending.reject(error);
    }
  }
}
