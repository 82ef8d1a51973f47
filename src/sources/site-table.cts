// A profile's sites as a record holds them: the largest SITES_KEPT, the rest summed, so a
// recording stays small whatever the program. Shared by every runtime's profile reader (a
// .cts so that the Node agent can load it).

import type { SiteBytes } from '../recording/records.js';

export interface ProfileSites {
  totalBytes: number;
  sites: SiteBytes[];
  omittedSites: number;
  omittedBytes: number;
}

export const SITES_KEPT = 300;

// Sums bytes per site (same function, file, line and class).
export class SiteTable {
  readonly #bySite = new Map<string, SiteBytes>();
  #totalBytes = 0;

  add(site: Omit<SiteBytes, 'bytes'>, bytes: number): void {
    this.#totalBytes += bytes;
    const key = `${site.className ?? ''}\u0000${site.function ?? ''}\u0000${site.file ?? ''}\u0000${site.line ?? ''}`;
    const summed = this.#bySite.get(key) ?? { ...site, bytes: 0 };
    summed.bytes += bytes;
    this.#bySite.set(key, summed);
  }

  largest(kept = SITES_KEPT): ProfileSites {
    const sorted = [...this.#bySite.values()].sort((a, b) => b.bytes - a.bytes);
    return {
      totalBytes: this.#totalBytes,
      sites: sorted.slice(0, kept),
      omittedSites: Math.max(0, sorted.length - kept),
      omittedBytes: sorted.slice(kept).reduce((sum, site) => sum + site.bytes, 0),
    };
  }
}
