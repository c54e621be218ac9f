// `npm start`: serves the demo and the demo backend on one localhost origin. The sources the demo
// imports are compiled on the fly; the backend answers the REST contract under /api/cx/ and its
// switches (latency, failures, offline, live events) under /__control/.
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { createBackend } from './backend.js';

import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const root = new URL('../..', import.meta.url).pathname;
// the legacy page loads the script-tag build: make it once if it is not there yet
if (!['cxdesk.min.js', 'cxdesk-elements.js'].every((f) => existsSync(`${root}dist/${f}`))) {
  console.log('Building dist/ for the script-tag demo page…');
  execSync('npm run build --silent', { cwd: root, stdio: 'inherit' });
}

// the React page needs React as an ES module: bundle it with the built cxdesk/react
const { rollup } = await import('rollup');
const { nodeResolve } = await import('@rollup/plugin-node-resolve');
const { default: commonjs } = await import('@rollup/plugin-commonjs');
const { default: replace } = await import('@rollup/plugin-replace');
const reactBundle = await rollup({
  input: `${root}demo/react/entry.js`,
  plugins: [replace({ preventAssignment: true, 'process.env.NODE_ENV': JSON.stringify('development') }), nodeResolve({ browser: true }), commonjs()],
  onwarn() {},
});
await reactBundle.write({ file: `${root}.cache/react-bundle.js`, format: 'es', inlineDynamicImports: true });
await reactBundle.close();

const port = Number(process.env.PORT) || 8000;
const backend = createBackend({ defaults: { liveEveryMs: 20_000 } });

const server = await startDevServer({
  config: {
    rootDir: new URL('../..', import.meta.url).pathname,
    port,
    hostname: 'localhost',
    nodeResolve: { exportConditions: ['browser', 'development'] },
    middleware: [
      async (ctx, next) => {
        if (backend.handle(ctx.req, ctx.res)) {
          ctx.respond = false;
          return;
        }
        return next();
      },
    ],
    plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: new URL('../../tsconfig.json', import.meta.url).pathname })],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});

const address = server.server?.address();
const actualPort = typeof address === 'object' && address ? address.port : port;
console.log(`cxdesk demo: http://localhost:${actualPort}/demo/`);
console.log(`demo backend (REST contract): http://localhost:${actualPort}/api/cx/`);
console.log('Press Ctrl+C to stop.');
process.on('SIGINT', () => {
  backend.close();
  process.exit(0);
});
