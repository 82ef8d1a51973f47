// The breakdown's promises, checked on every fixture run (DESIGN, "The breakdown"; issue 6):
// anon, file and shmem equal the sample's RssAnon, RssFile and RssShmem and sum to RSS;
// the parts within anon, with unexplained, sum to anon; no part is negative; a null part
// says why; and where a runtime source splits anon, unexplained is at most 10% of RSS.

import assert from 'node:assert/strict';
import type { Report } from '../../src/report/report.js';

export const UNEXPLAINED_MAX_FRACTION = 0.1;

export function assertBreakdown(report: Report): void {
  const { rssBytes, parts } = report.breakdown;
  if (rssBytes === null) return;
  const kernel = ['anon', 'file', 'shmem'].map((name) => parts[name]?.bytes ?? NaN);
  assert.equal(
    kernel.reduce((sum, bytes) => sum + bytes, 0),
    rssBytes,
    'anon + file + shmem = RSS',
  );
  let withinBytes = 0;
  for (const [name, part] of Object.entries(parts)) {
    if (part.bytes === null) {
      assert.ok(part.why !== undefined && part.why.length > 0, `${name} is null without a reason`);
      continue;
    }
    assert.ok(part.bytes >= 0, `${name} is negative: ${part.bytes}`);
    if (part.within === 'anon') withinBytes += part.bytes;
  }
  assert.equal(withinBytes, parts.anon!.bytes, 'the parts within anon sum to anon');
  if (report.runtime === 'other') return;
  const unexplained = parts.unexplained!.bytes!;
  assert.ok(
    unexplained <= UNEXPLAINED_MAX_FRACTION * rssBytes,
    `unexplained ${unexplained} B is more than 10% of RSS ${rssBytes} B (${JSON.stringify(parts)})`,
  );
}
