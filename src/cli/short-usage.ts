// What `rssdoctor` with no arguments prints: three things to try, not the whole help. A
// newcomer's first command; every line fits 80 columns (test/cli/short-usage.test.ts).

export const SHORT_USAGE = `rssdoctor: RSS keeps rising. Is it a leak? Watch a process, get a verdict.

  rssdoctor demo                              the story it grew from, a minute
  rssdoctor run --duration 2m -- node app.js  watch a command, then the verdict
  rssdoctor attach --duration 5m 4242         watch a running process

All commands and options: rssdoctor --help; one command: rssdoctor help run
`;
