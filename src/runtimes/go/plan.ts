// How `run` turns the Go trace on: a binary with Go build info (or --runtime go) gets
// GODEBUG=gctrace=1,scavtrace=1 with its stderr on a private file; `go run` is built first
// (go-run.ts), so the compiler is not traced and the program is the root.

import path from 'node:path';
import type { PlanInput, RuntimePlan } from '../runtime-session.js';
import { goBuild } from './build.js';
import { readGoBuildInfo } from './build-info.js';
import { isGoRun, planGoRun } from './go-run.js';
import { withPprofProbe } from './pprof-probe.js';
import { openGoSession } from './session.js';

export async function planGo(input: PlanInput): Promise<RuntimePlan | null> {
  if (isGoRun(input.command)) {
    const plan = planGoRun(input.command);
    const binary = path.join(input.directory, plan.binaryName);
    await goBuild({
      goCommand: plan.goCommand,
      args: ['-o', binary, ...plan.buildFlags, ...plan.packageArgs],
      env: input.env,
      what: `the package "${plan.packageArgs.join(' ')}"`,
    });
    return {
      command: [binary, ...plan.programArgs],
      open: (context) => withPprofProbe((c) => openGoSession({ ...c, rootIsGo: true }), context),
    };
  }
  const rootIsGo = input.executable !== null && readGoBuildInfo(input.executable) !== null;
  if (!rootIsGo && !input.forced) return null;
  return {
    command: [...input.command],
    open: (context) => withPprofProbe((c) => openGoSession({ ...c, rootIsGo }), context),
  };
}
