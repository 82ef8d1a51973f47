import { InvalidArgumentError } from 'commander';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, '': 1000, m: 60_000, h: 3_600_000 };

// "60", "1.5", "90s", "500ms", "2m", "1h" → milliseconds. Anything else is a usage error
// that names what was expected and what was seen.
export function parseSecondsToMs(value: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value.trim());
  const ms = match === null ? Number.NaN : Number(match[1]) * UNIT_MS[match[2] ?? '']!;
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new InvalidArgumentError(
      `expected a positive duration such as 60, 90s, 500ms, 2m or 1h, got "${value}"`,
    );
  }
  return ms;
}
