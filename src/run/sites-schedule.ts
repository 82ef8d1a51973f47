// Attribution's instants: when each runtime's session takes a profile of what is kept
// (report/attribution.ts compares the first with the last). The first comes once start-up
// is past: a fifth of --duration, at most 10 s. Each later one comes when the run has
// doubled its age since the previous one, so a 40 s run takes them at 8, 16 and 32 s, a
// day-long one about fourteen in all, and the final one rides on the last forced GC. Each
// comes with a forced full GC, which counts against the pause budget (probe-pacing.ts).

export const SITES_FIRST_MAX_MS = 10_000;
const SITES_FIRST_FRACTION = 0.2;
const SITES_FIRST_MIN_MS = 1_000;

export function sitesFirstMs(durationMs: number | undefined): number {
  if (durationMs === undefined) return SITES_FIRST_MAX_MS;
  return Math.max(
    SITES_FIRST_MIN_MS,
    Math.min(SITES_FIRST_MAX_MS, durationMs * SITES_FIRST_FRACTION),
  );
}

// lastSitesMs: when the last profile was taken (null: none yet).
export function sitesDue(lastSitesMs: number | null, tMs: number, firstMs: number): boolean {
  return lastSitesMs === null ? tMs >= firstMs : tMs >= 2 * lastSitesMs;
}

// The final profile rides on the last forced GC when an earlier one started the sampling
// and is not just as recent (within a tenth of the run's age, it would add nothing).
export function sitesFinal(lastSitesMs: number | null, tMs: number): boolean {
  return lastSitesMs !== null && tMs - lastSitesMs >= FINAL_GAP_FRACTION * tMs;
}
const FINAL_GAP_FRACTION = 0.1;

// Why no profile is taken in this run, or null when they are (the note it writes).
export function sitesOffWhy(options: { passive?: boolean; attribution?: boolean }): string | null {
  if (options.passive === true) {
    return '--passive: no heap profile was taken (each needs a forced GC), so no code is named';
  }
  if (options.attribution === false) return '--no-attribution: no heap profile was taken';
  return null;
}
