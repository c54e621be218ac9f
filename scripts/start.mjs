// `npm start`: serves the demo (and the sources it imports, compiled on the fly) on localhost.
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';

const port = Number(process.env.PORT) || 8000;

const server = await startDevServer({
  config: {
    rootDir: new URL('..', import.meta.url).pathname,
    port,
    hostname: 'localhost',
    nodeResolve: { exportConditions: ['browser', 'development'] },
    appIndex: undefined,
    plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: new URL('../tsconfig.json', import.meta.url).pathname })],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});

const address = server.server?.address();
const actualPort = typeof address === 'object' && address ? address.port : port;
console.log(`cxdesk demo: http://localhost:${actualPort}/demo/`);
console.log('Press Ctrl+C to stop.');
