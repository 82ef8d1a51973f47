// The recording's first line, for a run and for watch(): one place that says what a
// header holds, so the two never drift apart.

import type { HeaderRecord } from '../recording/records.js';
import { RECORDING_SCHEMA_VERSION } from '../recording/records.js';
import { TOOL_VERSION } from '../version.js';
import { hostFacts } from './host-facts.js';

export interface HeaderInputs {
  command: readonly string[];
  // What was started, when it is not the command typed (`go run` becomes the binary).
  spawnedCommand?: readonly string[];
  startedAt: Date;
  intervalMs: number;
}

export function recordingHeader(inputs: HeaderInputs): HeaderRecord {
  const spawned = inputs.spawnedCommand;
  const differs = spawned !== undefined && spawned.join('\0') !== inputs.command.join('\0');
  return {
    type: 'header',
    schemaVersion: RECORDING_SCHEMA_VERSION,
    tool: 'rssdoctor',
    toolVersion: TOOL_VERSION,
    command: [...inputs.command],
    ...(differs ? { spawnedCommand: [...spawned] } : {}),
    startedAt: inputs.startedAt.toISOString(),
    intervalMs: inputs.intervalMs,
    host: hostFacts(),
  };
}
