#!/usr/bin/env node
// `npm run bench`: size, speed, request and memory benchmarks of cxdesk in the system Chromium
// (CHROME_PATH, then the usual install paths; nothing is downloaded), driven by puppeteer-core
// against the demo backend. Prints a table and writes test/bench/results.json.
//
//   npm run bench [-- --quick] [-- --only B1,B3]
//
// B1 bundle sizes · B2 warm vs cold desk · B3 history at 1k/10k/100k · B4 requests per resource ·
// B5 heap across 200 customer switches. Every timed figure is a median over many samples, with its
// spread (interquartile range, min–max).
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import puppeteer from 'puppeteer-core';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import replace from '@rollup/plugin-replace';
import { minify } from 'terser';
import { findChrome, chromeArgs } from '../chrome.mjs';
import { SCRIPT_BUDGET_BYTES, checkScriptBudget, kb, measure } from '../build/size-budget.mjs';
import { startBenchServer } from './server.mjs';

const root = new URL('../../', import.meta.url);
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyAt = args.indexOf('--only');
const only = (args.find((a) => a.startsWith('--only='))?.slice(7) ?? (onlyAt >= 0 ? args[onlyAt + 1] : '') ?? '')
  .split(',')
  .filter((s) => /^B\d$/.test(s));
const wanted = (id) => !only.length || only.includes(id);
const OUT = new URL('test/bench/results.json', root);

// ---- statistics ---------------------------------------------------------------------------------
function quantile(sorted, q) {
  if (!sorted.length) return NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}
function stats(values) {
  const s = [...values].sort((a, b) => a - b);
  const r = (n) => Math.round(n * 100) / 100;
  return { n: s.length, median: r(quantile(s, 0.5)), p25: r(quantile(s, 0.25)), p75: r(quantile(s, 0.75)), p95: r(quantile(s, 0.95)), min: r(s[0]), max: r(s.at(-1)) };
}
const spread = (st, unit = 'ms') => `median ${st.median} ${unit} (IQR ${st.p25}–${st.p75}, min–max ${st.min}–${st.max}, n=${st.n})`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---- B1: sizes ----------------------------------------------------------------------------------
async function bundleSize(input, { external = [], plugins = [] } = {}) {
  const bundle = await rollup({
    input,
    external,
    plugins: [...plugins, nodeResolve({ browser: true, exportConditions: ['browser', 'production'] })],
    onwarn() {},
  });
  const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: false });
  await bundle.close();
  const code = output.filter((o) => o.type === 'chunk' && o.isEntry).map((o) => o.code).join('\n');
  const min = await minify(code, { ecma: 2022, module: true });
  return measure(min.code);
}

async function b1() {
  const file = (name) => readFileSync(new URL(`dist/${name}`, root), 'utf8');
  const script = checkScriptBudget(file('cxdesk.min.js'));
  const elements = measure(file('cxdesk-elements.js'));
  const sanitizer = measure(file('cxdesk-sanitizer.js'));
  // as served: two files, each compressed on its own
  const desk = { min: script.sizes.min + elements.min, gzip: script.sizes.gzip + elements.gzip, brotli: script.sizes.brotli + elements.brotli };
  const sanitizerModule = new URL('dist/internal/sanitize-html.js', root).pathname;
  const esm = {};
  for (const entry of ['index', 'define', 'testing', 'react']) {
    esm[`cxdesk${entry === 'index' ? '' : `/${entry}`}`] = await bundleSize(new URL(`dist/${entry}.js`, root).pathname, {
      external: [sanitizerModule, 'react', 'react-dom'],
    });
  }
  let react;
  try {
    const entry = '\0react-anchor';
    react = {
      source: 'measured (react + react-dom/client, production)',
      ...(await bundleSize(entry, {
        plugins: [
          { name: 'react-anchor', resolveId: (id) => (id === entry ? id : null), load: (id) => (id === entry ? "export { default as React } from 'react'; export { createRoot } from 'react-dom/client';" : null) },
          replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
          commonjs(),
        ],
      })),
    };
  } catch {
    react = { source: 'recorded anchor (react and react-dom are not installed)', min: NaN, gzip: 68.9 * 1024, brotli: NaN };
  }
  return {
    budgetBytes: SCRIPT_BUDGET_BYTES,
    withinBudget: script.ok,
    problems: script.problems,
    'cxdesk.min.js': script.sizes,
    'cxdesk-elements.js': elements,
    'cxdesk-sanitizer.js': sanitizer,
    'full desk (cxdesk.min.js + cxdesk-elements.js)': desk,
    esm,
    'react + react-dom': react,
  };
}

// ---- browser benches ----------------------------------------------------------------------------
async function control(server, scope, action, body) {
  const res = await fetch(`${server.url}/__control/${scope}/${action}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`/__control/${scope}/${action} answered ${res.status}: ${await res.text()}`);
  return res.status === 204 ? undefined : res.json();
}

async function openPage(context) {
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 1000 });
  page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
  if (process.env.BENCH_DEBUG) page.on('console', (m) => console.log(`  console: ${m.text()}`));
  await page.bringToFront(); // a page in the background gets no frames
  return page;
}

async function b2(browser, server, samples) {
  const context = await browser.createBrowserContext();
  const page = await openPage(context);
  const scope = `b2-${Date.now()}`;
  await control(server, scope, 'settings', { latencyMs: 100 });
  const url = (ns, customer = 'c-1001') => `${server.url}/bench/desk.html?scope=${scope}&ns=${ns}&customer=${customer}`;
  // One tab, page after page, as an agent moves between ticket pages of a helpdesk.
  const painted = async (ns) => {
    await page.goto(url(ns), { waitUntil: 'domcontentloaded' });
    const r = await page.evaluate(() => window.bench.deskPainted());
    if (process.env.BENCH_DEBUG) console.log(`  ${ns}: ${JSON.stringify(r)}`);
    return r;
  };
  await painted('prime'); // the script files are in the HTTP cache from here on, as on any second ticket
  const warm = [];
  const cold = [];
  const elementsReady = [];
  for (let i = 0; i < samples; i++) {
    cold.push((await painted(`cold-${i}`)).ms);
    await painted(`warm-${i}`); // fills this namespace's IndexedDB
    await sleep(300); // cache writes settle
    const w = await painted(`warm-${i}`);
    warm.push(w.ms);
    if (w.defined !== null) elementsReady.push(w.defined);
  }
  // The same in a single-page helpdesk: the desk is on the page and the agent opens another ticket.
  await page.goto(url('switch'), { waitUntil: 'domcontentloaded' });
  await page.evaluate(() => window.bench.deskPainted());
  const switchCold = [];
  const switchWarm = [];
  for (let i = 0; i < samples; i++) {
    const id = `c-${1100 + i}`;
    switchCold.push(await page.evaluate((id) => window.bench.timedSwitch(id), id));
    await page.evaluate(() => window.bench.switchTo('c-1001'));
    await sleep(100);
    switchWarm.push(await page.evaluate((id) => window.bench.timedSwitch(id), id));
    await page.evaluate(() => window.bench.switchTo('c-1001'));
  }
  await context.close();
  const w = stats(warm);
  const c = stats(cold);
  const sw = stats(switchWarm);
  const sc = stats(switchCold);
  return {
    latencyMs: 100,
    customer: 'c-1001',
    warm: w,
    cold: c,
    ratio: Math.round((w.median / c.median) * 1000) / 1000,
    elementsDefinedMs: stats(elementsReady),
    switch: { warm: sw, cold: sc, ratio: Math.round((sw.median / sc.median) * 1000) / 1000 },
    raw: { warm, cold, switchWarm, switchCold },
  };
}

async function b3(browser, server, samples) {
  const context = await browser.createBrowserContext();
  const page = await openPage(context);
  await page.goto(`${server.url}/bench/history.html?ns=b3`, { waitUntil: 'load' });
  await page.evaluate(() => customElements.whenDefined('cx-interaction-history'));
  const out = {};
  const run = async (n, virtual, count) => {
    const runs = [];
    await page.evaluate((n) => void (window.__items = window.bench.makeItems(n)), n); // made outside the timing
    for (let i = 0; i < count; i++) runs.push(await page.evaluate((n, virtual) => window.bench.history(n, { virtual, scrollFrames: virtual ? 240 : 0 }), n, virtual));
    return runs;
  };
  for (const n of [1_000, 10_000, 100_000]) {
    const runs = await run(n, true, samples);
    const frames = runs.flatMap((r) => r.frames);
    out[n] = {
      firstRowsMs: stats(runs.map((r) => r.firstRowsMs)),
      firstRowsAnswerMs: stats(runs.map((r) => r.firstRowsAnswerMs)),
      itemsInDom: stats(runs.map((r) => r.itemsInDom)),
      maxItemsInDomWhileScrolling: Math.max(...runs.map((r) => r.maxItemsInDomWhileScrolling)),
      scrollFrameMs: { p50: stats(frames).median, p95: stats(frames).p95, max: stats(frames).max, frames: frames.length },
      scrollP95PerRun: stats(runs.map((r) => stats(r.frames).p95)),
      reachedEnd: runs.every((r) => r.reachedEnd && r.lastRowShown),
    };
  }
  const flat = await run(10_000, false, Math.max(3, Math.ceil(samples / 2)));
  out.unvirtualized10k = { firstRowsMs: stats(flat.map((r) => r.firstRowsMs)), itemsInDom: stats(flat.map((r) => r.itemsInDom)) };
  if (flat.some((r) => r.itemsInDom !== 10_000)) throw new Error('B3: the unvirtualized list did not render every item');
  out.speedupAt10k = Math.round((out.unvirtualized10k.firstRowsMs.median / out[10_000].firstRowsMs.median) * 10) / 10;
  await context.close();
  return out;
}

async function b4(browser, server, samples) {
  const resources = {
    customer: (p) => /^customers\/[^/]+$/.test(p),
    interactions: (p) => /^customers\/[^/]+\/interactions$/.test(p),
    'next-actions': (p) => /^customers\/[^/]+\/next-actions$/.test(p),
    events: (p) => /^customers\/[^/]+\/events$/.test(p),
  };
  const count = (log) => Object.fromEntries(Object.entries(resources).map(([name, test]) => [name, log.filter((e) => test(e.path)).length]));
  const out = {};
  for (const k of [1, 3, 10]) {
    const first = [];
    const remount = [];
    for (let i = 0; i < samples; i++) {
      const context = await browser.createBrowserContext();
      const page = await openPage(context);
      const scope = `b4-${k}-${i}-${Date.now()}`;
      await page.goto(`${server.url}/bench/elements.html?scope=${scope}&ns=${scope}`, { waitUntil: 'load' });
      await page.evaluate((k) => window.bench.mount(k, 'c-1001'), k);
      await sleep(1000); // anything that would follow (revalidation, retries) has time to happen
      const before = (await control(server, scope, 'log')).requests;
      first.push(count(before));
      await page.evaluate(async (k) => {
        window.bench.unmountAll();
        await window.bench.nextFrame();
        await window.bench.mount(k, 'c-1001');
      }, k);
      await sleep(1000);
      const after = (await control(server, scope, 'log')).requests.slice(before.length);
      remount.push(count(after));
      await context.close();
    }
    const per = (list) => Object.fromEntries(Object.keys(resources).map((r) => [r, stats(list.map((c) => c[r]))]));
    out[`${k} element${k > 1 ? 's' : ''}`] = { elements: k, first: per(first), afterRemount: per(remount) };
  }
  return out;
}

async function b5(browser, server, samples, switches) {
  const runs = [];
  const ids = [];
  for (let n = 1004; ids.length < switches; n++) ids.push(`c-${n}`); // c-1002 (100k items) and c-1003 (empty) left out
  for (let i = 0; i < samples; i++) {
    const context = await browser.createBrowserContext();
    const page = await openPage(context);
    const cdp = await page.createCDPSession();
    const heap = async () => {
      for (let g = 0; g < 3; g++) await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const scope = `b5-${i}-${Date.now()}`;
    await page.goto(`${server.url}/bench/desk.html?scope=${scope}&ns=${scope}&customer=c-1001`, { waitUntil: 'domcontentloaded' });
    await page.evaluate(() => window.bench.deskPainted());
    for (const id of ['c-1300', 'c-1299', 'c-1001']) await page.evaluate((id) => window.bench.switchTo(id), id); // warm-up
    await sleep(500);
    const before = await heap();
    const t0 = Date.now();
    for (const id of ids) await page.evaluate((id) => window.bench.switchTo(id), id);
    const switchMs = (Date.now() - t0) / ids.length;
    await page.evaluate(() => window.bench.switchTo('c-1001'));
    await sleep(500);
    const after = await heap();
    runs.push({ before, after, growth: after - before, switchMs });
    await context.close();
  }
  const mb = (b) => Math.round((b / 1048576) * 100) / 100;
  return {
    switches,
    heapBeforeMB: stats(runs.map((r) => mb(r.before))),
    heapAfterMB: stats(runs.map((r) => mb(r.after))),
    growthMB: stats(runs.map((r) => mb(r.growth))),
    msPerSwitch: stats(runs.map((r) => r.switchMs)),
  };
}

// ---- report -------------------------------------------------------------------------------------
function table(results) {
  const rows = [];
  const row = (bench, figure, value, goal = '', met = '') => rows.push([bench, figure, value, goal, met]);
  const yes = (ok) => (ok ? 'yes' : 'NO');
  if (results.B1) {
    const b = results.B1;
    const size = (s) => `${kb(s.gzip)} gz · ${kb(s.brotli)} br · ${kb(s.min)} min`;
    row('B1', 'cxdesk.min.js (script tag)', size(b['cxdesk.min.js']), `≤ ${kb(b.budgetBytes)} gz`, yes(b.withinBudget));
    row('B1', 'cxdesk-elements.js (on first use)', size(b['cxdesk-elements.js']));
    row('B1', 'full desk: script + elements', size(b['full desk (cxdesk.min.js + cxdesk-elements.js)']));
    row('B1', 'cxdesk-sanitizer.js (email opened)', size(b['cxdesk-sanitizer.js']));
    for (const [name, s] of Object.entries(b.esm)) row('B1', `ESM ${name} (bundled, minified)`, size(s));
    const r = b['react + react-dom'];
    row('B1', `React + react-dom, ${r.source.split(' (')[0]}`, Number.isNaN(r.min) ? `${kb(r.gzip)} gz` : size(r));
  }
  if (results.B2) {
    const b = results.B2;
    row('B2', 'warm (IndexedDB), script to desk on screen', spread(b.warm), '≤ 50 ms', yes(b.warm.median <= 50));
    row('B2', `cold (backend at ${b.latencyMs} ms), same`, spread(b.cold));
    row('B2', 'warm / cold (medians)', String(b.ratio), '≤ 0.25', yes(b.ratio <= 0.25));
    row('B2', 'of which: script to elements registered (warm)', spread(b.elementsDefinedMs));
    row('B2', 'ticket switch in a running desk, warm', spread(b.switch.warm));
    row('B2', `ticket switch, cold (backend at ${b.latencyMs} ms)`, spread(b.switch.cold));
    row('B2', 'switch warm / cold', String(b.switch.ratio));
  }
  if (results.B3) {
    const b = results.B3;
    for (const n of ['1000', '10000', '100000']) {
      const x = b[n];
      const big = n === '100000';
      row('B3', `${Number(n).toLocaleString('en')}: first rows (list in memory)`, spread(x.firstRowsMs), big ? '≤ 25 ms' : '', big ? yes(x.firstRowsMs.median <= 25) : '');
      row('B3', `${Number(n).toLocaleString('en')}: first rows from one answer (validated)`, spread(x.firstRowsAnswerMs));
      row('B3', `${Number(n).toLocaleString('en')}: items in DOM (first / max while scrolling)`, `${x.itemsInDom.median} / ${x.maxItemsInDomWhileScrolling}`, big ? '< 200' : '', big ? yes(x.maxItemsInDomWhileScrolling < 200) : '');
      row('B3', `${Number(n).toLocaleString('en')}: scroll frames p50 / p95 / max`, `${x.scrollFrameMs.p50} / ${x.scrollFrameMs.p95} / ${x.scrollFrameMs.max} ms (${x.scrollFrameMs.frames} frames)`, big ? 'p95 ≤ 17 ms' : '', big ? yes(x.scrollFrameMs.p95 <= 17) : '');
    }
    row('B3', '10,000 without virtualization: first rows (in memory)', spread(b.unvirtualized10k.firstRowsMs));
    row('B3', 'virtualized speed-up at 10,000', `${b.speedupAt10k}×`, '≥ 20×', yes(b.speedupAt10k >= 20));
  }
  if (results.B4) {
    let worst = 0;
    for (const [label, x] of Object.entries(results.B4)) {
      const first = Object.entries(x.first).map(([r, s]) => `${r} ${s.median}${s.min !== s.max ? ` (${s.min}–${s.max})` : ''}`).join(', ');
      const again = Object.entries(x.afterRemount).map(([r, s]) => `${r} ${s.median}${s.min !== s.max ? ` (${s.min}–${s.max})` : ''}`).join(', ');
      worst = Math.max(worst, ...Object.values(x.first).map((s) => s.max));
      row('B4', `${label}: requests per resource`, first, '1 each', yes(Object.values(x.first).every((s) => s.max <= 1)));
      row('B4', `${label}: after a remount within staleTime`, again, '0 for data', yes(Object.entries(x.afterRemount).every(([r, s]) => r === 'events' || s.max === 0)));
    }
  }
  if (results.B5) {
    const b = results.B5;
    row('B5', `heap after GC, before ${b.switches} switches`, spread(b.heapBeforeMB, 'MB'));
    row('B5', 'heap after GC, after', spread(b.heapAfterMB, 'MB'));
    row('B5', 'growth', spread(b.growthMB, 'MB'), '≤ 2 MB', yes(b.growthMB.median <= 2));
    row('B5', 'time per switch (painted)', spread(b.msPerSwitch));
  }
  const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((r) => r[i].length), ['bench', 'figure', 'value', 'goal', 'met'][i].length));
  const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join(' │ ');
  return [line(['bench', 'figure', 'value', 'goal', 'met']), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...rows.map(line)].join('\n');
}

// ---- main ---------------------------------------------------------------------------------------
async function main() {
  if (!existsSync(new URL('dist/cxdesk.min.js', root)) || !existsSync(new URL('dist/cxdesk-elements.js', root))) {
    console.log('dist/ is missing: building first (npm run build)…');
    execSync('npm run build --silent', { cwd: root, stdio: 'inherit' });
  }
  const executablePath = findChrome();
  const started = Date.now();
  const results = {};
  const samples = quick ? 5 : 20;
  if (wanted('B1')) {
    console.log('B1 bundle sizes…');
    results.B1 = await b1();
  }
  const browserBenches = ['B2', 'B3', 'B4', 'B5'].filter(wanted);
  let machine = { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memoryGB: Math.round(os.totalmem() / 2 ** 30), os: `${os.type()} ${os.release()}`, node: process.version };
  if (browserBenches.length) {
    const server = await startBenchServer();
    const browser = await puppeteer.launch({ executablePath, args: chromeArgs, headless: true, protocolTimeout: 300_000 });
    machine = { ...machine, browser: await browser.version() };
    try {
      if (wanted('B2')) {
        console.log(`B2 warm vs cold (${samples} samples each)…`);
        results.B2 = await b2(browser, server, samples);
      }
      if (wanted('B3')) {
        console.log(`B3 history at 1k, 10k, 100k (${quick ? 3 : 9} samples each)…`);
        results.B3 = await b3(browser, server, quick ? 3 : 9);
      }
      if (wanted('B4')) {
        console.log(`B4 requests with 1, 3, 10 elements (${quick ? 2 : 5} samples each)…`);
        results.B4 = await b4(browser, server, quick ? 2 : 5);
      }
      if (wanted('B5')) {
        console.log(`B5 heap across 200 customer switches (${quick ? 1 : 3} runs)…`);
        results.B5 = await b5(browser, server, quick ? 1 : 3, 200);
      }
    } finally {
      await browser.close();
      await server.close();
    }
  }
  const report = { date: new Date().toISOString(), command: `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`, machine, seconds: Math.round((Date.now() - started) / 1000), results };
  // strip the raw samples from the printed view only; the file keeps them
  console.log(`\n${table(results)}\n`);
  console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GiB, ${machine.os}, Node ${machine.node}${machine.browser ? `, ${machine.browser}` : ''}`);
  writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`written: ${OUT.pathname.replace(root.pathname, '')} (${report.seconds} s)`);
}

main().catch((e) => {
  console.error(`bench failed: ${e?.stack ?? e}`);
  process.exit(1);
});
