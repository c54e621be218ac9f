// Builds, from the ES modules that `tsc -p tsconfig.build.json` emits into dist/:
// - dist/cxdesk.min.js: the classic-script build for a plain <script src> tag;
// - dist/cxdesk-sanitizer.js: the HTML sanitizer (DOMPurify and our rules), which the classic build
//   loads on demand from beside itself: its dynamic import is kept and pointed at that file, and a
//   classic script resolves it against its own URL.
import { copyFileSync, readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const sanitizerModule = fileURLToPath(new URL('./dist/internal/sanitize-html.js', import.meta.url));
const resolve = () => nodeResolve({ browser: true, exportConditions: ['browser', 'production'] });
const minify = () => terser({ ecma: 2022, module: false, format: { comments: /^!/ } });
/** Ships the REST contract (OpenAPI 3.1) as it is. */
const copyOpenApi = () => ({
  name: 'cxdesk-openapi',
  writeBundle() {
    copyFileSync(new URL('./src/rest/openapi.json', import.meta.url), new URL('./dist/openapi.json', import.meta.url));
  },
});

/** Prints what the script-tag build weighs: minified, min+gzip, brotli. */
const reportSize = () => ({
  name: 'cxdesk-size',
  writeBundle(options, bundle) {
    for (const [file, chunk] of Object.entries(bundle)) {
      if (chunk.type !== 'chunk') continue;
      const code = Buffer.from(chunk.code);
      const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
      console.log(`dist/${file}: ${kb(code.length)} min, ${kb(gzipSync(code, { level: 9 }).length)} min+gzip, ${kb(brotliCompressSync(code).length)} brotli`);
    }
  },
});

const onwarn = (warning, warn) => {
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

export default [
  {
    input: 'dist/script-tag.js',
    external: [sanitizerModule],
    output: {
      file: 'dist/cxdesk.min.js',
      format: 'iife',
      sourcemap: true,
      paths: { [sanitizerModule]: './cxdesk-sanitizer.js' },
      // The same version already ran on this page: stop before defining or creating anything.
      intro: `if (window.CxDesk && window.CxDesk.version === ${JSON.stringify(version)}) return;`,
      banner: `/*! cxdesk ${version} | MIT */`,
    },
    plugins: [resolve(), minify(), copyOpenApi(), reportSize()],
    onwarn,
  },
  {
    input: 'dist/internal/sanitize-html.js',
    output: {
      file: 'dist/cxdesk-sanitizer.js',
      format: 'es',
      sourcemap: true,
      banner: `/*! cxdesk ${version} sanitizer | MIT; DOMPurify | Apache-2.0 or MPL-2.0 */`,
    },
    plugins: [resolve(), terser({ ecma: 2022, module: true, format: { comments: /^!/ } }), reportSize()],
    onwarn,
  },
];
