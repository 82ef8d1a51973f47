// A worker thread's isolate, reached through the main session's NodeWorker domain (Node's
// own, not in devtools-protocol): each command goes as a string in
// NodeWorker.sendMessageToWorker, and its answer comes back in a
// NodeWorker.receivedMessageFromWorker event, which the session hands to deliver().

import type { CdpTarget } from './cdp-client.js';

export class WorkerTarget implements CdpTarget {
  readonly threadId: number;
  readonly #main: CdpTarget;
  readonly #sessionId: string;
  readonly #timeoutMs: number;
  readonly #pending = new Map<
    number,
    (answer: { result?: unknown; error?: { message?: string } }) => void
  >();
  #nextId = 1;

  constructor(main: CdpTarget, sessionId: string, threadId: number, timeoutMs: number) {
    this.#main = main;
    this.#sessionId = sessionId;
    this.threadId = threadId;
    this.#timeoutMs = timeoutMs;
  }

  call(method: string, params?: object): Promise<unknown> {
    const id = this.#nextId++;
    const answer = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(
          new Error(`${method} in worker ${this.threadId} got no answer in ${this.#timeoutMs} ms`),
        );
      }, this.#timeoutMs);
      this.#pending.set(id, (message) => {
        clearTimeout(timer);
        if (message.error === undefined) resolve(message.result);
        else reject(new Error(message.error.message ?? 'protocol error'));
      });
    });
    const message = JSON.stringify({ id, method, params: params ?? {} });
    this.#main
      .call('NodeWorker.sendMessageToWorker', { sessionId: this.#sessionId, message })
      .catch((error: Error) => this.#pending.get(id)?.({ error: { message: error.message } }));
    return answer;
  }

  // A message from the worker's session: an answer to one of ours, or an event (ignored).
  deliver(text: string): void {
    let message: { id?: number; result?: unknown; error?: { message?: string } };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return;
    }
    if (message.id === undefined) return;
    const settle = this.#pending.get(message.id);
    this.#pending.delete(message.id);
    settle?.(message);
  }
}
