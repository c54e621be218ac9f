// Runs the browser tests: first every file in parallel, then the files that must run alone
// (*.isolated.test.ts: those that clear every cxdesk database of the origin, which would disturb the
// others, and those that need their page in the foreground). Prints one combined line
// "N passed, N failed" at the end.
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

const { writeFileSync } = await import('node:fs');
writeFileSync(summaryFile, JSON.stringify(total));
console.log(`\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(status || (total.failed ? 1 : 0));
