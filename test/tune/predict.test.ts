// `tune --predict` against measurement: one observed run of the Go demo at GOGC=100, the
// pacer model's forecast for GOGC 25 and 400, then --confirm measures both. The forecast
// steady RSS must land within 30% of the measured one.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SettingForecast } from '../../src/runtimes/runtime-forecast.js';
import type { TuneResult } from '../../src/tune/tune.js';
import { runCli } from '../support/cli.js';
import { goSkip } from '../support/go.js';

const skip = goSkip();

test(
  'tune --demo go --predict GOGC=25|400 --confirm: the forecast within 30% of the measured steady RSS',
  { skip },
  async () => {
    const cli = await runCli(
      [
        'tune',
        '--demo',
        'go',
        '--predict',
        'GOGC=25|400',
        '--confirm',
        // Medians of 3 at 300,000 messages: the demo's steady state is past its dedupe
        // window filling (65,536 messages), and one short GOGC=400 run varies by ±10%.
        '--repeat',
        '3',
        '--messages',
        '300000',
        '--json',
      ],
      { timeoutMs: 170_000 },
    );
    assert.equal(cli.code, 0, cli.stderr);
    const result = JSON.parse(cli.stdout) as TuneResult & { predictions: SettingForecast[] };
    assert.deepEqual(
      result.predictions.map((p) => p.setting.label),
      ['GOGC=25', 'GOGC=400'],
    );
    for (const prediction of result.predictions) {
      const measured = result.settings.find((s) => s.setting.label === prediction.setting.label)!
        .steadyRssBytes.median!;
      const error = Math.abs(prediction.steadyRssBytes! - measured) / measured;
      assert.ok(
        error <= 0.3,
        `${prediction.setting.label}: forecast ${(prediction.steadyRssBytes! / 2 ** 20).toFixed(1)} MiB, measured ${(measured / 2 ** 20).toFixed(1)} MiB`,
      );
      assert.ok(prediction.peakRssBytes! >= prediction.steadyRssBytes! * 0.9);
      assert.ok(prediction.gcsPer1000Units! > 0);
    }
    const [low, high] = result.predictions as [SettingForecast, SettingForecast];
    assert.ok(low.gcsPer1000Units! > high.gcsPer1000Units!);
    // The table: forecast beside measurement, with the error.
    assert.match(cli.stderr, /^GOGC=25 .*[+-]\d+%$/m);
  },
);

test('tune --predict: a name no model reads, or --confirm alone, is a one-line usage error', async () => {
  const other = await runCli(['tune', '--demo', 'go', '--predict', 'MALLOC_ARENA_MAX=2|4']);
  assert.equal(other.code, 2);
  assert.match(
    other.stderr,
    /^rssdoctor: --predict models GOGC and GOMEMLIMIT, not MALLOC_ARENA_MAX; measure MALLOC_ARENA_MAX with --vary\n$/,
  );
  const bad = await runCli(['tune', '--demo', 'go', '--predict', 'GOMEMLIMIT=64MB']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /GOMEMLIMIT: expected bytes .* got "64MB"/);
  const alone = await runCli(['tune', '--demo', 'go', '--vary', 'GOGC=50', '--confirm']);
  assert.equal(alone.code, 2);
  assert.match(alone.stderr, /--confirm/);
});
