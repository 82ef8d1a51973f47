import assert from 'node:assert/strict';
import { test } from 'node:test';
import { siteGrowth } from '../../src/analysis/site-growth.js';
import type { SiteBytes, SitesRecord } from '../../src/recording/records.js';

const site = (name: string, bytes: number): SiteBytes => ({
  function: name,
  file: '/app/a.js',
  line: 1,
  bytes,
});
const profile = (tMs: number, threadId: number, sites: SiteBytes[]): SitesRecord => ({
  type: 'sites',
  tMs,
  pid: 7,
  threadId,
  method: 'v8-sampling-heap-profile',
  totalBytes: sites.reduce((sum, s) => sum + s.bytes, 0),
  sites,
  omittedSites: 0,
  omittedBytes: 0,
});

test('growth is last minus first per isolate, summed per site, largest first', () => {
  const found = siteGrowth([
    profile(10_000, 0, [site('keep', 1000), site('cache', 5000)]),
    profile(10_000, 1, []),
    profile(40_000, 0, [site('keep', 61_000), site('cache', 4000)]),
    profile(70_000, 1, [site('keep', 30_000), site('late', 500)]),
  ]);
  assert.ok(found !== null);
  assert.equal(found.fromMs, 10_000);
  assert.equal(found.toMs, 70_000);
  assert.equal(found.profiles, 4);
  assert.deepEqual(
    found.sites.map((s) => [s.function, s.growthBytes]),
    [
      ['keep', 90_000],
      ['late', 500],
    ],
  );
  // Main thread: 60 000 in 30 s; worker: 30 000 in 60 s → 120 000 + 30 000 per minute.
  assert.equal(found.sites[0]!.growthBytesPerMinute, 150_000);
  assert.equal(found.grownBytes, 90_500);
  // `cache` shrank by 1000: in the net, not in the ranking.
  assert.equal(found.netBytes, 89_500);
});

test('a site gone from the last profile shrank to 0; one profile per isolate compares nothing', () => {
  const found = siteGrowth([profile(0, 0, [site('a', 800)]), profile(5000, 0, [])]);
  assert.equal(found?.netBytes, -800);
  assert.deepEqual(found?.sites, []);
  assert.equal(siteGrowth([profile(0, 0, [site('a', 1)]), profile(0, 1, [site('a', 1)])]), null);
  assert.equal(siteGrowth([]), null);
});
