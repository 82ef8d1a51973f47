import assert from 'node:assert/strict';
import { test } from 'node:test';
import { profileSites, type ProfileNode } from '../../../src/runtimes/node/agent/profile-sites.cjs';

const node = (
  functionName: string,
  url: string,
  lineNumber: number,
  selfSize: number,
  children: ProfileNode[] = [],
): ProfileNode => ({ callFrame: { functionName, url, lineNumber }, selfSize, children });

const PROGRAM = 'file:///app/server.mjs';

test("bytes a builtin or Node's own code allocates go to the program's frame above it", () => {
  const head = node('(root)', '', 0, 0, [
    node('handle', PROGRAM, 9, 100, [
      node('repeat', '', 0, 5000),
      node('from', 'node:buffer', 300, 700),
    ]),
    node('', PROGRAM, 30, 40),
    node('(V8 API)', '', 0, 64),
  ]);
  const sites = profileSites(head, null);
  assert.equal(sites.totalBytes, 5904);
  assert.deepEqual(sites.sites, [
    { function: 'handle', file: PROGRAM, line: 10, bytes: 5800 },
    { function: '(V8 API)', file: null, line: null, bytes: 64 },
    { function: '(anonymous)', file: PROGRAM, line: 31, bytes: 40 },
  ]);
});

test("rssdoctor's own agent frames are left out, and only the largest sites are kept", () => {
  const head = node('(root)', '', 0, 0, [
    node('tick', '/opt/rssdoctor/dist/runtimes/node/agent/agent.cjs', 5, 999, [
      node('heapFigures', '/opt/rssdoctor/dist/runtimes/node/agent/heap-figures.cjs', 1, 50),
    ]),
    ...Array.from({ length: 5 }, (_, i) => node(`f${i}`, PROGRAM, i, (i + 1) * 10)),
  ]);
  const sites = profileSites(head, '/opt/rssdoctor/dist/', 2);
  assert.deepEqual(
    sites.sites.map((site) => site.function),
    ['f4', 'f3'],
  );
  assert.equal(sites.omittedSites, 3);
  assert.equal(sites.omittedBytes, 60);
  assert.equal(sites.totalBytes, 150);
});
