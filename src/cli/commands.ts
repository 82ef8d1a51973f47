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
    'write the Report v1 JSON to <file>, or to stdout when no file is given (the terminal summary then goes to stderr)',
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
  FAIL_ON_OPTION,
  {
    flags: '--passive',
    description:
      'never force a GC in the target; with too few natural full GCs the verdict is inconclusive',
  },
  {
    flags: '--runtime <name>',
    description:
      "which runtime source to use: auto (Go from the binary's build info, Node from its agent), node, go, or other (OS-level only)",
    defaultText: 'auto',
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
    flags: '--no-live',
    description: 'no progress line on stderr, even when stderr is a terminal',
  },
];

export const COMMANDS: CommandSpec[] = [
  {
    name: 'run',
    usage: 'rssdoctor run [options] -- <command...>',
    summary: 'start a command, watch its process tree, and give a verdict',
    details:
      'Samples /proc for the command and every process under it, loads the agent into every Node.js process (NODE_OPTIONS=--require, appended to yours) to read its live heap, runs a Go program with GODEBUG=gctrace=1,scavtrace=1 (merged into yours; its stderr goes through a private file and is echoed) and builds `go run` first so the compiler is not traced, writes the recording as it goes, and ends at --duration, when the command exits, or on Ctrl-C (once forwards SIGINT to the command; twice kills it). The verdict is about the most severe process in the tree.',
    options: RUN_OPTIONS,
    examples: [
      'rssdoctor run --duration 60 -- python3 server.py',
      'rssdoctor run --duration 2m --json report.json --fail-on leak -- ./my-service --port 8080',
      'rssdoctor run --duration 60 -- go run ./cmd/receiver',
    ],
  },
  {
    name: 'demo',
    usage: 'rssdoctor demo [options]',
    summary: 'replay the seed scenario (golang/go#40448): a TCP receiver under load',
    details:
      "Starts a TCP receiver on 127.0.0.1, drives it with a load generator (length-prefixed messages over several connections at a set rate), and watches it exactly as `run` would. Node (default): 5 worker threads checksum each message; the verdict is retention or steady. Go (--runtime go, built from the shipped source with your `go` into ~/.cache/rssdoctor): 5 connections, one goroutine each, every message read through a fresh bufio.Reader, as in the original report; at the default gentle rate (5 messages/s, sensors) the heap never reaches Go's first GC trigger and the verdict is no-gc-yet; with --rate 2000 GCs run and it is retention or steady. With --leak the receiver keeps every payload and the verdict is leak (the default rate is then 2000 for both). Every `run` option applies.",
    options: [
      {
        flags: '--runtime <name>',
        description: 'the receiver: node or go',
        defaultText: 'node',
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
        option.flags === '--duration <seconds>' ? { ...option, defaultText: '60' } : option,
      ),
    ],
    examples: [
      'rssdoctor demo',
      'rssdoctor demo --leak --duration 30 --json demo.json',
      'rssdoctor demo --runtime go',
      'rssdoctor demo --runtime go --rate 2000',
    ],
  },
  {
    name: 'report',
    usage: 'rssdoctor report [options] <recording>',
    summary: 're-analyse a recording',
    details:
      'Recomputes everything from the raw records, so it gives the same verdict as the live run. A recording cut mid-line (rssdoctor or the machine died) is read up to the cut, and the report says it is truncated.',
    options: [JSON_OPTION, FAIL_ON_OPTION],
    examples: ['rssdoctor report rssdoctor-server-20261125-180000.ndjson --json'],
  },
];
