import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRssdoctorError } from '../../src/errors.js';
import { applySetting, parseVary, settingsOf } from '../../src/tune/vary.js';

test('vary: NAME=a|b|c, and every combination of several', () => {
  const gogc = parseVary('GOGC=25|100');
  const limit = parseVary('GOMEMLIMIT=64MiB|off');
  assert.deepEqual(gogc, { name: 'GOGC', values: ['25', '100'] });
  assert.deepEqual(
    settingsOf([gogc, limit]).map((s) => s.label),
    [
      'GOGC=25 GOMEMLIMIT=64MiB',
      'GOGC=25 GOMEMLIMIT=off',
      'GOGC=100 GOMEMLIMIT=64MiB',
      'GOGC=100 GOMEMLIMIT=off',
    ],
  );
  // A value may itself contain "=" (Node flags).
  assert.deepEqual(parseVary('NODE_OPTIONS=--max-old-space-size=64').values, [
    '--max-old-space-size=64',
  ]);
});

test('vary: malformed settings are usage errors naming the option', () => {
  for (const bad of ['GOGC', '=1|2', 'GOGC=', 'GOGC=1||2', '1X=2']) {
    assert.throws(
      () => parseVary(bad),
      (error: unknown) =>
        isRssdoctorError(error) &&
        error.code === 'usage.invalidOption' &&
        error.message.startsWith('--vary'),
    );
  }
});

test('vary: NODE_OPTIONS is appended to the user value, other names replace', () => {
  const [setting] = settingsOf([parseVary('NODE_OPTIONS=--max-semi-space-size=1')]);
  const env = applySetting({ NODE_OPTIONS: '--enable-source-maps', GOGC: '50' }, setting!);
  assert.equal(env.NODE_OPTIONS, '--enable-source-maps --max-semi-space-size=1');
  assert.equal(applySetting({ GOGC: '50' }, settingsOf([parseVary('GOGC=200')])[0]!).GOGC, '200');
});
