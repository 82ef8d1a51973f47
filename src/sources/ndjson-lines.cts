// Splits a stream of text chunks into NDJSON lines. Used on both ends of the agent
// socket (the agent, CommonJS, and rssdoctor's channel, ESM).
export function lineSplitter(onLine: (line: string) => void): (chunk: string) => void {
  let buffered = '';
  return (chunk) => {
    buffered += chunk;
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      newline = buffered.indexOf('\n');
      onLine(line);
    }
  };
}
