// JAVA_TOOL_OPTIONS is the user's: the GC log options are appended. JDK 9+ logs every gc
// tag to a file per process (%p is the pid) with fixed decorations; JDK 8 takes -Xloggc
// with PrintGCDetails. The JVM prints "Picked up JAVA_TOOL_OPTIONS: …" on stderr: expected.
//
// The JVM splits the variable at white space, except inside '…' or "…" (HotSpot's
// Arguments::parse_options_buffer, JDK 8 to 21), so the option is single-quoted: a TMPDIR
// with a space no longer splits it into two options, which stopped the JVM from starting.
// -Xlog splits its own argument at colons, except inside "…" (LogConfiguration), so the
// file name is double-quoted within it. Checked with JDK 17 on a directory "/tmp/sp ace:x".

// null: the path holds a quote, which neither level can carry; the JVM is then left as it is.
export function gcLogOptions(major: number, directory: string): string | null {
  if (/['"]/.test(directory)) return null;
  const file = `${directory}/gc-%p.log`;
  return major >= 9
    ? `'-Xlog:gc*:file="${file}":uptime,level,tags'`
    : `'-Xloggc:${file}' -XX:+PrintGCDetails -XX:+PrintGCTimeStamps`;
}

export function mergeJavaToolOptions(existing: string | undefined, added: string): string {
  return existing === undefined || existing.trim() === '' ? added : `${existing} ${added}`;
}
