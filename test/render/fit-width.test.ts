import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fitToWidth } from '../../src/render/fit-width.js';

test('fit-width: a long bullet breaks at spaces, its continuation under its text', () => {
  const text =
    '  • live data is flat at 42.3 MiB (15 live points), so RSS stays where the program needs it';
  assert.deepEqual(fitToWidth(text, 40).split('\n'), [
    '  • live data is flat at 42.3 MiB (15',
    '    live points), so RSS stays where the',
    '    program needs it',
  ]);
});

test('fit-width: no width (a pipe) leaves every line whole; a word longer than the width stays whole', () => {
  const long = 'x'.repeat(120);
  assert.equal(fitToWidth(`a ${long} b`, undefined), `a ${long} b`);
  assert.deepEqual(fitToWidth(`recording: ${long}`, 80).split('\n'), ['recording:', long]);
});

test('fit-width: any text at 80 columns: lines fit unless one word is wider, and no word is lost', () => {
  const word = fc.stringMatching(/^[a-zé•!.0-9]{1,30}$/);
  const line = fc.tuple(fc.stringMatching(/^ {0,4}$/), fc.array(word, { maxLength: 40 }));
  fc.assert(
    fc.property(fc.array(line, { maxLength: 6 }), (lines) => {
      const text = lines.map(([indent, words]) => indent + words.join(' ')).join('\n');
      const fitted = fitToWidth(text, 80);
      for (const out of fitted.split('\n')) {
        if ([...out].length > 80) assert.equal(out.trim().split(' ').length, 1, out);
      }
      const words = (t: string): string[] => t.split(/\s+/).filter((w) => w.length > 0);
      assert.deepEqual(words(fitted), words(text));
    }),
  );
});
