// How `run` turns the JVM's GC log on: `java` itself, or (--runtime jvm) the java on
// JAVA_HOME or PATH that a wrapper will start. Its JDK's version picks the log options;
// unknown, nothing is injected (a wrong option stops a JVM).

import path from 'node:path';
import { resolveCommand } from '../../target/resolve-command.js';
import type { PlanInput, RuntimePlan } from '../runtime-session.js';
import { jdkRelease } from './jdk-release.js';
import { openJvmSession } from './session.js';

export function isJava(executable: string): boolean {
  return path.basename(executable) === 'java';
}

export function planJvm(input: PlanInput): Promise<RuntimePlan | null> {
  const rootIsJava = input.executable !== null && isJava(input.executable);
  if (!rootIsJava && !input.forced) return Promise.resolve(null);
  const java = rootIsJava ? input.executable : javaOnPath(input.env);
  const jdk = java === null ? null : jdkRelease(java);
  return Promise.resolve({
    command: [...input.command],
    open: (context) => openJvmSession({ ...context, jdk }),
  });
}

// The java a wrapper (gradle, mvn, a script) will most likely start: JAVA_HOME's, else PATH's.
function javaOnPath(env: NodeJS.ProcessEnv): string | null {
  if (env.JAVA_HOME !== undefined && env.JAVA_HOME !== '')
    return path.join(env.JAVA_HOME, 'bin', 'java');
  return resolveCommand('java', env);
}
