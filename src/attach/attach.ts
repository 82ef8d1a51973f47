// `attach`: watch a process that was started without rssdoctor, and build the same Report
// as `run`. The target is never signalled to stop: the watch ends at --duration, when the
// target exits, or on stop() (Ctrl-C), and everything rssdoctor opened in it (an inspector,
// a GC log) is closed again before the report. Never prints, never exits.

import { performance } from 'node:perf_hooks';
import { defaultRecordingPath } from '../recording/default-path.js';
import type { BodyRecord, RecordingRecord } from '../recording/records.js';
import { RecordingWriter } from '../recording/writer.js';
import { recordingSink } from '../run/recording-sink.js';
import { buildReport } from '../report/build.js';
import type { Report } from '../report/report.js';
import { recordingHeader } from '../run/recording-header.js';
import { markReleaseStart, settleAfterRelease } from '../run/release-settle.js';
import { openRunDirectory } from '../run/run-directory.js';
import { combineSessions } from '../run/runtime-sources.js';
import { endSequence } from '../run/end-sequence.js';
import type { RuntimeChoice } from '../run/target-plan.js';
import { startTreeWatch, type TreeProgress } from '../run/watch-tree.js';
import type { SessionContext } from '../runtimes/runtime-session.js';
import { sitesOffWhy } from '../run/sites-schedule.js';
import { readAttachTarget } from './attach-target.js';
import { openAttachSession } from './attach-session.js';

export interface AttachOptions {
  pid: number;
  durationMs?: number;
  intervalMs?: number;
  outPath?: string;
  passive?: boolean;
  // Heap profiles that name the code keeping memory (default true; never under passive).
  attribution?: boolean;
  probeRelease?: boolean;
  deep?: boolean;
  keepTemp?: boolean;
  // 'auto' detects the runtime from the process; 'other' watches at OS level only.
  runtime?: RuntimeChoice;
  // Consent to open a Node target's inspector on 127.0.0.1 for the watch.
  inspector?: boolean;
  pprofUrl?: string;
  expvarUrl?: string;
  onStart?: (info: { pid: number; recordingPath: string; runtime: string }) => void;
  onTick?: (progress: TreeProgress) => void;
  onRecord?: (record: RecordingRecord) => void;
  // Said at once, as well as in the report (what attach could not reach, and why).
  onNotice?: (text: string) => void;
  records?: BodyRecord[];
}

export interface AttachHandle {
  // Ends the watch now (Ctrl-C): the target keeps running, untouched.
  stop: () => void;
  done: Promise<Report>;
}

export function startAttach(options: AttachOptions): AttachHandle {
  const stopper = new AbortController();
  return { stop: () => stopper.abort(), done: attach(options, stopper.signal) };
}

async function attach(options: AttachOptions, stopped: AbortSignal): Promise<Report> {
  const target = readAttachTarget(options.pid);
  const startedAt = new Date();
  const recordingPath = options.outPath ?? defaultRecordingPath(target.command, startedAt);
  const intervalMs = options.intervalMs ?? 1000;
  const directory = openRunDirectory(options.keepTemp ?? false);
  const writer = new RecordingWriter(recordingPath);
  const records = options.records ?? [];
  const sink = recordingSink(writer, records, options.onRecord);
  const append = sink.append;
  const header = {
    ...recordingHeader({ command: target.command, startedAt, intervalMs }),
    attachedPid: target.pid,
  };
  writer.append(header);
  options.onRecord?.(header);
  const t0 = performance.now();
  const nowMs = (): number => performance.now() - t0;
  const notice = (code: 'attach.osLevel' | 'attach.denied', text: string): void => {
    append({ type: 'note', tMs: nowMs(), code, pid: target.pid, text });
    options.onNotice?.(text);
  };
  if (target.deniedWhy !== null) notice('attach.denied', target.deniedWhy);

  const sitesOff = sitesOffWhy(options);
  if (sitesOff !== null)
    append({ type: 'note', tMs: nowMs(), code: 'source.sitesUnavailable', text: sitesOff });
  const context: SessionContext = {
    directory: directory.path,
    intervalMs,
    durationMs: options.durationMs,
    passive: options.passive ?? false,
    attribution: sitesOff === null,
    quietTrace: true,
    echoStderr: () => undefined,
    nowMs,
    append,
  };
  const session = await openAttachSession(target, options, context, notice);
  options.onStart?.({ pid: target.pid, recordingPath, runtime: session.runtime });
  const sources = combineSessions(session.sessions);

  const sampling = new AbortController();
  const end = (): void => sampling.abort();
  stopped.addEventListener('abort', end, { once: true });
  let timedOut = false;
  const timer =
    options.durationMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          end();
        }, options.durationMs);
  const watch = startTreeWatch({
    rootPid: target.pid,
    intervalMs,
    nowMs,
    append,
    sources,
    deep: options.deep ?? false,
    onTick: options.onTick,
    signal: sampling.signal,
  });
  let targetGone = false;
  try {
    await watch.done;
    targetGone = !sampling.signal.aborted;
  } finally {
    clearTimeout(timer);
    stopped.removeEventListener('abort', end);
  }
  // The end of a watch: one last live point and where the memory lies, while the target
  // still runs; then everything rssdoctor opened in it is closed. Nothing stops it.
  if (!targetGone) {
    await endSequence({
      finalProbe: () => sources.finalProbe(),
      snapshot: () => watch.snapshot(),
      releaseProbe:
        options.probeRelease === true
          ? async () => {
              markReleaseStart(nowMs, append);
              await settleAfterRelease(await sources.releaseProbe(), nowMs, append);
            }
          : null,
      stop: null,
      failed: (step, error) =>
        append({
          type: 'note',
          tMs: nowMs(),
          code: 'run.endStepFailed',
          text: `${step} failed (${error instanceof Error ? error.message : String(error)}); the target was left running`,
        }),
    });
  }
  await sources.close();
  directory.remove();
  append({
    type: 'end',
    tMs: nowMs(),
    exitCode: null,
    signal: null,
    timedOut,
    interrupted: stopped.aborted && !timedOut,
    targetExited: targetGone,
  });
  writer.close();
  return buildReport(sink.recording(header), { recordingPath });
}
