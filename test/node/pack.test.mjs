// The package as an integrator gets it: `npm pack`, installed into a scratch project, every subpath
// imported in Node and type-checked with the project's own TypeScript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = new URL('../..', import.meta.url).pathname;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const scratch = mkdtempSync(join(tmpdir(), 'cxdesk-pack-'));
const version = (name) => JSON.parse(readFileSync(join(repo, 'node_modules', name, 'package.json'), 'utf8')).version;
let tarball;

test('npm pack makes a tarball with the builds, types, manifest and contract', () => {
  const out = run(npm, ['pack', '--json', '--pack-destination', scratch], repo);
  const [info] = JSON.parse(out.slice(out.indexOf('[')));
  tarball = join(scratch, info.filename);
  const files = info.files.map((f) => f.path);
  for (const f of [
    'dist/index.js',
    'dist/index.d.ts',
    'dist/define.js',
    'dist/testing.js',
    'dist/react.js',
    'dist/react.d.ts',
    'dist/cxdesk.min.js',
    'dist/cxdesk-elements.js',
    'dist/cxdesk-sanitizer.js',
    'dist/custom-elements.json',
    'dist/openapi.json',
    'README.md',
  ]) {
    assert.ok(files.includes(f), `${f} is in the package`);
  }
  assert.ok(!files.some((f) => f.startsWith('src/') || f.startsWith('test/') || f.startsWith('demo/')), 'only dist/ and the README ship');
});

test('installs into a scratch project, imports every subpath in Node, and its types resolve', () => {
  writeFileSync(
    join(scratch, 'package.json'),
    JSON.stringify({
      name: 'scratch',
      private: true,
      type: 'module',
      // cxdesk, and the optional peers cxdesk/react needs, at the versions this repository uses
      dependencies: { cxdesk: `file:${tarball}`, react: version('react'), '@lit/react': version('@lit/react'), '@types/react': version('@types/react') },
    }),
  );
  run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], scratch);
  const pkg = JSON.parse(readFileSync(join(scratch, 'node_modules/cxdesk/package.json'), 'utf8'));
  assert.equal(pkg.customElements, 'dist/custom-elements.json');
  assert.ok(existsSync(join(scratch, 'node_modules/cxdesk', pkg.customElements)));

  writeFileSync(
    join(scratch, 'check.mjs'),
    `import * as cx from 'cxdesk';
import { testAdapter } from 'cxdesk/testing';
const names = ['configure', 'createRestAdapter', 'createMemoryAdapter', 'composeAdapters', 'defineElements', 'clearCache', 'invalidate', 'version', 'CxDeskElement', 'isNotFoundError'];
for (const n of names) if (!(n in cx)) throw new Error('missing export ' + n);
const adapter = cx.createMemoryAdapter({
  customers: [{ id: 'c-1', name: 'Node' }],
  interactions: { 'c-1': [{ id: 'i-1', channel: 'email', occurredAt: '2026-01-01T00:00:00Z' }] },
});
const result = await testAdapter(adapter, { customerId: 'c-1' });
if (!result.ok) throw new Error(result.problems.join('; '));
await import('cxdesk/define');
const react = await import('cxdesk/react');
for (const n of ['CxDesk', 'CxCustomerPanel', 'CxInteractionHistory', 'CxNextActions']) if (!react[n]) throw new Error('missing React component ' + n);
console.log('ok', cx.version);
`,
  );
  assert.match(run(process.execPath, ['check.mjs'], scratch), /^ok \d+\.\d+\.\d+/);

  writeFileSync(
    join(scratch, 'types.ts'),
    `import { configure, createRestAdapter, type Customer, type CxAdapter, CxDeskElement } from 'cxdesk';
import 'cxdesk/define';
import { testAdapter, type TestAdapterResult } from 'cxdesk/testing';
import { CxDesk } from 'cxdesk/react';
const adapter: CxAdapter = createRestAdapter({ baseUrl: 'https://example.com/api/cx/' });
configure({ adapter, theme: 'dark' });
const c: Customer = { id: 'c', name: 'Typed' };
const desk: HTMLElementTagNameMap['cx-desk'] = document.createElement('cx-desk');
const same: CxDeskElement = desk;
document.addEventListener('cx-action-accept', (e) => e.detail.action.payload);
const result: Promise<TestAdapterResult> = testAdapter(adapter, { customerId: c.id });
export { same, result, CxDesk };
`,
  );
  writeFileSync(
    join(scratch, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, lib: ['ES2023', 'DOM'], skipLibCheck: false, types: [] },
      files: ['types.ts'],
    }),
  );
  try {
    run(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', scratch], scratch);
  } catch (e) {
    assert.fail(`the types do not resolve:\n${e.stdout}${e.stderr}`);
  }
});
