// The size budget of the script-tag build: `dist/cxdesk.min.js` at most 30 KB min+gzip (gzip level 9,
// 1 KB = 1024 bytes), with nothing of the HTML sanitizer in it. Used by `npm test` and `npm run bench`.
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';

export const SCRIPT_BUDGET_BYTES = 30 * 1024;

/** What gives the sanitizer away: DOMPurify's name and its tag/attribute allow-list options. */
const SANITIZER_MARKERS = ['DOMPurify', 'ALLOWED_TAGS', 'ADD_ATTR', 'SAFE_FOR_TEMPLATES'];

/** min, min+gzip and brotli sizes of some code, in bytes. */
export function measure(code) {
  const buffer = Buffer.from(code);
  return { min: buffer.length, gzip: gzipSync(buffer, { level: 9 }).length, brotli: brotliCompressSync(buffer).length };
}

export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * Checks a built script against the budget.
 * @returns {{ ok: boolean, sizes: { min: number, gzip: number, brotli: number }, problems: string[] }}
 */
export function checkScriptBudget(code, { limitBytes = SCRIPT_BUDGET_BYTES, file = 'dist/cxdesk.min.js' } = {}) {
  const sizes = measure(code);
  const problems = [];
  if (sizes.gzip > limitBytes) {
    problems.push(`${file} is ${kb(sizes.gzip)} (${sizes.gzip} B) min+gzip, over its budget of ${kb(limitBytes)} (${limitBytes} B) by ${sizes.gzip - limitBytes} B`);
  }
  const found = SANITIZER_MARKERS.filter((m) => code.includes(m));
  if (found.length) problems.push(`${file} contains the HTML sanitizer (${found.join(', ')}); it must load on demand from cxdesk-sanitizer.js`);
  return { ok: problems.length === 0, sizes, problems };
}

export function checkScriptFile(path, options) {
  return checkScriptBudget(readFileSync(path, 'utf8'), options);
}
