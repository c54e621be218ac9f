// The benchmark server: the demo backend (/api/cx/, /__control/), the built files (/dist/, cached
// like a CDN would) and the benchmark pages (/bench/<page>.html?…, with {{name}} filled from the
// query string, HTML-escaped).
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { createBackend } from '../../demo/server/backend.js';

const root = new URL('../../', import.meta.url);
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.map': 'application/json' };
const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startBenchServer() {
  const backend = createBackend();
  const server = http.createServer(async (req, res) => {
    if (backend.handle(req, res)) return;
    const url = new URL(req.url ?? '/', 'http://bench.invalid');
    try {
      if (url.pathname.startsWith('/dist/') && !url.pathname.includes('..')) {
        const body = await readFile(new URL(`.${url.pathname}`, root));
        res.writeHead(200, { 'Content-Type': TYPES[extname(url.pathname)] ?? 'application/octet-stream', 'Cache-Control': 'public, max-age=3600' });
        return res.end(body);
      }
      const script = /^\/bench\/([a-z-]+)\.js$/.exec(url.pathname);
      if (script) {
        res.writeHead(200, { 'Content-Type': TYPES['.js'], 'Cache-Control': 'no-store' });
        return res.end(await readFile(new URL(`test/bench/pages/${script[1]}.js`, root)));
      }
      const page = /^\/bench\/([a-z-]+)\.html$/.exec(url.pathname);
      if (page) {
        const html = (await readFile(new URL(`test/bench/pages/${page[1]}.html`, root), 'utf8')).replace(/\{\{(\w+)\}\}/g, (_, k) => escape(url.searchParams.get(k) ?? ''));
        res.writeHead(200, { 'Content-Type': TYPES['.html'], 'Cache-Control': 'no-store' });
        return res.end(html);
      }
    } catch {
      /* fall through to 404 */
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end(`Nothing at ${url.pathname}`);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        backend.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
