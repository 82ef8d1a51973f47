// Go's scavenger trace (GODEBUG=scavtrace=1): heap pages returned to the OS. Four shapes:
//
//   1.14–1.18  scav 3 1024 KiB work, 3904 KiB total, 15% util
//   1.19       scav 1024 KiB work, 3904 KiB total, 15% util [controller reset]
//   1.20       scav 512 KiB work (bg), 64 KiB work (eager), 3904 KiB total, 15% util
//   1.21+      scav 512 KiB work (bg), 64 KiB work (eager), 3904 KiB now, 15% util
//
// Any of them may end in " (forced)" (debug.FreeOSMemory). Before 1.19 the first number is
// the scavenger's generation. Source: runtime/mgcscavenge.go, printScavTrace.

const KIB = 1024;

export interface ScavTraceLine {
  releasedBytes: number;
  totalReleasedBytes: number;
  utilPercent: number;
  forced: boolean;
}

const SHAPES: readonly RegExp[] = [
  // 1.14–1.18 and 1.19: an optional generation, then one "work" figure.
  /^scav (?:\d+ )?(\d+) KiB work, (\d+) KiB total, (\d+)% util( \(forced\)| \[controller reset\])?$/,
  // 1.20 ("total") and 1.21+ ("now"): background and eager work.
  /^scav (\d+) KiB work \(bg\), (\d+) KiB work \(eager\), (\d+) KiB (?:total|now), (\d+)% util( \(forced\)| \[controller reset\])?$/,
];

export function looksLikeScavTrace(line: string): boolean {
  return line.startsWith('scav ');
}

export function parseScavTrace(line: string): ScavTraceLine | null {
  const old = SHAPES[0]!.exec(line);
  if (old !== null) {
    return {
      releasedBytes: Number(old[1]) * KIB,
      totalReleasedBytes: Number(old[2]) * KIB,
      utilPercent: Number(old[3]),
      forced: old[4] === ' (forced)',
    };
  }
  const split = SHAPES[1]!.exec(line);
  if (split === null) return null;
  return {
    releasedBytes: (Number(split[1]) + Number(split[2])) * KIB,
    totalReleasedBytes: Number(split[3]) * KIB,
    utilPercent: Number(split[4]),
    forced: split[5] === ' (forced)',
  };
}
