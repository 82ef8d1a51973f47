// The verdict as a truth table. Each row: the runtime the facts come from (a label for the
// reader: decide reads facts, never the runtime's name), then the facts that are true, then
// `->` and the verdict. Facts not named are false; `live=` defaults to none, `os` to enough.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decide, type DecisionFacts } from '../../src/verdict/decide.js';
import { isVerdict } from '../../src/verdict/verdicts.js';

const TABLE = `
# data problems first
other  os=few  rssRising                                   -> inconclusive
go     os=few  noGcProven belowTrigger                     -> inconclusive
node   live=too-few liveRising rssRising                   -> inconclusive
node   live=too-few rssRose                                -> inconclusive
# too few live points, but RSS bounds the growth: steady or retention with the bound
go     live=too-few                                        -> steady
go     live=too-few liveRising                             -> steady
go     live=too-few liveUp                                 -> inconclusive
go     live=too-few liveUp rssRose rssPlateau              -> inconclusive
jvm    live=too-few rssRose rssPlateau                     -> retention
node   live=too-few rssRising rssPlateau                   -> retention
go     os=few live=too-few                                 -> inconclusive
# OS-level only
other  rssRising persists                                  -> leak
other  rssRising                                           -> inconclusive
other  rssRising persists rssPlateau                       -> retention
other  rssRose rssPlateau                                  -> retention
other  rssRose                                             -> inconclusive
other                                                      -> steady
# no-gc-yet: only with positive proof, only below the first trigger. Only a module whose
# source can prove it sets noGcProven (Go, the JVM: runtimes/*/findings.ts), so Node and
# OS level never get here (test/runtimes/proofs.test.ts).
go     noGcProven belowTrigger                             -> no-gc-yet
jvm    noGcProven belowTrigger                             -> no-gc-yet
go     live=ok noGcProven belowTrigger                     -> no-gc-yet
go     belowTrigger                                        -> steady
go     noGcProven                                          -> steady
# live heap
node   live=ok liveRising                                  -> leak
node   live=ok liveRising livePlateau                      -> steady
node   live=ok liveRising livePlateau farAbove             -> retention
go     live=ok liveRising                                  -> leak
jvm    live=ok liveRising                                  -> leak
# a stale Go H2 never supports leak
go     live=ok liveRising liveStale rssRising              -> inconclusive
go     live=ok liveRising liveStale rssRose                -> inconclusive
go     live=ok liveRising liveStale farAbove               -> retention
go     live=ok liveRising liveStale rssRose rssPlateau     -> retention
go     live=ok liveRising liveStale                        -> steady
go     live=ok liveRising liveStale rssRising persists     -> inconclusive
# a goroutine leak: the stacks keep growing though the heap is flat
go     live=ok stacksGrowing                               -> leak
go     live=ok stacksGrowing liveStale                     -> steady
# whole-MiB H2 on a small heap: a rise RSS does not share is not a leak
go     live=ok liveRising uncorroborated                   -> steady
go     live=ok liveRising uncorroborated farAbove          -> retention
go     live=ok liveRising uncorroborated liveStale         -> steady
go     live=ok liveRising uncorroborated liveStale rssRose -> inconclusive
# GOMEMLIMIT-bound is a leak even with a flat H2
go     live=ok memLimitBound                               -> leak
go     live=ok memLimitBound liveStale                     -> leak
# off-heap growth
node   live=ok nativeRising                                -> native-leak
node   live=ok nativeRising nativePlateau                  -> steady
node   live=ok nativeRising nativePlateau farAbove         -> retention
node   live=ok liveRising nativeRising                     -> leak
# retention and steady with a live source
node   live=ok farAbove                                    -> retention
jvm    live=ok farAbove rssRising persists                 -> retention
node   live=ok                                             -> steady
node   live=ok rssRising persists                          -> steady
`;

const ROW = /^(node|go|jvm|other)((?:\s+[\w=-]+)*)\s+->\s+([\w-]+)$/;

function parseRow(line: string): { facts: DecisionFacts; expected: string } {
  const match = ROW.exec(line.trim());
  if (match === null) throw new Error(`malformed truth-table row: ${line}`);
  const tokens = match[2]!.trim() === '' ? [] : match[2]!.trim().split(/\s+/);
  const facts: DecisionFacts = {
    osEnough: true,
    liveSource: 'none',
    liveRising: false,
    liveTrendUp: false,
    livePlateau: false,
    liveCorroborated: true,
    liveStale: false,
    memLimitBound: false,
    stacksGrowing: false,
    nativeRising: false,
    nativePlateau: false,
    rssRising: false,
    rssRose: false,
    rssPlateau: false,
    rssPersists: false,
    rssFarAboveLive: false,
    noGcProven: false,
    heapBelowFirstTrigger: false,
  };
  const flags: Record<string, keyof DecisionFacts> = {
    liveRising: 'liveRising',
    liveUp: 'liveTrendUp',
    livePlateau: 'livePlateau',
    liveStale: 'liveStale',
    memLimitBound: 'memLimitBound',
    stacksGrowing: 'stacksGrowing',
    nativeRising: 'nativeRising',
    nativePlateau: 'nativePlateau',
    rssRising: 'rssRising',
    rssRose: 'rssRose',
    rssPlateau: 'rssPlateau',
    persists: 'rssPersists',
    farAbove: 'rssFarAboveLive',
    noGcProven: 'noGcProven',
    belowTrigger: 'heapBelowFirstTrigger',
  };
  for (const token of tokens) {
    if (token === 'os=few') facts.osEnough = false;
    else if (token === 'uncorroborated') facts.liveCorroborated = false;
    else if (token.startsWith('live='))
      facts.liveSource = token.slice(5) as DecisionFacts['liveSource'];
    else if (flags[token] !== undefined)
      (facts as unknown as Record<string, boolean>)[flags[token]] = true;
    else throw new Error(`unknown fact "${token}" in row: ${line}`);
  }
  if (!isVerdict(match[3]!)) throw new Error(`unknown verdict in row: ${line}`);
  return { facts, expected: match[3]! };
}

const rows = TABLE.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));

for (const line of rows) {
  test(`decide: ${line.replace(/\s+/g, ' ')}`, () => {
    const { facts, expected } = parseRow(line);
    assert.equal(decide(facts).verdict, expected);
  });
}

test('decide: the table covers every verdict', () => {
  const seen = new Set(rows.map((line) => parseRow(line).expected));
  assert.deepEqual([...seen].sort(), [
    'inconclusive',
    'leak',
    'native-leak',
    'no-gc-yet',
    'retention',
    'steady',
  ]);
});
