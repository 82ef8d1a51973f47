#!/bin/sh
':' //; case "$1" in run | attach) exec node --max-semi-space-size=1 --optimize-for-size "$0" "$@" ;; *) exec node "$0" "$@" ;; esac
// Both a shell script and an ES module. Run as a command, the shell's line above starts
// Node for the watching commands (run, attach: hours on a host, many processes a tick)
// with a young generation of at most 2 MiB and V8's heap sized for memory: V8 otherwise
// grows its young generation to 32 MiB under the steady allocation of a tick over many
// processes, and lets its old one fill before a full GC (`node bench/host.mjs 1000
// --duration 40`, one or two runs each: peak RSS 114 MiB without the flags, 75–76 MiB
// with both, at 5.3% of a core against 4.1–5.2% with the first alone). Not for the
// others: `report --html` on the day-long recording of bench/html-24h.mjs took 4.43 s
// with them and 1.88 s without (one run each, /usr/bin/time). A flag cannot be set from
// inside a running process, and `#!/usr/bin/env -S node …` fails with BusyBox's env. To
// Node the second line is a string and a comment; `node bin/rssdoctor.js` runs without the
// flags, which changes nothing else.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
