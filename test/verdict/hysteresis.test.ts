// The hysteresis as a table: each row is the sequence of candidate verdicts one evaluation
// after another (each with new evidence unless marked `=`), then `->` and what is shown
// after each. `·` is "nothing shown yet".

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CONFIRMATIONS, Hysteresis, type Judgement } from '../../src/verdict/hysteresis.js';
import { isVerdict, type Verdict } from '../../src/verdict/verdicts.js';

const TABLE = `
steady steady steady                          -> steady steady steady
leak leak leak                                -> · leak leak
inconclusive leak inconclusive leak           -> inconclusive inconclusive inconclusive inconclusive
steady leak steady leak steady                -> steady steady steady steady steady
steady leak leak steady leak                  -> steady steady leak leak leak
steady retention steady                       -> steady retention steady
leak native-leak leak                         -> · native-leak leak
steady leak =leak leak                        -> steady steady steady leak
`;

function parse(line: string): {
  candidates: { verdict: Verdict; same: boolean }[];
  shown: string[];
} {
  const [left, right] = line.split('->').map((part) => part.trim().split(/\s+/));
  const candidates = left!.map((token) => {
    const same = token.startsWith('=');
    const verdict = same ? token.slice(1) : token;
    if (!isVerdict(verdict)) throw new Error(`unknown verdict ${verdict} in: ${line}`);
    return { verdict, same };
  });
  return { candidates, shown: right! };
}

const rows = TABLE.split('\n').filter((line) => line.trim() !== '');

for (const line of rows) {
  test(`hysteresis: ${line.replace(/\s+/g, ' ')}`, () => {
    const { candidates, shown } = parse(line);
    const hysteresis = new Hysteresis<Judgement>();
    let evidence = 0;
    const seen = candidates.map(({ verdict, same }) => {
      if (!same) evidence++;
      return hysteresis.update({ verdict, confidence: 0.9 }, evidence)?.verdict ?? '·';
    });
    assert.deepEqual(seen, shown);
  });
}

test('hysteresis: the table is written for two confirmations', () => {
  assert.equal(CONFIRMATIONS, 2);
});
