// Page weight as a phone on a slow link pays for it: compressed bytes.
// HTML + CSS is what must arrive in the first ~14 KB (one TCP initial
// congestion window) for the first paint; JS is counted separately.
import { gzipSync } from 'node:zlib';

/**
 * Loads `url` in a fresh page of `page`'s context (same cookies) and measures it.
 * A response that the server compressed counts its Content-Length (or the bytes
 * on the wire when it has none); an uncompressed one counts gzipSync(body) at
 * the default level, an estimate of what compression would make of it
 * (`how: 'gzip-estimate'`).
 * @returns {Promise<{htmlCssBytes: number, jsBytes: number, hosts: string[],
 *   resources: {url: string, type: string, status: number, bytes: number, how: string}[]}>}
 */
export async function pageWeights(page, url) {
  const fresh = await page.context().newPage();
  const hosts = new Set();
  const responses = [];
  // Requests, not only responses: a request that failed or was blocked still
  // tried to reach that host.
  fresh.on('request', (request) => {
    const u = new URL(request.url());
    if (u.protocol === 'http:' || u.protocol === 'https:') hosts.add(u.host);
  });
  fresh.on('response', (response) => responses.push(response));
  try {
    await fresh.goto(url, { waitUntil: 'networkidle' });
    const resources = [];
    for (const response of responses) {
      if (response.status() >= 300 && response.status() < 400) continue; // redirects have no body
      const request = response.request();
      const headers = await response.allHeaders();
      const encoding = headers['content-encoding'];
      let bytes;
      let how;
      if (encoding && encoding !== 'identity') {
        const length = Number(headers['content-length']);
        if (Number.isFinite(length) && headers['content-length'] !== undefined) {
          bytes = length;
          how = `content-length (${encoding})`;
        } else {
          bytes = (await request.sizes()).responseBodySize;
          how = `wire bytes (${encoding})`;
        }
      } else {
        bytes = gzipSync(await response.body()).length;
        how = 'gzip-estimate';
      }
      resources.push({ url: response.url(), type: request.resourceType(), status: response.status(), bytes, how });
    }
    const sum = (types) => resources.filter((r) => types.includes(r.type)).reduce((n, r) => n + r.bytes, 0);
    return { htmlCssBytes: sum(['document', 'stylesheet']), jsBytes: sum(['script']), hosts: [...hosts], resources };
  } finally {
    await fresh.close();
  }
}

/** One line per resource, for a failing budget's message and the run's log. */
export function describeWeights(w) {
  const rows = w.resources.map((r) => `  ${r.type.padEnd(10)} ${String(r.bytes).padStart(7)} B  ${r.how.padEnd(24)} ${r.url}`);
  return `HTML+CSS ${w.htmlCssBytes} B, JS ${w.jsBytes} B, hosts ${w.hosts.join(', ')}\n${rows.join('\n')}`;
}
