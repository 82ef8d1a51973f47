// Decides, before anything starts, which runtime sources a run sets up and what command
// is actually spawned. A Go target is one whose binary has Go build info; `go run` is
// built first (see target/go-run.ts). `runtime` overrides the detection.

import path from 'node:path';
import { jdkRelease, type JdkRelease } from '../target/jdk-release.js';
import { goBuild } from '../target/go-build.js';
import { isGoRun, planGoRun } from '../target/go-run.js';
import { resolveCommand } from '../target/resolve-command.js';
import { detectRuntime } from '../runtimes/registry.js';

export type RuntimeChoice = 'auto' | 'node' | 'go' | 'jvm' | 'python' | 'other';

export interface TargetPlan {
  command: string[];
  // The Node agent goes into NODE_OPTIONS (harmless for a process that is not Node).
  nodeAgent: boolean;
  go: { rootIsGo: boolean } | null;
  // A JVM target: `java` itself, or (--runtime jvm) the java on JAVA_HOME or PATH that a
  // wrapper will start. `jdk` null: its version is unknown and nothing is injected.
  jvm: { jdk: JdkRelease | null } | null;
}

export async function planTarget(
  command: readonly string[],
  runtime: RuntimeChoice,
  directory: string,
  env: NodeJS.ProcessEnv,
): Promise<TargetPlan> {
  const nodeAgent = runtime !== 'other';
  const plain: TargetPlan = { command: [...command], nodeAgent, go: null, jvm: null };
  if (runtime === 'node' || runtime === 'python' || runtime === 'other') return plain;
  const first = command[0] === undefined ? null : resolveCommand(command[0], env);
  // Which module claims the executable (runtimes/registry.ts): its build info, its name.
  const detected = first === null ? null : (detectRuntime(first)?.name ?? null);
  const rootIsJava = detected === 'jvm';
  if (runtime === 'jvm' || rootIsJava) {
    const java = rootIsJava ? first : javaOnPath(env);
    return { ...plain, jvm: { jdk: java === null ? null : jdkRelease(java) } };
  }
  if (isGoRun(command)) {
    const plan = planGoRun(command);
    const binary = path.join(directory, plan.binaryName);
    await goBuild({
      goCommand: plan.goCommand,
      args: ['-o', binary, ...plan.buildFlags, ...plan.packageArgs],
      env,
      what: `the package "${plan.packageArgs.join(' ')}"`,
    });
    return { ...plain, command: [binary, ...plan.programArgs], go: { rootIsGo: true } };
  }
  const rootIsGo = detected === 'go';
  if (rootIsGo || runtime === 'go') return { ...plain, go: { rootIsGo } };
  return plain;
}

// The java a wrapper (gradle, mvn, a script) will most likely start: JAVA_HOME's, else PATH's.
function javaOnPath(env: NodeJS.ProcessEnv): string | null {
  if (env.JAVA_HOME !== undefined && env.JAVA_HOME !== '')
    return path.join(env.JAVA_HOME, 'bin', 'java');
  return resolveCommand('java', env);
}
