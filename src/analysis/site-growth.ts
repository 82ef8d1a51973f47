// Retained growth per site: what each allocation site (a function, or a class) keeps more
// of at the last profile than at the first.
//
//     bytes kept   first profile          last profile      growth = last − first,
//     by a site    ▇▇                     ▇▇▇▇▇▇▇▇ keep()   per site, as
//                  ▇▇▇▇ handler()         ▇▇▇▇ handler()    `go tool pprof -diff_base`
//                  └──────────────────────────────────► t   does for inuse_space
//
// Every profile is taken right after a full GC, so its bytes are what is kept, not what was
// allocated: a handler that makes megabytes of garbage per second keeps nothing and does
// not rank, while one that keeps 1 KB per request does. Each stream (a process, or one
// isolate of it) is diffed against its own first profile, then the streams are summed per
// site; a site missing from a profile holds 0 there. Pure.

import type { SiteBytes, SitesMethod, SitesRecord } from '../recording/records.js';

export interface SiteGrowth {
  function: string | null;
  file: string | null;
  line: number | null;
  className?: string;
  growthBytes: number;
  growthBytesPerMinute: number;
}

export interface SiteGrowthFinding {
  method: SitesMethod;
  // The instants compared: the earliest first profile and the latest last one.
  fromMs: number;
  toMs: number;
  profiles: number;
  // The sites that grew, largest first.
  sites: SiteGrowth[];
  // What all growing sites add up to, and the net change over every site.
  grownBytes: number;
  netBytes: number;
}

const MS_PER_MINUTE = 60_000;

export function siteGrowth(records: readonly SitesRecord[]): SiteGrowthFinding | null {
  const streams = new Map<string, SitesRecord[]>();
  for (const record of records) {
    const key = `${record.pid}/${record.threadId ?? 0}`;
    const stream = streams.get(key) ?? [];
    stream.push(record);
    streams.set(key, stream);
  }
  const bySite = new Map<string, SiteGrowth>();
  let fromMs = Number.POSITIVE_INFINITY;
  let toMs = Number.NEGATIVE_INFINITY;
  for (const stream of streams.values()) {
    if (stream.length < 2) continue;
    const first = stream[0]!;
    const last = stream[stream.length - 1]!;
    const spanMs = last.tMs - first.tMs;
    if (spanMs <= 0) continue;
    fromMs = Math.min(fromMs, first.tMs);
    toMs = Math.max(toMs, last.tMs);
    const before = new Map(first.sites.map((site) => [siteKey(site), site.bytes]));
    const after = new Map(last.sites.map((site) => [siteKey(site), site]));
    for (const site of first.sites) {
      if (!after.has(siteKey(site))) after.set(siteKey(site), { ...site, bytes: 0 });
    }
    for (const [key, site] of after) {
      const growthBytes = site.bytes - (before.get(key) ?? 0);
      const summed = bySite.get(key) ?? {
        function: site.function,
        file: site.file,
        line: site.line,
        ...(site.className === undefined ? {} : { className: site.className }),
        growthBytes: 0,
        growthBytesPerMinute: 0,
      };
      summed.growthBytes += growthBytes;
      summed.growthBytesPerMinute += (growthBytes / spanMs) * MS_PER_MINUTE;
      bySite.set(key, summed);
    }
  }
  if (!Number.isFinite(fromMs)) return null;
  const all = [...bySite.values()];
  const sites = all
    .filter((site) => site.growthBytes > 0)
    .sort((a, b) => b.growthBytes - a.growthBytes);
  return {
    method: records[0]!.method,
    fromMs,
    toMs,
    profiles: records.length,
    sites,
    grownBytes: sites.reduce((sum, site) => sum + site.growthBytes, 0),
    netBytes: all.reduce((sum, site) => sum + site.growthBytes, 0),
  };
}

function siteKey(site: SiteBytes): string {
  return `${site.className ?? ''}\u0000${site.function ?? ''}\u0000${site.file ?? ''}\u0000${site.line ?? ''}`;
}
