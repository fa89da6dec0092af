// Bundles the test page with esbuild and serves it on 127.0.0.1 with the generated forms:
//   /            the page (rjsf/index.html)        /page.js  the bundle
//   /forms/<rubric>/<version>/<file>  one of the three rating-form files from generated-docs/
// `node rjsf/serve.mjs` serves until stopped (to look at a form by hand); tests call start().
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { DOCS } from '../lib/forms.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const FILES = new Set(['rating-form.schema.json', 'rating-form.ui.json', 'rating-form.messages.json']);

export async function bundle() {
  const out = mkdtempSync(join(tmpdir(), 'rubricc-form-'));
  await esbuild.build({
    entryPoints: [join(HERE, 'page.jsx')],
    bundle: true,
    outfile: join(out, 'page.js'),
    format: 'iife',
    jsx: 'automatic',
    target: 'chrome110',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  const js = readFileSync(join(out, 'page.js'));
  rmSync(out, { recursive: true, force: true });
  return js;
}

/** Starts the server on a free port; resolves to {url, close()}. */
export async function start() {
  const js = await bundle();
  const html = readFileSync(join(HERE, 'index.html'));
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://localhost').pathname;
    const send = (status, type, body) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (path === '/') return send(200, 'text/html; charset=utf-8', html);
    if (path === '/page.js') return send(200, 'text/javascript; charset=utf-8', js);
    const m = /^\/forms\/([a-z0-9_-]+)\/([0-9A-Za-z.+-]+)\/([a-z.-]+)$/.exec(path);
    if (m && FILES.has(m[3]) && !m[2].includes('..')) {
      try {
        return send(200, 'application/json; charset=utf-8', readFileSync(join(DOCS, m[1], m[2], m[3])));
      } catch {
        return send(404, 'text/plain', 'not found');
      }
    }
    send(404, 'text/plain', 'not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => { server.close(resolve); server.closeAllConnections(); }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await start();
  console.log(`serving rating forms at ${url}/?form=<rubric>/<version>`);
}
