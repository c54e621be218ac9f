// The script-tag build stays within its size budget (npm test builds dist/ first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { SCRIPT_BUDGET_BYTES, checkScriptBudget, checkScriptFile, kb } from '../build/size-budget.mjs';

const script = new URL('../../dist/cxdesk.min.js', import.meta.url);

test(`dist/cxdesk.min.js is at most ${kb(SCRIPT_BUDGET_BYTES)} min+gzip, without the sanitizer`, () => {
  assert.ok(existsSync(script), 'dist/cxdesk.min.js is missing: run npm run build');
  const { ok, sizes, problems } = checkScriptFile(script);
  assert.ok(ok, problems.join('\n'));
  console.log(`# dist/cxdesk.min.js: ${kb(sizes.min)} min, ${kb(sizes.gzip)} min+gzip, ${kb(sizes.brotli)} brotli (budget ${kb(SCRIPT_BUDGET_BYTES)})`);
});

test('the budget check fails, with the figure, when the script is over a lowered limit', () => {
  const code = readFileSync(script, 'utf8');
  const { sizes } = checkScriptBudget(code);
  const lowered = checkScriptBudget(code, { limitBytes: sizes.gzip - 1 });
  assert.equal(lowered.ok, false);
  assert.equal(lowered.problems.length, 1);
  assert.match(lowered.problems[0], new RegExp(`is ${kb(sizes.gzip).replace('.', '\\.')} \\(${sizes.gzip} B\\) min\\+gzip, over its budget of .* by 1 B`));
  assert.equal(checkScriptBudget(code, { limitBytes: sizes.gzip }).ok, true, 'exactly at the limit is within it');
});

test('the budget check fails when the sanitizer is bundled into the script', () => {
  const sanitizer = readFileSync(new URL('../../dist/cxdesk-sanitizer.js', import.meta.url), 'utf8');
  const { ok, problems } = checkScriptBudget(`${readFileSync(script, 'utf8')}\n${sanitizer}`, { limitBytes: 10 * 1024 * 1024 });
  assert.equal(ok, false);
  assert.match(problems[0], /contains the HTML sanitizer \(DOMPurify/);
});
