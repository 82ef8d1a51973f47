// The Go runtime settings that change what a trace means, read from a process's own
// environment (/proc/PID/environ), with the runtime's own parsing rules.

export const GOGC_DEFAULT_PERCENT = 100;

export interface GoSettings {
  // GODEBUG has gctrace=N with N ≥ 1.
  gctrace: boolean;
  // GOGC as a percentage; null means `off` (no GC until GOMEMLIMIT, if any).
  gogcPercent: number | null;
  memoryLimitBytes: number | null;
}

export function goSettings(environ: ReadonlyMap<string, string>): GoSettings {
  return {
    gctrace: Number(godebugValue(environ.get('GODEBUG'), 'gctrace') ?? '0') >= 1,
    gogcPercent: parseGogc(environ.get('GOGC')),
    memoryLimitBytes: parseMemoryLimit(environ.get('GOMEMLIMIT')),
  };
}

// GODEBUG is comma-separated name=value pairs; the last setting of a name wins.
export function godebugValue(godebug: string | undefined, name: string): string | undefined {
  let value: string | undefined;
  for (const pair of (godebug ?? '').split(',')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === name) value = pair.slice(eq + 1).trim();
  }
  return value;
}

// runtime.readGOGC: "off" or a negative number disables the GC; anything unparsable is 100.
export function parseGogc(value: string | undefined): number | null {
  if (value === undefined || value === '') return GOGC_DEFAULT_PERCENT;
  if (value === 'off') return null;
  if (!/^-?\d+$/.test(value)) return GOGC_DEFAULT_PERCENT;
  const percent = Number(value);
  return percent < 0 ? null : percent;
}

const UNIT_BYTES: Record<string, number> = {
  B: 1,
  KiB: 1024,
  MiB: 1024 ** 2,
  GiB: 1024 ** 3,
  TiB: 1024 ** 4,
};

// runtime.parseByteCount: digits and an optional B/KiB/MiB/GiB/TiB suffix; "off" is no
// limit. An invalid value makes Go refuse to start, so it cannot reach us; null either way.
export function parseMemoryLimit(value: string | undefined): number | null {
  if (value === undefined || value === '' || value === 'off') return null;
  const m = /^(\d+)(B|KiB|MiB|GiB|TiB)?$/.exec(value);
  if (m === null) return null;
  return Number(m[1]) * UNIT_BYTES[m[2] ?? 'B']!;
}
