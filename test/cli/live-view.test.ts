// The live view, read off a real terminal: the CLI runs in a tmux pane (a pseudo-terminal)
// and the screen is captured while it runs. Without a terminal, plain lines; stdout stays
// the JSON either way.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Report } from '../../src/report/report.js';
import { runCli } from '../support/cli.js';
import { binPath, fixturePath } from '../support/paths.js';
import { until } from '../support/until.js';

const SOCKET = `rssdoctor-test-${process.pid}`;
const tmux = (...args: string[]) =>
  spawnSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux)
  assert.ok(process.env.CI !== 'true', 'CI=true but tmux is missing: .ci/run installs it');
const skip = hasTmux ? false : 'tmux is not installed (apt-get install tmux)';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const quote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`;

test(
  'on a terminal: a chart redrawn in place, progress, provisional verdict; stdout stays JSON',
  { skip },
  async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rssdoctor-live-'));
    const json = path.join(dir, 'report.json');
    const done = path.join(dir, 'done');
    const command = [process.execPath, binPath, 'run', '--duration', '14', '--interval', '0.5']
      .concat(['--out', path.join(dir, 'rec.ndjson'), '--json', '-', '--'])
      .concat([process.execPath, fixturePath('leak-linear.mjs'), '512', '60'])
      .map(quote)
      .join(' ');
    // stdout to a file, stderr the pane: the view must go to stderr only.
    const shell = `${command} > ${quote(json)}; echo $? > ${quote(done)}; sleep 120`;
    assert.equal(tmux('new-session', '-d', '-s', 'live', '-x', '110', '-y', '45', shell).status, 0);
    const screens: string[] = [];
    try {
      while (!existsSync(done) && screens.length < 200) {
        await sleep(500);
        screens.push(tmux('capture-pane', '-p', '-t', 'live').stdout);
      }
      const final = tmux('capture-pane', '-p', '-t', 'live').stdout;
      const live = screens.filter((screen) => /provisional: \w/.test(screen));
      assert.ok(live.length >= 3, `${live.length} screens with a provisional verdict`);
      const elapsed = new Set<string>();
      for (const screen of live) {
        // Redrawn in place: one status line on the screen, never a scrolled stack of them.
        const status = screen.match(
          /rssdoctor: ([\d.]+) s of 14\.0 s \[[█░]{24}\] \d+% · [\d.]+ s left/g,
        );
        assert.equal(status?.length, 1, screen);
        elapsed.add(status[0]!);
        assert.match(screen, /RSS [\d.]+ MiB · live [\d.]+ MiB · \d+ full GCs \(\d+ forced\)/);
        assert.match(screen, /^ +GCs .*▲/m, 'forced-GC markers under the chart');
        assert.match(screen, /[▁▂▃▄▅▆▇█]{2}/, 'the RSS chart');
      }
      assert.ok(elapsed.size >= 3, 'the view updated');
      assert.ok(
        live.some((screen) => screen.includes('●')),
        'live points on the chart',
      );
      // At the end the view is gone and the report is there; stdout got only the JSON.
      assert.match(final, /verdict: \w/);
      assert.doesNotMatch(final, /provisional:/);
      assert.equal(readFileSync(done, 'utf8').trim(), '0');
      const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
      assert.equal(report.runtime, 'node');
    } finally {
      tmux('kill-server');
    }
  },
);

test('without a terminal: plain lines every 10 s, no escape codes', async () => {
  const result = await runCli(
    [
      'run',
      '--duration',
      '12',
      '--interval',
      '0.5',
      '--out',
      path.join(mkdtempSync(path.join(tmpdir(), 'rssdoctor-liveview-')), 'rec.ndjson'),
      '--',
      process.execPath,
      fixturePath('steady.mjs'),
      '3',
      '60',
    ],
    { timeoutMs: 60_000 },
  );
  assert.equal(result.code, 0, result.stderr);
  assert.ok(!result.stderr.includes('\u001b['), 'an escape code without a terminal');
  assert.match(
    result.stderr,
    /^rssdoctor: 10\.\d s of 12\.0 s 8\d% · [\d.]+ s left · RSS [\d.]+ MiB · live [\d.]+ MiB · \d+ full GCs \(\d+ forced\) · provisional: \w+ \([\d.]+\) at [\d.]+ s$/m,
  );
});

// The live chart's two colours (live-chart.ts), as tmux's capture -e gives them back.
const COLOUR_CODE = new RegExp(`${String.fromCharCode(27)}\\[(34|1;33)m`);

// Issue 20: a newcomer's 80-column terminal with NO_COLOR: no colour codes in the view, and
// the report's lines broken to fit (captured with -J, which joins what the terminal itself
// wrapped, so a line the report left too long shows as one long line).
test(
  'NO_COLOR and 80 columns: no colour in the live view, every report line fits',
  { skip },
  async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rssdoctor-narrow-'));
    const done = path.join(dir, 'done');
    const command = [process.execPath, binPath, 'run', '--duration', '8', '--interval', '0.5']
      .concat(['--out', path.join(dir, 'rec.ndjson'), '--'])
      .concat([process.execPath, fixturePath('leak-linear.mjs'), '512', '60'])
      .map(quote)
      .join(' ');
    const shell = `NO_COLOR=1 ${command}; echo $? > ${quote(done)}; sleep 120`;
    assert.equal(
      tmux('new-session', '-d', '-s', 'narrow', '-x', '80', '-y', '60', shell).status,
      0,
    );
    try {
      let charted = 0;
      // Every screen until the run has ended is looked at for colour codes.
      await until('the run to end', () => existsSync(done), {
        timeoutMs: 60_000,
        everyMs: 200,
        poke: () => {
          const screen = tmux('capture-pane', '-p', '-e', '-t', 'narrow').stdout;
          if (/[▁▂▃▄▅▆▇█]{2}/.test(screen)) charted++;
          assert.doesNotMatch(screen, COLOUR_CODE, 'a colour code under NO_COLOR');
        },
      });
      assert.ok(charted >= 1, 'the chart was drawn');
      const final = tmux('capture-pane', '-p', '-J', '-S', '-60', '-t', 'narrow').stdout;
      assert.match(final, /verdict: \w/);
      for (const line of final.split('\n')) {
        // A path is one word and may be wider than the terminal; nothing else is.
        if (!/^recording: \S+$/.test(line)) assert.ok([...line].length <= 80, line);
      }
    } finally {
      tmux('kill-server');
    }
  },
);
