// Prints the size of the script-tag build: raw, minified+gzip and brotli.
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';

export function sizes(path) {
  const buf = readFileSync(path);
  return { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length, brotli: brotliCompressSync(buf).length };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
if (import.meta.url === `file://${process.argv[1]}`) {
  const s = sizes(new URL('../dist/cxdesk.min.js', import.meta.url));
  console.log(`dist/cxdesk.min.js: ${kb(s.raw)} min, ${kb(s.gzip)} min+gzip, ${kb(s.brotli)} brotli`);
}
