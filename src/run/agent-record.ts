// Maps one agent message to the records it becomes, stamped with rssdoctor's clock.

import type { AgentMessage } from '../sources/agent-protocol.cjs';
import type { BodyRecord } from '../recording/records.js';

export function agentRecord(message: AgentMessage, tMs: number): BodyRecord[] {
  switch (message.t) {
    case 'hello': {
      const runtime = message.runtime;
      const name = message.argv.join(' ') || runtime;
      const version = message.runtimeVersion;
      const out: BodyRecord[] = [
        {
          type: 'note',
          tMs,
          code: 'agent.hello',
          text: `${runtime} agent connected in pid ${message.pid} (${version})`,
          pid: message.pid,
          ppid: message.ppid,
          name,
          runtime,
        },
      ];
      if (message.liveUnavailableWhy !== undefined) {
        out.push({
          type: 'note',
          tMs,
          code: 'source.liveUnavailable',
          text: `pid ${message.pid}: ${message.liveUnavailableWhy}`,
          pid: message.pid,
        });
      }
      if (!message.mallocAvailable) {
        out.push(mallocNote(message.pid, message.mallocWhy ?? 'malloc figures unavailable', tMs));
      }
      return out;
    }
    case 'isolate':
      return [
        {
          type: 'note',
          tMs,
          code: `agent.isolate.${message.event}`,
          text: `pid ${message.pid}: worker thread ${message.threadId} ${message.event === 'start' ? 'started' : 'exited'}`,
          pid: message.pid,
          threadId: message.threadId,
        },
      ];
    case 'heap': {
      const { t: _t, ...figures } = message;
      return [{ type: 'heap', tMs, ...figures }];
    }
    case 'gc': {
      const { t: _t, ...figures } = message;
      return [{ type: 'gc', tMs, ...figures }];
    }
    case 'bound': {
      const { t: _t, ...figures } = message;
      return [{ type: 'bound', tMs, ...figures }];
    }
    case 'malloc': {
      const { t: _t, ...figures } = message;
      return [{ type: 'malloc', tMs, ...figures }];
    }
    case 'sites': {
      const { t: _t, ...profile } = message;
      return [{ type: 'sites', tMs, method: 'v8-sampling-heap-profile', ...profile }];
    }
    case 'control-result': {
      // The hello said koffi was there; it failed when it was first loaded.
      const unavailable =
        message.mallocWhy === undefined ? [] : [mallocNote(message.pid, message.mallocWhy, tMs)];
      // Fresh figures are their own records (malloc); asking for them did nothing to the target.
      if (message.action === 'figures') return unavailable;
      return [
        ...unavailable,
        {
          type: 'control',
          tMs,
          pid: message.pid,
          action: message.action,
          rssBeforeBytes: message.rssBeforeBytes,
          rssAfterBytes: message.rssAfterBytes,
          durationMs: message.durationMs,
        },
      ];
    }
  }
}

function mallocNote(pid: number, why: string, tMs: number): BodyRecord {
  return { type: 'note', tMs, code: 'source.mallocUnavailable', text: `pid ${pid}: ${why}`, pid };
}
