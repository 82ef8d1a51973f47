// Inputs for the parsers' property tests: random text of any code points, and real lines
// mutated (characters deleted, inserted, replaced; a piece cut out), which reach much deeper
// into a parser than random text ever does.

import fc from 'fast-check';

const edit = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('delete', 'insert', 'replace', 'cut'),
  text: fc.string({ unit: 'binary', maxLength: 4 }),
});

function apply(seed: string, edits: readonly { at: number; op: string; text: string }[]): string {
  let out = seed;
  for (const { at, op, text } of edits) {
    const i = out.length === 0 ? 0 : at % (out.length + 1);
    if (op === 'delete') out = out.slice(0, i) + out.slice(i + 1);
    else if (op === 'insert') out = out.slice(0, i) + text + out.slice(i);
    else if (op === 'replace') out = out.slice(0, i) + text + out.slice(i + text.length);
    else out = out.slice(0, i);
  }
  return out;
}

export function mutatedFrom(seeds: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 6 }))
    .map(([seed, edits]) => apply(seed, edits));
}

// Random text, or a mutated seed: what a parser meets in a damaged file or stream.
export function damaged(seeds: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ unit: 'grapheme-ascii', maxLength: 200 }),
    mutatedFrom(seeds),
  );
}

// Every number a parser hands on is a real one: finite, not negative unless allowed.
export function assertFiniteFigures(value: object | null, allowNegative = false): void {
  if (value === null) return;
  for (const [key, figure] of Object.entries(value)) {
    if (typeof figure !== 'number') continue;
    if (!Number.isFinite(figure) || (!allowNegative && figure < 0)) {
      throw new Error(`${key} = ${figure} in ${JSON.stringify(value)}`);
    }
  }
}
