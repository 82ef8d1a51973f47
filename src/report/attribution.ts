// The report's `attribution`: where the live heap of the verdict's process grew, from its
// profiles (analysis/site-growth.ts), with each site's share of the live-heap growth over
// the same instants, and a sentence that says how much of the growth the sites explain,
// or why no site is named.

import { siteGrowth, type SiteGrowth } from '../analysis/site-growth.js';
import type { Series } from '../analysis/series.js';
import { formatBytes, formatSeconds } from '../format/figures.js';
import type { NoteRecord, Runtime, SitesRecord } from '../recording/records.js';
import { runtimeModule } from '../runtimes/registry.js';
import type { Attribution, AttributionSite } from './report.js';
import { REMEDIES } from '../verdict/remedy.js';

const ATTRIBUTION_SITES = 20;
export const TOP_SITES = 5;
// Below this share of the live-heap growth, the sites do not explain it: say what else.
const EXPLAINED_SHARE = 0.5;

export interface AttributionInputs {
  pid: number | null;
  runtime: Runtime;
  sites: readonly SitesRecord[];
  // The verdict's live series of the process (summed over its isolates).
  live: Series | null;
  // Notes that say why a profile was not taken (source.sitesUnavailable), any process.
  notes: readonly NoteRecord[];
}

export function attributionOf(inputs: AttributionInputs): Attribution {
  const found = siteGrowth(inputs.sites);
  if (found === null) return missing(inputs, missingWhy(inputs));
  const liveGrowthBytes =
    inputs.live === null ? null : liveGrowth(inputs.live, found.fromMs, found.toMs);
  const growing = liveGrowthBytes !== null && liveGrowthBytes > 0 ? liveGrowthBytes : null;
  const sites = found.sites.slice(0, ATTRIBUTION_SITES).map((site) => reportSite(site, growing));
  const topBytes = sites.slice(0, TOP_SITES).reduce((sum, site) => sum + site.growthBytes, 0);
  const topFiveShare = growing === null ? null : topBytes / growing;
  const pauses = inputs.sites.flatMap((record) => record.pauseMs ?? []);
  const span = `${formatSeconds(found.fromMs)} → ${formatSeconds(found.toMs)}`;
  const unseen = runtimeModule(inputs.runtime)?.sites?.unseen ?? 'outside what the profile sees';
  let text: string;
  if (growing === null) {
    text = `the live heap did not grow between the profiles (${span})${sites.length > 0 ? ': the sites below grew by little' : ''}`;
  } else if (sites.length === 0) {
    text = `no site kept more at ${formatSeconds(found.toMs)} than at ${formatSeconds(found.fromMs)}, while the live heap grew by ${formatBytes(growing)}: the rest is ${unseen}`;
  } else if (topFiveShare !== null && topFiveShare >= EXPLAINED_SHARE) {
    // A sampled estimate can exceed the measured growth: that is "all of it", not more.
    const held = topFiveShare > 1 ? 'all' : percent(topFiveShare);
    text = `the top ${Math.min(TOP_SITES, sites.length)} sites hold ${held} of the live-heap growth (${formatBytes(topBytes)} for ${formatBytes(growing)}, ${span})`;
  } else {
    text = `the sites hold only ${percent(found.grownBytes / growing)} of the live-heap growth (${formatBytes(found.grownBytes)} of ${formatBytes(growing)}, ${span}): the rest is ${unseen}`;
  }
  return {
    status: 'found',
    method: found.method,
    pid: inputs.pid,
    fromMs: found.fromMs,
    toMs: found.toMs,
    profiles: found.profiles,
    liveGrowthBytes,
    grownBytes: found.grownBytes,
    topFiveShare,
    sites,
    maxPauseMs: pauses.length === 0 ? null : Math.max(...pauses),
    text,
  };
}

function reportSite(site: SiteGrowth, liveGrowthBytes: number | null): AttributionSite {
  return {
    ...site,
    shareOfLiveGrowth: liveGrowthBytes === null ? null : site.growthBytes / liveGrowthBytes,
  };
}

// The live series' change between the points nearest the two instants (each profile comes
// right after the forced GC whose live point it shares).
function liveGrowth(live: Series, fromMs: number, toMs: number): number | null {
  const from = nearest(live, fromMs);
  const to = nearest(live, toMs);
  if (from === null || to === null || from === to) return null;
  return live.values[to]! - live.values[from]!;
}

function nearest(series: Series, tMs: number): number | null {
  let best: number | null = null;
  for (let i = 0; i < series.tMs.length; i++) {
    if (best === null || Math.abs(series.tMs[i]! - tMs) < Math.abs(series.tMs[best]! - tMs))
      best = i;
  }
  return best;
}

function missingWhy(inputs: AttributionInputs): string {
  const said = inputs.notes.findLast(
    (note) =>
      note.code === 'source.sitesUnavailable' &&
      (note.pid === undefined || note.pid === inputs.pid),
  );
  if (said !== undefined) return said.text;
  if (inputs.pid === null) return 'no process was watched';
  const module = runtimeModule(inputs.runtime);
  if (module === null) {
    return 'no runtime source reached this process, so no code can be named (the verdict is OS level)';
  }
  if (module.sites === undefined) return `rssdoctor names no code for ${module.words.program} yet`;
  if (inputs.sites.length > 0) {
    return `one profile was taken, and a growth needs two: ${REMEDIES.longerForProfiles.cli}`;
  }
  return module.sites.missingWhy;
}

function missing(inputs: AttributionInputs, text: string): Attribution {
  return {
    status: 'missing',
    method: inputs.sites[0]?.method ?? null,
    pid: inputs.pid,
    fromMs: null,
    toMs: null,
    profiles: inputs.sites.length,
    liveGrowthBytes: null,
    grownBytes: null,
    topFiveShare: null,
    sites: [],
    maxPauseMs: null,
    text,
  };
}

function percent(share: number): string {
  return `${(share * 100).toFixed(0)}%`;
}
