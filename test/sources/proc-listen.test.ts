// /proc/PID/net/tcp parsing: real lines of both address families, LISTEN only, and any
// text at all (fuzzed) gives sockets or nothing, never an exception.

import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import fc from 'fast-check';
import { listeningSockets, parseProcNetTcp } from '../../src/sources/proc-listen.js';

const HEADER =
  '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode';

test('proc-listen: LISTEN lines of IPv4 and IPv6, established ones skipped', () => {
  const tcp = [
    HEADER,
    '   0: 0100007F:2405 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 123456 1 0000000000000000 100 0 0 10 0',
    '   1: 0100007F:2405 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 123457 1 0000000000000000 20 4 30 10 -1',
  ].join('\n');
  assert.deepEqual(parseProcNetTcp(tcp), [{ address: '127.0.0.1', port: 9221, inode: 123456 }]);
  const tcp6 = [
    HEADER,
    '   0: 00000000000000000000000001000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 99 1 0000000000000000 100 0 0 10 0',
  ].join('\n');
  assert.deepEqual(parseProcNetTcp(tcp6), [{ address: '0:0:0:0:0:0:0:1', port: 8080, inode: 99 }]);
});

test('proc-listen: any text parses to sockets or none, never throws', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 400 }), (text) => {
      const sockets = parseProcNetTcp(`${HEADER}\n${text}`);
      for (const socket of sockets) {
        assert.ok(Number.isInteger(socket.port) && socket.port >= 0 && socket.port <= 0xffff);
      }
    }),
  );
});

test('proc-listen: this process’s own listening port is found', async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const port = (server.address() as { port: number }).port;
    const found = listeningSockets(process.pid);
    assert.ok(
      found.some((socket) => socket.port === port && socket.address === '127.0.0.1'),
      JSON.stringify(found),
    );
  } finally {
    server.close();
  }
});
