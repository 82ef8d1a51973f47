// Length-prefixed framing for the demo's TCP protocol: a 4-byte big-endian length, then
// the payload. The receiver answers each message with a 4-byte ack (its checksum).

export const HEADER_BYTES = 4;
export const ACK_BYTES = 4;
// Refuse absurd frames rather than buffer them: the demo's messages are a few KiB.
export const MAX_FRAME_BYTES = 16 * 1024 * 1024;

// Feeds chunks in, hands complete payloads out. Payloads are copies, so the chunk buffers
// can be collected.
export class FrameReader {
  #pending: Buffer[] = [];
  #pendingBytes = 0;

  push(chunk: Buffer, onFrame: (payload: Buffer) => void): void {
    this.#pending.push(chunk);
    this.#pendingBytes += chunk.length;
    while (this.#pendingBytes >= HEADER_BYTES) {
      const head = this.#peek(HEADER_BYTES);
      const length = head.readUInt32BE(0);
      if (length > MAX_FRAME_BYTES)
        throw new RangeError(`frame of ${length} bytes exceeds ${MAX_FRAME_BYTES}`);
      if (this.#pendingBytes < HEADER_BYTES + length) return;
      onFrame(this.#take(HEADER_BYTES, length));
    }
  }

  #peek(bytes: number): Buffer {
    if (this.#pending[0]!.length >= bytes) return this.#pending[0]!;
    const joined = Buffer.concat(this.#pending);
    this.#pending = [joined];
    return joined;
  }

  // Skips `skip` bytes and copies the next `bytes` into a buffer of exactly that size: not a
  // view into Node's shared 8 KiB pool, which a worker's postMessage would copy whole.
  #take(skip: number, bytes: number): Buffer {
    const joined = this.#pending.length === 1 ? this.#pending[0]! : Buffer.concat(this.#pending);
    const out = Buffer.allocUnsafeSlow(bytes);
    joined.copy(out, 0, skip, skip + bytes);
    const rest = joined.subarray(skip + bytes);
    this.#pending = rest.length > 0 ? [rest] : [];
    this.#pendingBytes = rest.length;
    return out;
  }
}

export function frame(payload: Buffer): Buffer {
  const out = Buffer.allocUnsafe(HEADER_BYTES + payload.length);
  out.writeUInt32BE(payload.length, 0);
  payload.copy(out, HEADER_BYTES);
  return out;
}
