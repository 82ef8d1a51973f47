// Which runtime a running process is, and the session attach opens in it: the module
// that claims its executable (or its maps), through the module's own attach. Without one,
// or when it cannot get in, the process is watched at OS level and the notes say why and
// what would add the live heap. A failure to get in never stops the watch.

import type { RuntimeChoice } from '../run/target-plan.js';
import { RUNTIMES, runtimeModule } from '../runtimes/registry.js';
import type { RuntimeModule } from '../runtimes/runtime-module.js';
import type { RuntimeSession, SessionContext } from '../runtimes/runtime-session.js';
import type { Runtime } from '../recording/records.js';
import type { AttachTarget } from './attach-target.js';

export interface AttachSession {
  // The runtime whose live heap is read; 'other' at OS level.
  runtime: Runtime;
  sessions: RuntimeSession[];
}

export interface AttachChoices {
  runtime?: RuntimeChoice;
  inspector?: boolean;
  pprofUrl?: string;
  expvarUrl?: string;
}

const OS_LEVEL: AttachSession = { runtime: 'other', sessions: [] };

export async function openAttachSession(
  target: AttachTarget,
  choices: AttachChoices,
  context: SessionContext,
  notice: (code: 'attach.osLevel', text: string) => void,
): Promise<AttachSession> {
  const module = chooseModule(target, choices.runtime ?? 'auto');
  if (module === null || target.executable === null) return OS_LEVEL;
  const named = `pid ${target.pid} is ${module.title}`;
  if (module.attach === undefined) {
    notice(
      'attach.osLevel',
      `${named}: rssdoctor cannot read a running ${module.title} process's live heap, so its verdict is OS-level; start it under \`rssdoctor run\` for the live heap`,
    );
    return OS_LEVEL;
  }
  const plan = await module.attach({
    pid: target.pid,
    executable: target.executable,
    directory: context.directory,
    inspector: choices.inspector ?? false,
    pprofUrl: choices.pprofUrl ?? null,
    expvarUrl: choices.expvarUrl ?? null,
  });
  if ('unavailableWhy' in plan) {
    notice('attach.osLevel', `${named}: ${plan.unavailableWhy}`);
    return OS_LEVEL;
  }
  let session: RuntimeSession;
  try {
    session = await plan.open(context);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    notice('attach.osLevel', `${named}, but ${why}; its verdict is OS-level`);
    return OS_LEVEL;
  }
  context.append({
    type: 'note',
    tMs: context.nowMs(),
    code: 'attach.runtime',
    pid: target.pid,
    runtime: module.name,
    text: `${named}${plan.note === undefined ? '' : `: ${plan.note}`}`,
  });
  return { runtime: module.name, sessions: [session] };
}

function chooseModule(target: AttachTarget, runtime: RuntimeChoice): RuntimeModule | null {
  if (runtime === 'other') return null;
  if (runtime !== 'auto') return runtimeModule(runtime);
  return (
    RUNTIMES.find(
      (module) =>
        (target.executable !== null && module.detect(target.executable)) ||
        (module.detectProcess?.(target.pid) ?? false),
    ) ?? null
  );
}
