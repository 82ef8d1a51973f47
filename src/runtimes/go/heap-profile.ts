// Attribution for Go: the program's heap profile from net/http/pprof (`heap?gc=1`: a full
// GC first, so in-use bytes are what is kept), decoded with pprof-format (a maintained,
// dependency-free decoder of profile.proto; hand-writing a protobuf reader is not ours to
// own) and summed as `inuse_space` per location's innermost frame, inlined frames resolved
// (a location's first line is the innermost function inlined there), as
// `go tool pprof -diff_base` reads them. The runtime's own frames (runtime.*) are charged to
// the program's frame that called into it.

import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { gunzip as gunzipCallback, gunzipSync } from 'node:zlib';
import type { Profile } from 'pprof-format';
import type { SiteBytes } from '../../recording/records.js';
import { httpGetBytes } from '../../sources/http-get.js';
import { SiteTable, type ProfileSites } from '../../sources/site-table.cjs';

const REQUEST_TIMEOUT_MS = 10_000;
// Loaded on the first profile: most runs never decode one, and every module loaded at
// start is resident for the whole run (rssdoctor's own RSS on a host of 1,000 processes).
const requireModule = createRequire(import.meta.url);
let decoder: typeof Profile | undefined;
const profileDecoder = (): typeof Profile =>
  (decoder ??= (requireModule('pprof-format') as typeof import('pprof-format')).Profile);
const gunzip = promisify(gunzipCallback);

export async function fetchHeapSites(
  pprofBase: string,
): Promise<{ sites: ProfileSites; tookMs: number }> {
  const started = performance.now();
  const url = `${pprofBase.replace(/\/+$/, '')}/heap?gc=1`;
  // A large program's profile is megabytes: inflated off the event loop, which ticks the watch.
  const sites = heapProfileSites(await inflate(await httpGetBytes(url, REQUEST_TIMEOUT_MS)));
  if (sites === null) throw new Error(`${url} is not a Go heap profile (no inuse_space)`);
  return { sites, tookMs: performance.now() - started };
}

// The profile's bytes (gzipped as Go serves them, or plain) as sites; null when it has no
// inuse_space. Throws on bytes that are not a profile.
export function heapProfileSites(body: Uint8Array): ProfileSites | null {
  const raw = gzipped(body) ? gunzipSync(body) : body;
  const profile = profileDecoder().decode(raw);
  const strings = profile.stringTable.strings;
  const valueAt = profile.sampleType.findIndex(
    (type) => strings[Number(type.type)] === 'inuse_space',
  );
  if (valueAt < 0) return null;
  const functions = new Map(profile.function.map((fn) => [Number(fn.id), fn]));
  const locations = new Map(profile.location.map((location) => [Number(location.id), location]));
  const table = new SiteTable();
  for (const sample of profile.sample) {
    const bytes = Number(sample.value[valueAt] ?? 0);
    if (bytes <= 0) continue;
    table.add(programFrame(sample.locationId.map(Number), locations, functions, strings), bytes);
  }
  return table.largest();
}

function gzipped(body: Uint8Array): boolean {
  return body[0] === 0x1f && body[1] === 0x8b;
}

async function inflate(body: Buffer): Promise<Uint8Array> {
  return gzipped(body) ? gunzip(body) : body;
}

type Frame = Omit<SiteBytes, 'bytes'>;

// The innermost frame of the stack (leaf first) that is not the runtime's; the leaf when
// every frame is.
function programFrame(
  locationIds: number[],
  locations: Map<number, Profile['location'][number]>,
  functions: Map<number, Profile['function'][number]>,
  strings: string[],
): Frame {
  let leaf: Frame | null = null;
  for (const id of locationIds) {
    for (const line of locations.get(id)?.line ?? []) {
      const fn = functions.get(Number(line.functionId));
      const frame: Frame = {
        function: fn === undefined ? null : (strings[Number(fn.name)] ?? null),
        file: fn === undefined ? null : (strings[Number(fn.filename)] ?? null),
        line: Number(line.line) || null,
      };
      leaf ??= frame;
      if (!(frame.function ?? '').startsWith('runtime.')) return frame;
    }
  }
  return leaf ?? { function: null, file: null, line: null };
}
