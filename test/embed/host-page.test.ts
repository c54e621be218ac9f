import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/define.js';
import { configure } from '../../src/config.js';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { CxCustomerPanelElement } from '../../src/elements/customer-panel/customer-panel.js';
import { deepText, isolatedCacheOptions, loadFrame, sleep } from '../helpers.js';

type HostWindow = Window & { __violations: string[]; __errors: string[]; __warnings: string[] };

const frame = (src: string) => loadFrame(src, { width: '460px', height: '1400px' });

const sections = (desk: Element) => ['acme-customer-panel', 'acme-next-actions', 'acme-interaction-history'].map((t) => desk.shadowRoot!.querySelector(t)!);

async function loaded(win: Window): Promise<Element> {
  const desk = win.document.querySelector('acme-desk')!;
  await waitUntil(() => desk.shadowRoot && deepText(desk).includes('Northwind'), 'the customer did not load', { timeout: 8000 });
  const [, actions, history] = sections(desk);
  await waitUntil(() => actions!.shadowRoot!.querySelector('[part~=list]') && history!.shadowRoot!.querySelector('article'), 'the sections did not load', { timeout: 8000 });
  // the history measures its height in a task after its first render, then renders rows for it
  await new Promise((r) => win.setTimeout(r, 100));
  await (history as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return desk;
}

/** Every part of every section, placed relative to its element. */
function partBoxes(desk: Element): string[] {
  const out: string[] = [];
  for (const el of [desk, ...sections(desk)]) {
    const origin = el.getBoundingClientRect();
    for (const p of el.shadowRoot!.querySelectorAll('[part]')) {
      const r = p.getBoundingClientRect();
      out.push(`${el.localName} ${p.getAttribute('part')}: ${Math.round(r.left - origin.left)},${Math.round(r.top - origin.top)} ${Math.round(r.width)}x${Math.round(r.height)}`);
    }
  }
  return out;
}

describe('a well-behaved guest on a hostile page', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('works under a strict CSP with Trusted Types, loaded twice under a prefix beside someone else’s cx-desk', async function () {
    this.timeout(20_000);
    const iframe = await frame('/test/fixtures/csp/page.html');
    const win = iframe.contentWindow as HostWindow;
    // positive control: the policy is enforced on this page
    expect(() => {
      win.document.body.insertAdjacentHTML('beforeend', '<b>x</b>');
    }).to.throw();
    await sleep(100); // its violation report arrives after a task
    expect(win.__violations.length).to.equal(1);
    win.__violations.length = 0;
    const desk = await loaded(win);
    expect(win.customElements.get('cx-desk')!.name).to.equal('SomeoneElsesDesk');
    // open an email: the sanitizer loads and runs under Trusted Types too
    const history = sections(desk)[2]!;
    const chip = [...history.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~=chip]')].find((c) => c.textContent!.includes('email'))!;
    chip.click();
    await waitUntil(() => history.shadowRoot!.querySelector('article[data-channel=email]'), 'no email listed', { timeout: 5000 });
    history.shadowRoot!.querySelector<HTMLElement>('article[data-channel=email]')!.click();
    await waitUntil(() => history.shadowRoot!.querySelector('.email')?.shadowRoot?.childNodes.length, 'the email did not render', { timeout: 5000 });
    await sleep(200);
    expect(win.__violations).to.deep.equal([]);
    expect(win.__errors).to.deep.equal([]);
  });

  it('puts every part at the same place and size with and without the hostile CSS', async function () {
    this.timeout(20_000);
    const [hostile, plain] = await Promise.all([frame('/test/fixtures/csp/page.html'), frame('/test/fixtures/csp/plain.html')]);
    const [a, b] = await Promise.all([loaded(hostile.contentWindow!), loaded(plain.contentWindow!)]);
    const boxesA = partBoxes(a);
    const boxesB = partBoxes(b);
    expect(boxesA.length).to.be.greaterThan(20);
    expect(boxesA).to.deep.equal(boxesB);
    // and the host’s styles did not reach the text
    const name = sections(a)[0]!.shadowRoot!.querySelector('[part~=name]')!;
    const style = getComputedStyle(name);
    expect(style.textTransform).to.equal('none');
    expect(style.fontFamily).not.to.contain('Comic Sans');
  });

  it('adds nothing to the host page but its elements', async () => {
    const iframe = await frame('/test/fixtures/csp/plain.html');
    const win = iframe.contentWindow!;
    await loaded(win);
    expect(win.document.adoptedStyleSheets.length).to.equal(0);
    expect(win.document.querySelectorAll('style').length).to.equal(0);
    // (the dev server adds its own reload script to every page it serves)
    expect([...win.document.body.children].filter((e) => e.localName !== 'script').map((e) => e.id || e.localName)).to.deep.equal(['box']);
  });
});

describe('theming from the host', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
    configure({ adapter: undefined, theme: undefined, cacheOptions: undefined });
  });

  it('theme="auto" follows prefers-color-scheme', async () => {
    configure({ adapter: createMemoryAdapter({ customers: [{ id: 'c', name: 'Auto' }] }), theme: 'auto', cacheOptions: isolatedCacheOptions() });
    const el = await fixture<CxCustomerPanelElement>(html`<cx-customer-panel customer-id="c"></cx-customer-panel>`);
    await waitUntil(() => deepText(el).includes('Auto'));
    const base = () => getComputedStyle(el.shadowRoot!.querySelector('[part~=base]')!).backgroundColor;
    await emulateMedia({ colorScheme: 'light' });
    expect(base()).to.equal('rgb(255, 255, 255)');
    await emulateMedia({ colorScheme: 'dark' });
    expect(base()).to.equal('rgb(21, 24, 29)');
  });

  it('the host drives the tokens', async () => {
    configure({ adapter: createMemoryAdapter({ customers: [{ id: 'c', name: 'Tokens' }] }), cacheOptions: isolatedCacheOptions() });
    const box = document.createElement('div');
    box.style.setProperty('--cx-color-surface', 'rgb(1, 2, 3)');
    box.style.setProperty('--cx-color-text', 'rgb(250, 251, 252)');
    const el = document.createElement('cx-customer-panel');
    el.customerId = 'c';
    box.append(el);
    document.body.append(box);
    try {
      await waitUntil(() => deepText(el).includes('Tokens'));
      const base = getComputedStyle(el.shadowRoot!.querySelector('[part~=base]')!);
      expect(base.backgroundColor).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(el.shadowRoot!.querySelector('[part~=name]')!).color).to.equal('rgb(250, 251, 252)');
    } finally {
      box.remove();
    }
  });
});
