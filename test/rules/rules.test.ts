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
import { limitRuleGroup } from '../../src/rules/limit-rules.js';
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
  assert.match(check.output, /SUCCESS: 6 rules found/);
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

test(
  "rules: the limit rules fire when the interval's slow end is within the hour, not before",
  { skip },
  () => {
    const group = limitRuleGroup();
    writeFileSync(path.join(dir, 'limit-rules.yml'), stringify({ groups: [group] }));
    const labels = { pid: '42', name: 'server', limit: 'v8-heap' };
    const series = (bound: string): string =>
      `rssdoctor_seconds_to_limit{pid="42",name="server",limit="v8-heap",bound="${bound}"}`;
    const critical = group.rules.find((rule) => rule.alert === 'RssdoctorLimitWithinHour')!;
    // The slow end falls a minute per minute from 2 h: under an hour from minute 60.
    const tests = [
      {
        interval: '1m',
        input_series: [
          { series: series('high'), values: '7200-60x100' },
          { series: series('point'), values: '3600-60x50' },
        ],
        alert_rule_test: [
          { eval_time: '50m', alertname: critical.alert, exp_alerts: [] },
          {
            eval_time: '70m',
            alertname: critical.alert,
            exp_alerts: [
              {
                exp_labels: { ...labels, bound: 'high', severity: 'critical' },
                exp_annotations: {
                  summary: critical.annotations.summary,
                  description: critical.annotations.description
                    .replace('{{ $labels.name }}', 'server')
                    .replace('{{ $labels.pid }}', '42')
                    .replace('{{ $labels.limit }}', 'v8-heap')
                    .replace('{{ $value | humanizeDuration }}', '50m 0s'),
                },
              },
            ],
          },
        ],
      },
    ];
    writeFileSync(
      path.join(dir, 'test-limit.yml'),
      stringify(
        { rule_files: ['limit-rules.yml'], evaluation_interval: '1m', tests },
        { lineWidth: 0 },
      ),
    );
    const result = promtool('test', 'rules', 'test-limit.yml');
    assert.equal(result.status, 0, result.output);
  },
);
