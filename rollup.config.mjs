// Builds dist/cxdesk.min.js, the classic-script build for a plain <script src> tag, from the ES
// modules that `tsc -p tsconfig.build.json` emits into dist/. Files loaded on demand (the HTML
// sanitizer) are built as separate files beside it and found through the script's own URL.
import { readFileSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

export default {
  input: 'dist/script-tag.js',
  output: {
    file: 'dist/cxdesk.min.js',
    format: 'iife',
    sourcemap: true,
    // The same version already ran on this page: stop before defining or creating anything.
    intro: `if (window.CxDesk && window.CxDesk.version === ${JSON.stringify(version)}) return;`,
    banner: `/*! cxdesk ${version} | MIT */`,
  },
  plugins: [
    nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
    terser({ ecma: 2022, module: false, format: { comments: /^!/ } }),
  ],
  onwarn(warning, warn) {
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};
