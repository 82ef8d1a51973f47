// The generated rules against the real thing: `promtool check rules`, then `promtool test
// rules` on input series rebuilt from real recordings of leaking, retaining and steady
// programs (test/fixtures/recordings, one per runtime and behaviour). Each rule must fire
// on its runtime's leak and stay silent on retention and steady.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { readRecording } from '../../src/recording/reader.js';
import { leakRuleGroups } from '../../src/rules/leak-rules.js';
import { runCli } from '../support/cli.js';
import { repoRoot } from '../support/paths.js';
import { seriesFromRecording } from '../support/prom-series.js';
import { toolSkip } from '../support/prometheus.js';

const WINDOW = '5m';
const dir = mkdtempSync(path.join(tmpdir(), 'rssdoctor-rules-'));

const skip = toolSkip('promtool');

function promtool(...args: string[]): { status: number | null; output: string } {
  const result = spawnSync('promtool', args, { encoding: 'utf8', cwd: dir });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

test('rules: the printed rule file passes promtool check rules', { skip }, async () => {
  const cli = await runCli(['rules', '--window', WINDOW]);
  assert.equal(cli.code, 0, cli.stderr);
  writeFileSync(path.join(dir, 'rules.yml'), cli.stdout);
  const check = promtool('check', 'rules', 'rules.yml');
  assert.equal(check.status, 0, check.output);
  assert.match(check.output, /SUCCESS: 4 rules found/);
});

for (const runtime of ['node', 'go', 'jvm'] as const) {
  test(
    `rules: ${runtime}: fires on the leak recording, silent on retention and steady`,
    { skip },
    () => {
      writeFileSync(path.join(dir, 'rules.yml'), stringify({ groups: leakRuleGroups(WINDOW) }));
      const rules = leakRuleGroups(WINDOW).find(
        (g) => g.name === `rssdoctor-${runtime}-leak`,
      )!.rules;
      const tests = (['leak', 'retain', 'steady'] as const).map((behaviour) => {
        const recording = readRecording(
          path.join(repoRoot, 'test', 'fixtures', 'recordings', `${runtime}-${behaviour}.ndjson`),
        );
        const { series, minutes } = seriesFromRecording(recording);
        const last = minutes - 1;
        // Steady must be silent throughout; retention once it has levelled off (a rise is a
        // leak until it stops, which is why the rules hold for W).
        const evalTimes = behaviour === 'steady' ? [last - 20, last - 10, last] : [last];
        return {
          interval: '1m',
          input_series: [...series].map(([name, values]) => ({
            series: name,
            values: values.join(' '),
          })),
          alert_rule_test: rules.flatMap((rule) =>
            evalTimes.map((t) => ({
              eval_time: `${t}m`,
              alertname: rule.alert,
              exp_alerts:
                behaviour === 'leak'
                  ? [
                      {
                        exp_labels: { ...rule.labels, instance: 'fixture', job: 'rules-test' },
                        exp_annotations: rule.annotations,
                      },
                    ]
                  : [],
            })),
          ),
        };
      });
      const file = `test-${runtime}.yml`;
      writeFileSync(
        path.join(dir, file),
        stringify(
          { rule_files: ['rules.yml'], evaluation_interval: '1m', tests },
          { lineWidth: 0 },
        ),
      );
      const result = promtool('test', 'rules', file);
      assert.equal(result.status, 0, result.output);
    },
  );
}
