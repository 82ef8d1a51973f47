// Decides, before anything starts, which runtime sources a run sets up and what command is
// actually spawned: the first runtime module whose plan claims the target (its build info,
// its executable; a `go run` is built first), or the one `--runtime` names.

import type { RuntimeModule } from '../runtimes/runtime-module.js';
import type { RuntimePlan } from '../runtimes/runtime-session.js';
import { RUNTIMES, runtimeModule } from '../runtimes/registry.js';
import { resolveCommand } from '../target/resolve-command.js';

export type RuntimeChoice = 'auto' | RuntimeModule['name'] | 'other';

export interface TargetPlan {
  command: string[];
  // The agent goes into every process (harmless for one of another runtime); not at 'other'.
  agent: boolean;
  // The module that claimed the target, and how its session opens; null: none did.
  claimed: { module: RuntimeModule; plan: RuntimePlan } | null;
  // The modules that watch the tree for processes of theirs that no plan reached.
  watchers: RuntimeModule[];
}

export async function planTarget(
  command: readonly string[],
  runtime: RuntimeChoice,
  directory: string,
  env: NodeJS.ProcessEnv,
): Promise<TargetPlan> {
  if (runtime === 'other')
    return { command: [...command], agent: false, claimed: null, watchers: [] };
  const executable = command[0] === undefined ? null : resolveCommand(command[0], env);
  const forced = runtime === 'auto' ? null : runtimeModule(runtime);
  const candidates = forced === null ? RUNTIMES : [forced];
  let claimed: TargetPlan['claimed'] = null;
  for (const module of candidates) {
    const plan = await module.plan?.({
      command,
      executable,
      forced: forced !== null,
      directory,
      env,
    });
    if (plan !== null && plan !== undefined) {
      claimed = { module, plan };
      break;
    }
  }
  return {
    command: claimed?.plan.command ?? [...command],
    agent: true,
    claimed,
    watchers: RUNTIMES.filter((m) => m !== claimed?.module && m.watchUnclaimed !== undefined),
  };
}
