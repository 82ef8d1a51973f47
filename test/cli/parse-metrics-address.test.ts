import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseMetricsAddress } from '../../src/cli/parse-metrics-address.js';

test('parse-metrics-address: port alone, host:port, IPv6 in brackets', () => {
  assert.deepEqual(parseMetricsAddress('9464'), { port: 9464 });
  assert.deepEqual(parseMetricsAddress('0.0.0.0:9464'), { host: '0.0.0.0', port: 9464 });
  assert.deepEqual(parseMetricsAddress('[::1]:0'), { host: '::1', port: 0 });
});

test('parse-metrics-address: anything else names what is expected', () => {
  for (const bad of ['', 'localhost', ':9464', '99999', '1.2.3.4:']) {
    assert.throws(() => parseMetricsAddress(bad), /expected \[host:\]port/);
  }
});
