// One attribution profile of a JVM: GC.class_histogram over the attach socket (a full GC,
// then every class's bytes), recorded as a `sites` record with the command's time as its
// pause (the full GC is most of it, and the histogram is taken with the world stopped).

import type { SessionContext } from '../runtime-session.js';
import type { AttachResult } from './attach.js';
import { parseClassHistogram } from './class-histogram.js';

export async function histogramSites(
  pid: number,
  command: (pid: number, line: string) => Promise<AttachResult>,
  context: Pick<SessionContext, 'nowMs' | 'append'>,
): Promise<number> {
  const result = await command(pid, 'GC.class_histogram');
  if (!result.ok) {
    throw new Error(
      `GC.class_histogram was refused (${result.output.trim() || 'no reason given'})`,
    );
  }
  const sites = parseClassHistogram(result.output);
  if (sites === null) throw new Error('GC.class_histogram printed no class');
  context.append({
    type: 'sites',
    tMs: context.nowMs(),
    pid,
    method: 'jvm-class-histogram',
    ...sites,
    pauseMs: result.durationMs,
  });
  return result.durationMs;
}
