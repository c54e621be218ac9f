#!/usr/bin/env node
/**
 * The cxdesk demo backend from the command line.
 *
 *   node demo/server/serve.js [--port 8787] [--host 127.0.0.1] [--latency <ms>] [--live <ms>]
 *                             [--seed 42] [--customers 300]
 *
 * --latency  delay before every answer of the default scope (ms)
 * --live     push a generated interaction every <ms> to customers with an open event stream
 *
 * Test scopes and faults are driven over HTTP: see /__control/<scope>/… in ./backend.js.
 */
import { startBackend } from './backend.js';

const USAGE = 'usage: node demo/server/serve.js [--port 8787] [--host 127.0.0.1] [--latency ms] [--live ms] [--seed n] [--customers n]';

/** Parses `--name value` and `--name=value` pairs. */
function parseArgs(/** @type {string[]} */ argv) {
  /** @type {Record<string, string>} */
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      console.log(USAGE);
      process.exit(0);
    }
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`Unexpected argument "${arg}"`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${m[1]} needs a value`);
    out[m[1]] = value;
  }
  return out;
}

/** A non-negative number option, or undefined when absent. */
function num(/** @type {Record<string, string>} */ args, /** @type {string} */ name) {
  if (args[name] === undefined) return undefined;
  const n = Number(args[name]);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number >= 0, not "${args[name]}"`);
  return n;
}

let args;
try {
  args = parseArgs(process.argv.slice(2));
  const known = ['port', 'host', 'latency', 'live', 'seed', 'customers'];
  const unknown = Object.keys(args).find((k) => !known.includes(k));
  if (unknown) throw new Error(`Unknown option --${unknown}`);
} catch (e) {
  console.error(`${/** @type {Error} */ (e).message}\n${USAGE}`);
  process.exit(2);
}

try {
  const port = num(args, 'port') ?? (Number(process.env.PORT) || 8787);
  const latencyMs = num(args, 'latency');
  const liveEveryMs = num(args, 'live');
  const seed = num(args, 'seed');
  const customers = num(args, 'customers');
  const backend = await startBackend({
    port,
    host: args.host ?? '127.0.0.1',
    ...(seed !== undefined ? { seed } : {}),
    ...(customers !== undefined ? { customers } : {}),
    defaults: {
      ...(latencyMs !== undefined ? { latencyMs } : {}),
      ...(liveEveryMs !== undefined ? { liveEveryMs } : {}),
    },
  });
  console.log(`cxdesk demo backend: ${backend.url}/api/cx/`);
  const stop = () => {
    void backend.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 1000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  const err = /** @type {NodeJS.ErrnoException} */ (e);
  console.error(err.code === 'EADDRINUSE' ? `Port ${args.port ?? 8787} is already in use; try --port 0 for a free one.` : err.message);
  process.exit(1);
}
