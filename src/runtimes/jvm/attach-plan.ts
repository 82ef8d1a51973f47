// How `attach` reaches a running HotSpot JVM: over the attach socket (attach.ts), VM.log
// turns GC logging on into a file in rssdoctor's private directory, named as `run` names
// its logs, so that the JVM session (session.ts) tails and parses it and forces full GCs
// (GC.run) exactly as in `run`. At the end the same output is switched off (all tags off,
// which removes it), so no GC log stays on after the watch; the handshake file is removed
// by attach.ts. A JDK 8 has no VM.log, and a JVM may refuse it: the live points then come
// from GC.run alone, each followed by GC.heap_info (heap-info-session.ts).
//
// Refused before anything is sent: a JVM started with -XX:+DisableAttachMechanism (it
// never answers), and one that does not catch SIGQUIT (-Xrs: the signal that starts the
// attach listener would kill it).

import { existsSync } from 'node:fs';
import path from 'node:path';
import { catchesSignal, SIGQUIT_NUMBER } from '../../sources/proc-signals.js';
import type { AttachInput, AttachPlan, RuntimeSession } from '../runtime-session.js';
import { attachSocketOpen, jvmDiagnosticCommand } from './attach.js';
import { javaOptionsText } from './java-caps.js';
import { jdkRelease } from './jdk-release.js';
import { openHeapInfoSession } from './heap-info-session.js';
import { openJvmSession } from './session.js';

export async function planJvmAttach(input: AttachInput): Promise<AttachPlan> {
  const refused = refusal(input.pid);
  if (refused !== null) return { unavailableWhy: refused };
  const jdk = jdkRelease(input.executable);
  if (jdk === null) {
    return {
      unavailableWhy: `its JDK (${input.executable}) has no readable release file, so the GC log options for it are unknown`,
    };
  }
  if (jdk.major < 9) {
    return {
      note: `JDK ${jdk.version} has no VM.log: each live point is a full GC forced with GC.run, then GC.heap_info`,
      open: (context) => Promise.resolve(openHeapInfoSession(input.pid, context)),
    };
  }
  return {
    note: 'GC logging was turned on through its attach socket (VM.log) for the watch, and off again at the end',
    open: async (context) => {
      const file = path.join(context.directory, `gc-${input.pid}.log`);
      // The diagnostic command's parser keeps a double-quoted value whole, spaces and colons
      // included (checked with jcmd on JDK 17); a double quote in the path it cannot carry.
      if (file.includes('"')) {
        throw new Error(
          `the GC log path "${file}" has a double quote, which VM.log cannot take; set TMPDIR to a path without one`,
        );
      }
      const output = `output="file=${file}"`;
      const on = await jvmDiagnosticCommand(
        input.pid,
        `VM.log ${output} what=gc*=info decorators=uptime,level,tags`,
      );
      if (!on.ok) {
        context.append({
          type: 'note',
          tMs: context.nowMs(),
          code: 'source.jvmAttachFailed',
          pid: input.pid,
          text: `pid ${input.pid}: VM.log was refused (${on.output.trim() || 'no reason given'}); live points come from GC.run then GC.heap_info instead`,
        });
        return openHeapInfoSession(input.pid, context);
      }
      const session = openJvmSession({ ...context, jdk, loggingOnAlready: true });
      const close = async (): Promise<void> => {
        // A JVM that exited took its log settings with it.
        if (!existsSync(`/proc/${input.pid}`)) {
          await session.close();
          return;
        }
        const off = await jvmDiagnosticCommand(input.pid, `VM.log ${output} what=all=off`).catch(
          (error: Error) => ({ ok: false, output: error.message }),
        );
        await session.close();
        if (!off.ok) {
          context.append({
            type: 'note',
            tMs: context.nowMs(),
            code: 'source.jvmAttachFailed',
            pid: input.pid,
            text: `pid ${input.pid}: turning its GC log off failed (${off.output.trim()}); it may still write ${file}`,
          });
        }
      };
      return { ...session, close } satisfies RuntimeSession;
    },
  };
}

function refusal(pid: number): string | null {
  const options = javaOptionsText(pid);
  if (/-XX:\+DisableAttachMechanism\b/.test(options)) {
    return 'it was started with -XX:+DisableAttachMechanism, so it has no attach socket; restart it without that option, or under `rssdoctor run`';
  }
  if (!attachSocketOpen(pid) && catchesSignal(pid, SIGQUIT_NUMBER) !== true) {
    return 'it does not catch SIGQUIT (started with -Xrs?), and the SIGQUIT that starts its attach listener would kill it';
  }
  return null;
}
