// Anonymous memory a Go process holds beyond live data without any of it being waste.

import { GO_RETAINED_FRACTION } from './accounted.js';

// The Go demo receiver (Go 1.19) at the end of a 20 s run: RssAnon 1.2 MiB at 5 messages/s
// with no GC yet, 5.0–5.7 MiB at 2000 messages/s churning at a 4 MiB goal
// (`rssdoctor demo --runtime go --duration 20 --interval 0.5 [--rate 2000]`). The runtime's
// own part, rounded up; the heap's room up to its goal is added per process, because GOGC
// asks for it: it is the GC's trade, not waste.
export const GO_BASELINE_BYTES = 2 * 1024 * 1024;

export function goBaselineBytes(goalBytes: number | null, liveBytes: number): number {
  const headroom = goalBytes === null ? 0 : goalBytes * GO_RETAINED_FRACTION - liveBytes;
  return GO_BASELINE_BYTES + Math.max(0, headroom);
}
