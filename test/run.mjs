// Runs the tests: the browser tests, first every file in parallel, then the files that must run alone
// (*.isolated.test.ts: those that clear every cxdesk database of the origin, which would disturb the
// others, and those that need their page in the foreground); then the Node tests in test/node/.
// Prints one combined line "N passed, N failed" at the end.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const summaryFile = '.cache/test-summary.json';
const total = { passed: 0, failed: 0, skipped: 0 };
let status = 0;

for (const set of ['parallel', 'isolated']) {
  rmSync(summaryFile, { force: true });
  const run = spawnSync(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', '--config', 'test/web-test-runner.config.mjs', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, CX_TEST_SET: set },
  });
  if (run.status !== 0) status = run.status ?? 1;
  try {
    const s = JSON.parse(readFileSync(summaryFile, 'utf8'));
    total.passed += s.passed;
    total.failed += s.failed;
    total.skipped += s.skipped;
  } catch {
    total.failed += 1; // the runner ended without reporting: count it as a failure
  }
}

// Node-side tests (the packed package, as an integrator installs it), with Node's own runner.
const node = spawnSync(process.execPath, ['--test', '--test-reporter=tap', 'test/node/'], { encoding: 'utf8' });
process.stdout.write(node.stdout ?? '');
process.stderr.write(node.stderr ?? '');
const tap = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(node.stdout ?? '')?.[1] ?? 0);
total.passed += tap('pass');
total.failed += tap('fail') + tap('cancelled');
if (node.status !== 0) {
  status = status || node.status || 1;
  if (!tap('fail') && !tap('cancelled')) total.failed += 1;
}

const { writeFileSync } = await import('node:fs');
writeFileSync(summaryFile, JSON.stringify(total));
console.log(`\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(status || (total.failed ? 1 : 0));
