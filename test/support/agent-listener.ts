// A real agent channel that keeps every message the agents send, and waits for one that
// makes a check true: the agent tests' side of the socket.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openAgentChannel, type AgentChannel } from '../../src/sources/agent-channel.js';
import type { AgentMessage } from '../../src/sources/agent-protocol.cjs';

export interface AgentListener {
  channel: AgentChannel;
  messages: AgentMessage[];
  // Resolves at the first message (or at once) after which `check` holds.
  heard: (check: () => boolean) => Promise<void>;
}

export async function listenToAgents(): Promise<AgentListener> {
  const messages: AgentMessage[] = [];
  let onMessage: () => void = () => {};
  const channel = await openAgentChannel(mkdtempSync(path.join(tmpdir(), 'rssdoctor-agent-')), {
    onMessage: (message) => {
      messages.push(message);
      onMessage();
    },
    onMalformed: () => assert.fail('the agent sent a malformed line'),
  });
  const heard = (check: () => boolean): Promise<void> =>
    new Promise((resolve) => {
      onMessage = () => {
        if (check()) resolve();
      };
      onMessage();
    });
  return { channel, messages, heard };
}
