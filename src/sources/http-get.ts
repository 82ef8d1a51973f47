// One bounded GET of a local endpoint a program serves about itself (a Go program's pprof
// or expvar): a status other than 200, a body over maxBytes or no answer in timeoutMs is an
// error naming the URL. http and https only.

import http from 'node:http';
import https from 'node:https';

export async function httpGet(
  url: string,
  timeoutMs: number,
  maxBytes = 32 * 1024 * 1024,
): Promise<string> {
  return (await httpGetBytes(url, timeoutMs, maxBytes)).toString('utf8');
}

// The body as bytes (a gzipped profile).
export function httpGetBytes(
  url: string,
  timeoutMs: number,
  maxBytes = 32 * 1024 * 1024,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      reject(new Error(`"${url}" is not a URL`));
      return;
    }
    const client = parsed.protocol === 'https:' ? https : parsed.protocol === 'http:' ? http : null;
    if (client === null) {
      reject(new Error(`${url}: expected an http:// or https:// URL`));
      return;
    }
    const request = client.get(parsed, { timeout: timeoutMs }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(new Error(`${url} answered ${response.statusCode}`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) request.destroy(new Error(`${url} sent more than ${maxBytes} bytes`));
        else chunks.push(chunk);
      });
      response.on('end', () => resolve(Buffer.concat(chunks)));
      response.on('error', reject);
    });
    request.on('timeout', () =>
      request.destroy(new Error(`${url} did not answer in ${timeoutMs} ms`)),
    );
    request.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ECONNREFUSED' ? new Error(`nothing listens at ${url}`) : error),
    );
  });
}
