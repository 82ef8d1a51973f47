// Waits for a condition a real process brings about (a record arriving, a process gone),
// checking it every `everyMs`: a wait for an event, bounded, never a fixed sleep standing
// in for one. `poke` runs before each check (a session's tick). The condition may be
// asynchronous (a query to a real server).
import { setTimeout as delay } from 'node:timers/promises';

export async function until(
  what: string,
  condition: () => boolean | Promise<boolean>,
  options: { timeoutMs?: number; everyMs?: number; poke?: () => void } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    options.poke?.();
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(options.everyMs ?? 100);
  }
}
