import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NoteRecord, SitesRecord } from '../../src/recording/records.js';
import { attributionOf } from '../../src/report/attribution.js';

const sites = (tMs: number, bytes: Record<string, number>): SitesRecord => ({
  type: 'sites',
  tMs,
  pid: 3,
  method: 'go-heap-profile',
  totalBytes: Object.values(bytes).reduce((a, b) => a + b, 0),
  sites: Object.entries(bytes).map(([name, b]) => ({
    function: name,
    file: '/app/main.go',
    line: 12,
    bytes: b,
  })),
  omittedSites: 0,
  omittedBytes: 0,
  pauseMs: 3,
});
// The live series grows 10 MiB between 10 s and 70 s.
const live = { tMs: [10_000, 40_000, 70_000], values: [20e6, 25e6, 30e6] };

test('sites that explain the growth: their share of the live-heap growth', () => {
  const found = attributionOf({
    pid: 3,
    runtime: 'go',
    sites: [
      sites(10_000, { 'main.keep': 1e6 }),
      sites(70_000, { 'main.keep': 9e6, 'main.x': 1e6 }),
    ],
    live,
    notes: [],
  });
  assert.equal(found.status, 'found');
  assert.equal(found.liveGrowthBytes, 10e6);
  assert.equal(found.sites[0]?.shareOfLiveGrowth, 0.8);
  assert.equal(found.topFiveShare, 0.9);
  assert.equal(found.maxPauseMs, 3);
  assert.match(found.text, /^the top 2 sites hold 90% of the live-heap growth/);
});

test('sites that explain little say what the profile does not see', () => {
  const found = attributionOf({
    pid: 3,
    runtime: 'go',
    sites: [sites(10_000, { 'main.keep': 0 }), sites(70_000, { 'main.keep': 1e6 })],
    live,
    notes: [],
  });
  assert.match(
    found.text,
    /only 10% of the live-heap growth .*: the rest is memory outside the Go heap/,
  );
});

test('no profile: the note that says why, else the runtime’s own words, else one profile is not enough', () => {
  const passive: NoteRecord = {
    type: 'note',
    tMs: 0,
    code: 'source.sitesUnavailable',
    text: '--passive: no heap profile was taken',
  };
  const base = { pid: 3, runtime: 'go' as const, live };
  assert.match(attributionOf({ ...base, sites: [], notes: [passive] }).text, /--passive/);
  assert.match(attributionOf({ ...base, sites: [], notes: [] }).text, /--pprof/);
  const one = attributionOf({ ...base, sites: [sites(10_000, { a: 1 })], notes: [] });
  assert.equal(one.status, 'missing');
  assert.equal(one.profiles, 1);
  assert.match(one.text, /one profile was taken/);
  assert.match(
    attributionOf({ ...base, runtime: 'python', sites: [], notes: [] }).text,
    /names no code for a Python/,
  );
});

test('a live heap that did not grow names no culprit', () => {
  const flat = { tMs: [10_000, 70_000], values: [20e6, 20e6] };
  const found = attributionOf({
    pid: 3,
    runtime: 'go',
    sites: [sites(10_000, { a: 1e6 }), sites(70_000, { a: 1.1e6 })],
    live: flat,
    notes: [],
  });
  assert.equal(found.topFiveShare, null);
  assert.equal(found.sites[0]?.shareOfLiveGrowth, null);
  assert.match(found.text, /did not grow/);
});
