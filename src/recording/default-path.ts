import path from 'node:path';

// ./rssdoctor-<name>-<YYYYMMDD-HHMMSS>.ndjson, where <name> is the command's base name
// reduced to safe characters (so `--out` is never needed for a sensible file name).
export function defaultRecordingPath(command: readonly string[], startedAt: Date): string {
  const base = path.basename(command[0] ?? 'target').replace(/[^A-Za-z0-9._-]/g, '_') || 'target';
  const pad = (value: number): string => String(value).padStart(2, '0');
  const stamp =
    `${startedAt.getFullYear()}${pad(startedAt.getMonth() + 1)}${pad(startedAt.getDate())}-` +
    `${pad(startedAt.getHours())}${pad(startedAt.getMinutes())}${pad(startedAt.getSeconds())}`;
  return `rssdoctor-${base}-${stamp}.ndjson`;
}
