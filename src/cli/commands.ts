// The CLI's commands and options as data. program.ts builds commander from this, and
// cli-doc.ts renders docs/cli.md from it, so the help and the docs cannot drift apart.

export interface OptionSpec {
  flags: string;
  description: string;
  defaultText?: string;
}

export interface CommandSpec {
  name: string;
  usage: string;
  summary: string;
  details: string;
  options: OptionSpec[];
  examples: string[];
}

const JSON_OPTION: OptionSpec = {
  flags: '--json [file]',
  description:
    'write the Report v1 JSON to <file>, or to stdout when no file (or -) is given (the terminal summary then goes to stderr)',
};
const HTML_OPTION: OptionSpec = {
  flags: '--html <file>',
  description:
    'also write a self-contained HTML report (works offline): the verdict, RSS over time by part, the live points with their trend, GC and probe markers, advice',
};
const FAIL_ON_OPTION: OptionSpec = {
  flags: '--fail-on <verdicts>',
  description:
    'exit with code 1 when the verdict is one of these (comma-separated: leak,native-leak,no-gc-yet,retention,steady,inconclusive)',
};

const RUN_OPTIONS: OptionSpec[] = [
  {
    flags: '--duration <seconds>',
    description:
      'stop the command after this long (one forced GC in each Node process, then SIGTERM, then SIGKILL after 3 s); accepts 60, 90s, 2m, 1h',
    defaultText: 'run until the command exits',
  },
  {
    flags: '--interval <seconds>',
    description: 'time between samples; accepts 1, 0.5, 200ms',
    defaultText: '1',
  },
  {
    flags: '--out <file>',
    description: 'where to write the NDJSON recording',
    defaultText: './rssdoctor-<name>-<YYYYMMDD-HHMMSS>.ndjson',
  },
  JSON_OPTION,
  HTML_OPTION,
  FAIL_ON_OPTION,
  {
    flags: '--passive',
    description:
      'never force a GC in the target; with too few natural full GCs the verdict is inconclusive',
  },
  {
    flags: '--no-attribution',
    description:
      'take no heap profiles: the report then names no code. By default a few profiles, each right after a forced full GC (at a fifth of --duration, at most 10 s, then each time the run doubles its age, and at the end), name the sites whose kept bytes grew: Node by function and line (V8 sampling heap profiler), Go by function and line with --pprof (heap?gc=1), the JVM by class (GC.class_histogram). --passive takes none',
  },
  {
    flags: '--probe-release',
    description:
      'at the end, measure what can be given back: RSS before, after a forced GC and after malloc_trim in each Node process (the report says "reclaimable: X MiB (Y%)"; a large drop is evidence for retention); for Go and the JVM it names the in-program call that does the same',
  },
  {
    flags: '--deep',
    description:
      "read each process's full smaps every 10 s to count thread stacks in the breakdown (costs the target a few ms per read)",
  },
  {
    flags: '--runtime <name>',
    description:
      "which runtime source to use: auto (Go from the binary's build info, a JVM when the command is java, Node and Python from their agents), node, go, jvm (also a JVM a wrapper starts), python, or other (OS-level only: no agent)",
    defaultText: 'auto',
  },
  {
    flags: '--pprof <url>',
    description:
      "Go: the base of the program's net/http/pprof handlers (e.g. http://127.0.0.1:6060/debug/pprof); rssdoctor asks heap?gc=1 for a full GC when natural ones are too rare",
  },
  {
    flags: '--quiet-trace',
    description:
      "Go: do not echo gctrace/scavtrace lines to stderr (the program's other stderr is always echoed)",
  },
  {
    flags: '--keep-temp',
    description:
      'keep the private run directory (agent socket, Go trace file, go run build) instead of removing it',
  },
  {
    flags: '--metrics <[host:]port>',
    description:
      'serve Prometheus metrics (RSS and its parts, live heap, GCs, the current verdict) at http://host:port/metrics while the run lasts; binds 127.0.0.1 unless a host is given',
  },
  {
    flags: '--no-live',
    description:
      'no live chart on stderr, even when stderr is a terminal: plain progress lines every 10 s instead (as when stderr is not a terminal)',
  },
];

export const COMMANDS: CommandSpec[] = [
  {
    name: 'run',
    usage: 'rssdoctor run [options] -- <command...>',
    summary: 'start a command, watch its process tree, and give a verdict',
    details:
      'Samples /proc for the command and every process under it, loads the agent into every Node.js process (NODE_OPTIONS=--require, appended to yours) to read its live heap, runs a Go program with GODEBUG=gctrace=1,scavtrace=1 (merged into yours; its stderr goes through a private file and is echoed) and builds `go run` first so the compiler is not traced, turns on the GC log of a JVM through JAVA_TOOL_OPTIONS (appended to yours) and forces full GCs in it (GC.run) when natural ones are too rare, writes the recording as it goes, and ends at --duration, when the command exits, or on Ctrl-C (once forwards SIGINT to the command; twice kills it). The verdict is about the most severe process in the tree.',
    options: RUN_OPTIONS,
    examples: [
      'rssdoctor run --duration 60 -- python3 server.py',
      'rssdoctor run --duration 2m --json report.json --fail-on leak -- ./my-service --port 8080',
      'rssdoctor run --duration 60 -- go run ./cmd/receiver',
    ],
  },
  {
    name: 'attach',
    usage: 'rssdoctor attach [options] <pid>',
    summary: 'watch a running process (started without rssdoctor) and give a verdict',
    details:
      'Samples /proc for the process and every process under it, as `run` does, and reads the live heap where the runtime allows it without a restart: a JVM through its attach socket (GC logging turned on with VM.log for the watch and off at the end; full GCs forced with GC.run when natural ones are too rare); Node with --inspector (SIGUSR1 opens its inspector on 127.0.0.1, full GCs are forced through it, paced, and it is closed again at the end); Go with --pprof or --expvar (its own endpoints). Anything else is judged at OS level, and the report says what would add the live heap. Ends at --duration, when the process exits, or on Ctrl-C, and leaves the process running, untouched. Exit code 3 when the PID cannot be watched.',
    options: [
      ...RUN_OPTIONS.filter(
        (option) => !['--quiet-trace', '--keep-temp', '--runtime <name>'].includes(option.flags),
      ).map((option) =>
        option.flags === '--duration <seconds>'
          ? {
              ...option,
              description:
                'stop watching after this long (the process keeps running); accepts 60, 90s, 2m, 1h',
              defaultText: 'until the process exits or Ctrl-C',
            }
          : option,
      ),
      {
        flags: '--runtime <name>',
        description:
          'which runtime to read: auto (from the executable and, for a JVM, libjvm.so in its maps), node, go, jvm, python, or other (OS level only)',
        defaultText: 'auto',
      },
      {
        flags: '--inspector',
        description:
          "Node: open the target's inspector (SIGUSR1) to read its live heap; a debugger port then listens on 127.0.0.1 while rssdoctor watches, reachable by any local user, and is closed at the end",
      },
      {
        flags: '--expvar <url>',
        description:
          "Go: the program's expvar page (e.g. http://127.0.0.1:6060/debug/vars), polled each tick; each GC's live heap is estimated from its goal",
      },
    ],
    examples: [
      'rssdoctor attach --duration 5m 4242',
      'rssdoctor attach --inspector --duration 2m --json report.json 4242',
      'rssdoctor attach --pprof http://127.0.0.1:6060/debug/pprof --duration 5m 4242',
    ],
  },
  {
    name: 'demo',
    usage: 'rssdoctor demo [options]',
    summary: 'replay the seed scenario (golang/go#40448): a TCP receiver under load',
    details:
      "Replays the story the project grew from, in about a minute, and ends by naming the HTML report it wrote. Starts a TCP receiver on 127.0.0.1, drives it with a load generator (length-prefixed messages over several connections at a set rate), and watches it exactly as `run` would. Go (the default when `go` is on PATH; built from the shipped source into ~/.cache/rssdoctor): 5 connections, one goroutine each, every message read through a fresh bufio.Reader, as in the original report; at the default gentle rate (5 messages/s, sensors) the heap never reaches Go's first GC trigger and the verdict is no-gc-yet; then the fix is applied live (debug.FreeOSMemory() in the receiver, on a signal) and what it gives back is measured. Node (without go, or --runtime node): 5 worker threads checksum each message; forced GCs show live data flat, the verdict is steady or retention, and a GC plus malloc_trim measures what is held for reuse. With --rate 2000 the Go receiver GCs and is steady; with --leak either receiver keeps every payload and the verdict is leak (the default rate is then 2000). Every `run` option applies; --passive skips the fix.",
    options: [
      {
        flags: '--runtime <name>',
        description: 'the receiver: node or go',
        defaultText: 'go when go is on PATH, else node',
      },
      { flags: '--leak', description: 'the receiver keeps every payload it receives' },
      {
        flags: '--rate <messages>',
        description: 'messages per second, over all connections (0: as fast as acks allow)',
        defaultText: '2000; go without --leak: 5',
      },
      {
        flags: '--connections <count>',
        description: 'TCP connections',
        defaultText: '4; go: 5',
      },
      { flags: '--size <bytes>', description: 'payload bytes per message', defaultText: '1024' },
      ...RUN_OPTIONS.filter((option) => option.flags !== '--runtime <name>').map((option) =>
        option.flags === '--duration <seconds>'
          ? { ...option, defaultText: '40 for go, 60 for node' }
          : option.flags.startsWith('--html')
            ? { ...option, defaultText: 'the recording path, ending .html' }
            : option,
      ),
    ],
    examples: [
      'rssdoctor demo',
      'rssdoctor demo --runtime node',
      'rssdoctor demo --leak --duration 30 --json demo.json',
      'rssdoctor demo --runtime go --rate 2000',
    ],
  },
  {
    name: 'tune',
    usage:
      'rssdoctor tune (--vary NAME=a|b|c | --predict GOGC=a|b [--confirm]) [options] (--demo node|go | -- <command...>)',
    summary: 'space for time, measured: the same work under each setting, side by side',
    details:
      'Runs the same fixed amount of work under each setting (every combination of the --vary options: an environment variable such as GOGC, GOMEMLIMIT, GODEBUG, MALLOC_ARENA_MAX, LD_PRELOAD, or Node flags in NODE_OPTIONS, appended to yours), interleaved and repeated, each run watched like `run`. The work is the demo receiver acking --messages messages as fast as it can (--demo; the Go receiver keeps its last 4096 payloads, so the GC has live data to mark), or your --load command run to completion against your command (split into arguments, no shell; its last line, if a bare number or "units: N", counts the work), or your command itself when there is no --load. Prints, per setting, the median and range of peak RSS, steady RSS (median of the last third), target CPU per 1,000 messages or units, GCs, wall time and the verdicts, and marks the best for memory, the best for CPU, and the settings no other beats on both.',
    options: [
      {
        flags: '--vary <setting>',
        description:
          'NAME=value|value|… to compare; repeat for several names (every combination runs)',
      },
      {
        flags: '--predict <setting>',
        description:
          "GOGC=a|b or GOMEMLIMIT=a|b (Go's syntax; repeat for both): one observed run at the current setting, then Go's pacer model forecasts each setting's heap goal, steady and peak RSS, and GCs per 1,000 messages or units, without running them (docs/tune.md)",
      },
      {
        flags: '--confirm',
        description:
          'with --predict: then measure the same settings, as --vary does, and show forecast beside measurement',
      },
      {
        flags: '--repeat <count>',
        description: 'runs per setting, interleaved across settings',
        defaultText: '3',
      },
      { flags: '--demo <runtime>', description: 'tune the demo receiver: node or go' },
      {
        flags: '--messages <count>',
        description: 'with --demo: messages per run (the fixed work)',
        defaultText: '200000',
      },
      {
        flags: '--load <command>',
        description: 'a load command to run to completion against your command, each run',
      },
      {
        flags: '--interval <seconds>',
        description: 'time between samples',
        defaultText: '0.25',
      },
      {
        flags: '--out-dir <dir>',
        description: "keep every run's recording here (tune-<n>.ndjson)",
        defaultText: 'a temporary directory, removed',
      },
      {
        flags: '--json [file]',
        description:
          'write the whole matrix as JSON to <file>, or to stdout when no file (or -) is given',
      },
      {
        flags: '--html <file>',
        description:
          'also write a self-contained HTML page: steady RSS against CPU for every setting, with the table',
      },
    ],
    examples: [
      "rssdoctor tune --demo go --vary 'GOGC=25|100|400'",
      "rssdoctor tune --demo go --predict 'GOGC=25|400' --predict 'GOMEMLIMIT=64MiB' --confirm",
      "rssdoctor tune --demo node --vary 'NODE_OPTIONS=--max-semi-space-size=1|--max-semi-space-size=16' --repeat 5",
      "rssdoctor tune --vary 'MALLOC_ARENA_MAX=2|8' --load 'wrk -d 30s http://127.0.0.1:8080/' -- ./server",
    ],
  },
  {
    name: 'rules',
    usage: 'rssdoctor rules [options]',
    summary: 'print Prometheus alerting rules that tell a leak from retention',
    details:
      'Prints a Prometheus rule file (YAML) with one alert per runtime and metric family that services already export: client_golang (go_memstats_heap_inuse_bytes, go_gc_duration_seconds), prom-client (nodejs_heap_size_used_bytes, nodejs_external_memory_bytes), Micrometer (jvm_memory_used_bytes{area="heap"}) and client_java (jvm_memory_bytes_used{area="heap"}), each with process_resident_memory_bytes. An alert fires when the heap\'s floor (its level after GC) rises in three consecutive windows, by more than 1 MiB and 2% each, with RSS rising too; RSS high with a flat floor is retention and never fires. Check the file with `promtool check rules`.',
    options: [
      {
        flags: '--window <duration>',
        description:
          'the window W (minutes or hours: 10m, 1h); an alert needs 4W of history and holds for W',
        defaultText: '10m',
      },
    ],
    examples: ['rssdoctor rules > rssdoctor-rules.yml && promtool check rules rssdoctor-rules.yml'],
  },
  {
    name: 'compare',
    usage: 'rssdoctor compare [options] <before> <after>',
    summary: "did the fix work? compare two runs' memory behaviour, with statistics",
    details:
      'Reads two recordings (or Report JSONs whose recording is still beside them) and compares each process with its counterpart (the root with the root, the rest by name): the growth rate of the live heap (RSS where a run has no live heap) with its 95% interval, the difference with a z-test, peak and steady RSS, and GC counts. The verdict is improved or regressed when the difference is beyond chance (p < 0.05) and material (over a quarter of the larger rate, and over 1 MiB across the shorter run), unchanged when its whole 95% interval is within that margin, and inconclusive otherwise. Runs of different length or interval are compared per second. Any regressed process makes the whole comparison regressed.',
    options: [
      {
        flags: '--json [file]',
        description:
          'write the Comparison JSON (schema: rssdoctor/comparison-v1.schema.json) to a file, or to stdout with no file (the summary then goes to stderr)',
      },
      {
        flags: '--html <file>',
        description:
          'also write a self-contained HTML page: both runs on one chart from their start, and the figures',
      },
      {
        flags: '--fail-on <verdicts>',
        description:
          'exit with code 1 when the comparison is one of these (comma-separated: improved,regressed,unchanged,inconclusive); for CI: --fail-on regressed',
      },
    ],
    examples: [
      'rssdoctor compare before.ndjson after.ndjson --fail-on regressed',
      'rssdoctor compare main.json pr.json --json comparison.json --html comparison.html',
    ],
  },
  {
    name: 'report',
    usage: 'rssdoctor report [options] <recording>',
    summary: 're-analyse a recording',
    details:
      'Recomputes everything from the raw records, so it gives the same verdict as the live run. A recording cut mid-line (rssdoctor or the machine died) is read up to the cut, and the report says it is truncated.',
    options: [JSON_OPTION, HTML_OPTION, FAIL_ON_OPTION],
    examples: ['rssdoctor report rssdoctor-server-20261125-180000.ndjson --json'],
  },
];
