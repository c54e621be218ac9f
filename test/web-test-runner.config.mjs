// Tests run in a real headless Chromium found on this machine (see test/chrome.mjs).
import { writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import replace from '@rollup/plugin-replace';

// React ships CommonJS only: the React wrapper test uses one ES bundle of React, react-dom and the
// built cxdesk/react, made here before the tests start (npm test builds dist/ first).
async function bundleReactForTests() {
  const bundle = await rollup({
    input: 'demo/react/entry.js',
    plugins: [
      replace({ preventAssignment: true, 'process.env.NODE_ENV': JSON.stringify('development') }),
      nodeResolve({ browser: true }),
      commonjs(),
    ],
    onwarn() {},
  });
  await bundle.write({ file: '.cache/react-bundle.js', format: 'es', inlineDynamicImports: true });
  await bundle.close();
}
if (process.env.CX_TEST_SET !== 'isolated') await bundleReactForTests();
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { findChrome, chromeArgs } from './chrome.mjs';
import { createBackend, startBackend } from '../demo/server/backend.js';

let executablePath;
try {
  executablePath = findChrome();
} catch (e) {
  console.error(`\ncxdesk tests: ${e.message}\n`);
  process.exit(1);
}

/** Counts every test of every file and prints "N passed, N failed" last; also writes it to .cache/. */
function countReporter() {
  const count = (suite, acc) => {
    for (const t of suite?.tests ?? []) {
      if (t.skipped) acc.skipped++;
      else if (t.passed) acc.passed++;
      else acc.failed++;
    }
    for (const s of suite?.suites ?? []) count(s, acc);
    return acc;
  };
  let summary;
  return {
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0 };
      for (const s of sessions) {
        count(s.testResults, acc);
        // a file that failed to load, or errored outside a test, counts as a failure
        if (!s.passed && (s.errors?.length || !s.testResults)) acc.failed++;
      }
      mkdirSync('.cache', { recursive: true });
      writeFileSync('.cache/test-summary.json', JSON.stringify(acc));
      summary = `${acc.passed} passed, ${acc.failed} failed${acc.skipped ? `, ${acc.skipped} skipped` : ''}`;
    },
    start() {
      // printed after everything else the runner writes
      if (!process.env.CX_TEST_SET) process.on('exit', () => summary && process.stdout.write(`\n${summary}\n`));
    },
  };
}

// The demo backend, over real HTTP: mounted on the test server itself (same origin, /api/cx/…) and
// started on a second port for the cross-origin suite. Tests use their own scope each.
const backend = createBackend();
const crossOrigin = await startBackend({ host: 'localhost' });
const backendMiddleware = async (ctx, next) => {
  if (backend.handle(ctx.req, ctx.res)) {
    ctx.respond = false;
    return;
  }
  return next();
};
// A stand-in "remote host" for email images: counts every request by path, so tests can prove that
// nothing was fetched before the agent asked for images.
const remoteHits = new Map();
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const remoteMiddleware = async (ctx, next) => {
  if (ctx.path === '/__remote-log') {
    ctx.type = 'application/json';
    ctx.body = Object.fromEntries([...remoteHits].filter(([k]) => k.startsWith(String(ctx.query.prefix ?? ''))));
    return;
  }
  if (ctx.path.startsWith('/__remote/')) {
    remoteHits.set(ctx.path, (remoteHits.get(ctx.path) ?? 0) + 1);
    ctx.set('Cache-Control', 'no-store');
    ctx.type = 'image/png';
    ctx.body = PIXEL;
    return;
  }
  return next();
};
// An "older version" of the script-tag build, served from its own folder: the built files with the
// version string replaced, so two versions (each with its lazily loaded element code) share a page.
const { version: currentVersion } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const olderVersionMiddleware = async (ctx, next) => {
  // /__alone/: the script without the files that belong beside it
  if (ctx.path === '/__alone/cxdesk.min.js') {
    ctx.type = 'text/javascript';
    ctx.body = readFileSync(new URL('../dist/cxdesk.min.js', import.meta.url), 'utf8');
    return;
  }
  const m = /^\/__older\/(?:[\w-]+\/)?(cxdesk[\w.-]*\.js)$/.exec(ctx.path);
  if (!m) return next();
  // the older copy's elements arrive late, as from a slower server: it must keep its tags all the same
  if (m[1] === 'cxdesk-elements.js') await new Promise((r) => setTimeout(r, 400));
  const file = new URL(`../dist/${m[1]}`, import.meta.url);
  ctx.set('Cache-Control', 'no-store');
  ctx.type = 'text/javascript';
  ctx.body = readFileSync(file, 'utf8').replaceAll(`"${currentVersion}"`, '"0.0.1-old"').replaceAll(`@${currentVersion}"`, '@0.0.1-old"');
};
// The strict host policy of the README, as a response header, for the CSP fixtures.
const STRICT_CSP =
  "script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html dompurify 'allow-duplicates'";
const cspMiddleware = async (ctx, next) => {
  await next();
  if (ctx.path.startsWith('/test/fixtures/csp/') && ctx.path.endsWith('.html')) ctx.set('Content-Security-Policy', STRICT_CSP);
};
process.on('exit', () => {
  backend.close();
  void crossOrigin.close();
});

// CX_TEST_SET=isolated runs the files that must run alone (see test/run.mjs).
const isolated = process.env.CX_TEST_SET === 'isolated';

export default {
  files: isolated ? ['test/**/*.isolated.test.ts'] : ['test/**/*.test.ts', '!test/**/*.isolated.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: isolated ? 1 : 2,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args: chromeArgs } })],
  middleware: [cspMiddleware, backendMiddleware, remoteMiddleware, olderVersionMiddleware],
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html lang="en"><head><meta charset="utf-8"><title>cxdesk tests</title></head><body>
      <script>window.__CX_TEST__ = ${JSON.stringify({ crossOriginBackend: crossOrigin.url })};</script>
      <script type="module" src="${testFramework}"></script>
    </body></html>`,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 5 * 60_000,
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
};
