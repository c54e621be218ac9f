// Builds, from the ES modules that `tsc -p src` emits into dist/:
// - dist/cxdesk.min.js: the classic-script build for a plain <script src> tag. It holds the whole
//   JavaScript API (configure, adapters, cache, validation) and nothing of the elements.
// - dist/cxdesk-elements.js: the elements (Lit, templates, styles), an ES module that the classic
//   build imports from beside itself when the page first uses one of the tags. The modules both
//   need (config, the store, errors…) run once, in the classic build, which hands them over on a
//   global keyed by the version; the elements file reads them from there.
// - dist/cxdesk-sanitizer.js: the HTML sanitizer (DOMPurify and our rules), loaded on demand from
//   beside the elements file when an email is opened.
import { copyFileSync, readFileSync, existsSync } from 'node:fs';
import { dirname, relative, resolve as resolvePath } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import MagicString from 'magic-string';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const dist = fileURLToPath(new URL('./dist/', import.meta.url));
const sanitizerModule = resolvePath(dist, 'internal/sanitize-html.js');
const SHARED_KEY = `cxdesk.shared@${version}`;
const resolve = () => nodeResolve({ browser: true, exportConditions: ['browser', 'production'] });
const minify = (module) => terser({ ecma: 2022, module, format: { comments: /^!/ } });

/**
 * Our modules reachable from `entry` by static imports (regex over tsc's output, which is regular),
 * and the packages they import.
 */
function reachable(entry, stopAt = () => false) {
  const seen = new Set();
  const packages = new Set();
  const visit = (file) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    if (stopAt(file)) return;
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/^(?:import|export)\s[^;]*?from\s+(['"])([^'"]+)\1|^import\s+(['"])([^'"]+)\3/gms)) {
      const spec = m[2] ?? m[4];
      if (spec.startsWith('.')) visit(resolvePath(dirname(file), spec));
      else packages.add(spec);
    }
  };
  visit(entry);
  return Object.assign(seen, { packages });
}

// Modules the classic build runs that the elements import too: they must exist once. Packages both
// use (idb) are handed over the same way, so they are not shipped twice.
const core = reachable(resolvePath(dist, 'script-tag.js'));
const elements = reachable(resolvePath(dist, 'registry.js'), (f) => core.has(f));
const shared = [...elements].filter((f) => core.has(f)).sort();
const sharedPackages = [...elements.packages].filter((p) => core.packages.has(p)).sort();
const key = (file) => (sharedPackages.includes(file) ? `npm:${file}` : relative(dist, file).replaceAll('\\', '/'));

/** Classic build: a virtual entry that hands the shared modules over, then runs script-tag.js. */
const coreEntry = () => ({
  name: 'cxdesk-core-entry',
  resolveId: (id) => (id === '\0cxdesk-core' ? id : null),
  load(id) {
    if (id !== '\0cxdesk-core') return null;
    const all = [...shared, ...sharedPackages];
    const imports = all.map((f, i) => `import * as m${i} from ${JSON.stringify(f)};`).join('\n');
    const table = all.map((f, i) => `${JSON.stringify(key(f))}: m${i}`).join(', ');
    return `${imports}\nimport ${JSON.stringify(resolvePath(dist, 'script-tag.js'))};\n` +
      `globalThis[Symbol.for(${JSON.stringify(SHARED_KEY)})] = Object.freeze({ ${table} });\n`;
  },
});

/** Elements build: imports of shared modules read the classic build's copy. */
const fromCore = () => ({
  name: 'cxdesk-from-core',
  async resolveId(source, importer, options) {
    if (source === '\0cxshared') return source;
    if (source.startsWith('\0') || !importer || importer.startsWith('\0')) return null;
    if (sharedPackages.includes(source)) return `\0cxshared:${source}`;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    if (resolved && shared.includes(resolved.id)) return `\0cxshared:${resolved.id}`;
    return null;
  },
  async load(id) {
    if (id === '\0cxshared') {
      return `const shared = globalThis[Symbol.for(${JSON.stringify(SHARED_KEY)})];\n` +
        `if (!shared) throw new Error(${JSON.stringify(`cxdesk-elements.js is loaded by cxdesk.min.js ${version}, from beside it: put that script on the page (or, in a bundle, import "cxdesk/define")`)});\n` +
        'export default shared;\n';
    }
    if (!id.startsWith('\0cxshared:')) return null;
    const file = id.slice('\0cxshared:'.length);
    const resolved = sharedPackages.includes(file) ? await this.resolve(file, undefined, { skipSelf: true }) : { id: file };
    const info = await this.load({ id: resolved.id });
    const names = info.exports ?? [];
    const bindings = names.filter((n) => n !== 'default').join(', ');
    return `import shared from '\0cxshared';\n` + (bindings ? `export const { ${bindings} } = shared[${JSON.stringify(key(file))}];\n` : '');
  },
});

/**
 * Minifies the static text of css`` and html``/svg`` templates, which terser leaves as written:
 * whitespace runs become one space (no template relies on more: the pre-wrap parts are bound values),
 * and CSS loses comments and the spaces around punctuation.
 */
function minifyTemplates() {
  const cssText = (s) =>
    s
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/ ?([{};,>]) ?/g, '$1')
      .replace(/: /g, ':')
      .replace(/;}/g, '}');
  const htmlText = (s) => s.replace(/\s+/g, ' ');
  return {
    name: 'cxdesk-minify-templates',
    transform(code, id) {
      if (id.includes('node_modules') || !/\b(css|html|svg) ?`/.test(code)) return null;
      const ast = this.parse(code);
      const ms = new MagicString(code);
      const walk = (node) => {
        if (!node || typeof node.type !== 'string') return;
        if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && ['css', 'html', 'svg'].includes(node.tag.name)) {
          const fn = node.tag.name === 'css' ? cssText : htmlText;
          for (const q of node.quasi.quasis) {
            if (q.end > q.start) { const t = fn(code.slice(q.start, q.end)); if (t) ms.overwrite(q.start, q.end, t); else ms.remove(q.start, q.end); };
          }
        }
        for (const key of Object.keys(node)) {
          const v = node[key];
          if (Array.isArray(v)) v.forEach(walk);
          else if (v && typeof v === 'object' && typeof v.type === 'string') walk(v);
        }
      };
      walk(ast);
      return { code: ms.toString(), map: ms.generateMap({ hires: true }) };
    },
  };
}

/** Ships the REST contract (OpenAPI 3.1) as it is. */
const copyOpenApi = () => ({
  name: 'cxdesk-openapi',
  writeBundle() {
    copyFileSync(new URL('./src/rest/openapi.json', import.meta.url), new URL('./dist/openapi.json', import.meta.url));
  },
});

/** Prints what each built file weighs: minified, min+gzip, brotli. */
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
    input: '\0cxdesk-core',
    output: {
      file: 'dist/cxdesk.min.js',
      format: 'iife',
      sourcemap: true,
      // The same version already ran on this page: stop before defining or creating anything.
      intro: `if (window.CxDesk && window.CxDesk.version === ${JSON.stringify(version)}) return;`,
      banner: `/*! cxdesk ${version} | MIT */`,
    },
    plugins: [coreEntry(), minifyTemplates(), resolve(), minify(false), copyOpenApi(), reportSize()],
    onwarn,
  },
  {
    input: 'dist/registry.js',
    external: [sanitizerModule],
    output: {
      file: 'dist/cxdesk-elements.js',
      format: 'es',
      sourcemap: true,
      paths: { [sanitizerModule]: './cxdesk-sanitizer.js' },
      banner: `/*! cxdesk ${version} elements | MIT; Lit | BSD-3-Clause */`,
    },
    plugins: [fromCore(), minifyTemplates(), resolve(), minify(true), reportSize()],
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
    plugins: [resolve(), minify(true), reportSize()],
    onwarn,
  },
];
