// Decides, before anything starts, which runtime sources a run sets up and what command
// is actually spawned. A Go target is one whose binary has Go build info; `go run` is
// built first (see target/go-run.ts). `runtime` overrides the detection.

import path from 'node:path';
import { readGoBuildInfo } from '../target/go-build-info.js';
import { goBuild } from '../target/go-build.js';
import { isGoRun, planGoRun } from '../target/go-run.js';
import { resolveCommand } from '../target/resolve-command.js';

export type RuntimeChoice = 'auto' | 'node' | 'go' | 'other';

export interface TargetPlan {
  command: string[];
  // The Node agent goes into NODE_OPTIONS (harmless for a process that is not Node).
  nodeAgent: boolean;
  go: { rootIsGo: boolean } | null;
}

export async function planTarget(
  command: readonly string[],
  runtime: RuntimeChoice,
  directory: string,
  env: NodeJS.ProcessEnv,
): Promise<TargetPlan> {
  const nodeAgent = runtime !== 'other';
  if (runtime === 'node' || runtime === 'other')
    return { command: [...command], nodeAgent, go: null };
  if (isGoRun(command)) {
    const plan = planGoRun(command);
    const binary = path.join(directory, plan.binaryName);
    await goBuild({
      goCommand: plan.goCommand,
      args: ['-o', binary, ...plan.buildFlags, ...plan.packageArgs],
      env,
      what: `the package "${plan.packageArgs.join(' ')}"`,
    });
    return { command: [binary, ...plan.programArgs], nodeAgent, go: { rootIsGo: true } };
  }
  const file = command[0] === undefined ? null : resolveCommand(command[0], env);
  const rootIsGo = file !== null && readGoBuildInfo(file) !== null;
  if (rootIsGo || runtime === 'go') return { command: [...command], nodeAgent, go: { rootIsGo } };
  return { command: [...command], nodeAgent, go: null };
}
