import { expect, waitUntil } from '@open-wc/testing';
import { deepText, loadFrame } from '../helpers.js';

/** Loads a page in an iframe (its own realm and custom element registry). */
const frame = (src: string) => loadFrame(src, { width: '480px', height: '400px' });

type FrameWindow = Window & {
  CxDesk?: { version: string; configure: unknown; createMemoryAdapter: unknown; defineElements: unknown };
  __errors?: string[];
  __loaded?: Promise<string[]>;
};

describe('dist/cxdesk.min.js (script tag)', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('is a classic script with no static import or export', async () => {
    const source = await (await fetch('/dist/cxdesk.min.js')).text();
    expect(source.length).to.be.greaterThan(1000);
    // A classic script with a static import/export is a SyntaxError; compiling it as a function body proves it is not.
    expect(() => new Function(source)).not.to.throw();
  });

  it('loads by a plain <script src>, sets window.CxDesk, registers the elements and shows a customer', async () => {
    const iframe = await frame('/test/fixtures/script-tag.html');
    const win = iframe.contentWindow as FrameWindow;
    expect(win.__errors).to.deep.equal([]);
    expect(win.CxDesk?.version).to.match(/^\d+\.\d+\.\d+/);
    expect(typeof win.CxDesk?.configure).to.equal('function');
    const api = win.CxDesk as unknown as Record<string, unknown>;
    for (const name of ['createRestAdapter', 'createMemoryAdapter', 'composeAdapters', 'defineElements', 'clearCache', 'invalidate', 'CxError', 'NotFoundError', 'AuthError', 'NetworkError', 'TimeoutError', 'InvalidDataError', 'AdapterError', 'isNotFoundError', 'isAuthError']) {
      expect(api[name], `CxDesk.${name}`).to.be.a('function');
    }
    await win.customElements.whenDefined('cx-desk');
    expect(win.customElements.get('cx-customer-panel')).to.be.a('function');
    const desk = win.document.querySelector('cx-desk')!;
    await waitUntil(() => deepText(desk).includes('Script Tag Customer'), 'the customer never appeared');
    // data-* options were applied
    const panel = desk.shadowRoot!.querySelector('cx-customer-panel')!;
    expect(panel.getAttribute('cx-theme')).to.equal('dark');
    expect(panel.getAttribute('cx-density')).to.equal('compact');
    expect(win.__errors).to.deep.equal([]);
  });

  it('loads the HTML sanitizer from the file beside it, only when an email is opened', async () => {
    for (const file of ['cxdesk.min.js', 'cxdesk-elements.js']) {
      expect(await (await fetch(`/dist/${file}`)).text()).not.to.contain('DOMPurify');
    }
    expect(await (await fetch('/dist/cxdesk-elements.js')).text()).to.contain('./cxdesk-sanitizer.js');
    const iframe = await frame('/test/fixtures/script-tag.html');
    const win = iframe.contentWindow as FrameWindow & { __pwned?: number };
    const sanitizerLoaded = () =>
      win.performance.getEntriesByType('resource').some((r) => r.name.endsWith('/dist/cxdesk-sanitizer.js'));
    const desk = win.document.querySelector('cx-desk')!;
    const history = () => desk.shadowRoot!.querySelector('cx-interaction-history')!;
    await waitUntil(() => desk.shadowRoot && history()?.shadowRoot?.querySelector('article'), 'the email is not listed');
    expect(sanitizerLoaded(), 'loaded before it was needed').to.equal(false);
    history().shadowRoot!.querySelector<HTMLElement>('article')!.click();
    await waitUntil(() => history().shadowRoot!.querySelector('.email')?.shadowRoot?.textContent?.includes('Hello from HTML'), 'the email did not render');
    expect(sanitizerLoaded()).to.equal(true);
    expect(win.__pwned).to.equal(undefined);
    expect(win.__errors).to.deep.equal([]);
  });

  it('lets two versions share a page without throwing or registering twice', async () => {
    const iframe = await frame('/test/fixtures/two-versions.html');
    const win = iframe.contentWindow as FrameWindow & { __warnings: string[] };
    const load = (src: string) =>
      new Promise<void>((resolve, reject) => {
        const s = win.document.createElement('script');
        s.src = src;
        s.onload = () => resolve();
        s.onerror = () => reject(new Error(`${src} failed`));
        win.document.head.append(s);
      });
    // an older copy first (served from its own folder, with its own element code), then this one
    await load('/__older/cxdesk.min.js');
    const first = win.CxDesk;
    expect(first?.version).to.equal('0.0.1-old');
    await win.customElements.whenDefined('cx-desk');
    await load('/dist/cxdesk.min.js');
    await waitUntil(() => win.__warnings.some((w) => w.includes('already defined by other code')), 'no warning about the taken tags');
    expect(win.__errors).to.deep.equal([]);
    expect(win.CxDesk).to.equal(first);
    expect(win.customElements.get('cx-desk')).to.be.a('function');
    expect(win.__warnings.every((w) => !w.includes('already defined by other code') || w.includes('prefix'))).to.equal(true);
  });

  describe('element code, loaded from beside the script when the page first uses a tag', () => {
    type BlankWindow = FrameWindow & { __consoleErrors: string[] };
    const addScript = (win: Window, src: string, data: Record<string, string> = {}) =>
      new Promise<void>((resolve, reject) => {
        const s = win.document.createElement('script');
        Object.assign(s.dataset, data);
        s.src = src;
        s.onload = () => resolve();
        s.onerror = () => reject(new Error(`${src} failed`));
        win.document.head.append(s);
      });
    const fetched = (win: Window, file: string) =>
      win.performance.getEntriesByType('resource').filter((r) => r.name.endsWith(`/dist/${file}`)).length;

    it('is not fetched by a page without the elements, and is fetched once a tag appears', async () => {
      const iframe = await frame('/test/fixtures/blank.html');
      const win = iframe.contentWindow as BlankWindow;
      await addScript(win, '/dist/cxdesk.min.js', { prefix: 'lazy' });
      const api = win.CxDesk as unknown as { defineElements(o: object): { pending: string[]; ready: Promise<{ defined: string[] }> } };
      const again = api.defineElements({ prefix: 'lazy' });
      expect(again.pending).to.deep.equal(['lazy-desk', 'lazy-customer-panel', 'lazy-interaction-history', 'lazy-next-actions']);
      await new Promise((r) => setTimeout(r, 300));
      expect(fetched(win, 'cxdesk-elements.js'), 'fetched before any tag was used').to.equal(0);
      expect(win.customElements.get('lazy-desk')).to.equal(undefined);
      // the host renders a panel later, deep in its own markup
      win.document.querySelector('main')!.innerHTML = '<section><div><lazy-customer-panel></lazy-customer-panel></div></section>';
      const result = await again.ready;
      expect(result.defined).to.include('lazy-customer-panel');
      expect(win.customElements.get('lazy-customer-panel')).to.be.a('function');
      expect(fetched(win, 'cxdesk-elements.js')).to.equal(1);
      expect(fetched(win, 'cxdesk-sanitizer.js')).to.equal(0);
      // once loaded, registration is immediate
      const now = api.defineElements({ prefix: 'later' });
      expect(now.pending).to.deep.equal([]);
      expect((now as unknown as { defined: string[] }).defined).to.include('later-desk');
      expect(win.__errors).to.deep.equal([]);
      expect(win.__consoleErrors).to.deep.equal([]);
    });

    it('loads at once with data-eager, for elements inside the host’s own shadow roots', async () => {
      const iframe = await frame('/test/fixtures/blank.html');
      const win = iframe.contentWindow as BlankWindow;
      await addScript(win, '/dist/cxdesk.min.js', { eager: '' });
      await win.customElements.whenDefined('cx-desk');
      const host = win.document.createElement('div');
      win.document.body.append(host);
      host.attachShadow({ mode: 'open' }).innerHTML = '<cx-customer-panel></cx-customer-panel>';
      expect(host.shadowRoot!.querySelector('cx-customer-panel')).to.be.instanceOf(win.customElements.get('cx-customer-panel')!);
      expect(win.__errors).to.deep.equal([]);
    });

    it('says in words where it looked when the element code is missing, and settles ready with the reason', async () => {
      const iframe = await frame('/test/fixtures/blank.html');
      const win = iframe.contentWindow as BlankWindow;
      // the script alone, without the files that belong beside it
      await addScript(win, '/__alone/cxdesk.min.js', { prefix: 'alone' });
      const api = win.CxDesk as unknown as { defineElements(o: object | null): { ready: Promise<{ defined: string[]; error?: string }> } };
      win.document.querySelector('main')!.innerHTML = '<alone-desk customer-id="c-1"></alone-desk>';
      const result = await api.defineElements({ prefix: 'alone' }).ready;
      expect(result.defined).to.deep.equal([]);
      expect(result.error).to.contain(`could not load its elements from ${location.origin}/__alone/cxdesk-elements.js`);
      expect(win.__consoleErrors.some((e) => e.includes('Serve cxdesk-elements.js beside cxdesk.min.js'))).to.equal(true);
      // null options are no reason to throw
      expect(() => api.defineElements(null)).not.to.throw();
      expect(win.__errors).to.deep.equal([]);
    });

    it('says what to do when the elements file is imported without its script', async () => {
      const error = await import(/* @vite-ignore */ `${location.origin}/dist/cxdesk-elements.js?alone`).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(error?.message).to.match(/cxdesk-elements\.js is loaded by cxdesk\.min\.js .*, from beside it: put that script on the page \(or, in a bundle, import "cxdesk\/define"\)/);
    });

    it('delivers feedback through the outbox, whose IndexedDB code the elements take from the script', async () => {
      const iframe = await frame('/test/fixtures/blank.html');
      const win = iframe.contentWindow as BlankWindow;
      await addScript(win, '/dist/cxdesk.min.js', { namespace: `outbox-${Date.now()}` });
      const api = win.CxDesk as unknown as { configure(o: object): void; createMemoryAdapter(o: object): { feedback: unknown[] } };
      const adapter = api.createMemoryAdapter({
        customers: [{ id: 'c-1', name: 'Outbox Customer' }],
        nextActions: { 'c-1': [{ id: 'a-1', title: 'Call back about the refund', kind: 'follow_up', score: 0.9 }] },
      });
      api.configure({ adapter });
      win.document.querySelector('main')!.innerHTML = '<cx-next-actions customer-id="c-1"></cx-next-actions>';
      const actions = win.document.querySelector('cx-next-actions')!;
      await waitUntil(() => actions.shadowRoot?.querySelector('li[part~=action]'), 'the suggestion did not show');
      [...actions.shadowRoot!.querySelectorAll('button')].find((b) => /accept/i.test(b.textContent ?? ''))!.click();
      await waitUntil(() => adapter.feedback.length === 1, 'the feedback never reached the adapter');
      expect(win.__errors).to.deep.equal([]);
      expect(win.__consoleErrors).to.deep.equal([]);
    });

    it('lets the first copy on the page keep the tags even when its elements arrive last', async () => {
      const iframe = await frame('/test/fixtures/two-versions.html');
      const win = iframe.contentWindow as FrameWindow & { __warnings: string[] };
      // the older copy runs first and asks for its elements, which come late; this one's come at once
      await addScript(win, `/__older/${Date.now()}/cxdesk.min.js`);
      await addScript(win, '/dist/cxdesk.min.js');
      const first = win.CxDesk as unknown as { version: string; configure(o: object): void; createMemoryAdapter(o: object): unknown };
      expect(first.version).to.equal('0.0.1-old');
      first.configure({ adapter: first.createMemoryAdapter({ customers: [{ id: 'c-1', name: 'Kept By The First Copy' }] }) });
      const desk = win.document.querySelector('cx-desk')!;
      await waitUntil(() => deepText(desk).includes('Kept By The First Copy'), 'the tags went to the copy that asked second');
      await waitUntil(() => win.__warnings.some((w) => w.includes('already defined by other code')), 'the second copy did not say it left the tags alone');
      expect(win.__errors).to.deep.equal([]);
    });
  });

  it('registers under data-prefix', async () => {
    const iframe = await frame('/test/fixtures/script-tag-prefix.html');
    const win = iframe.contentWindow as FrameWindow;
    await win.customElements.whenDefined('acme-desk');
    expect(win.customElements.get('cx-desk')).to.equal(undefined);
    const desk = win.document.querySelector('acme-desk')!;
    await waitUntil(() => deepText(desk).includes('Prefixed Customer'), 'the customer never appeared');
    expect(desk.shadowRoot!.querySelector('acme-customer-panel')).to.exist;
  });
});

describe('ESM entries', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  for (const [base, ext] of [['/dist', 'js'], ['/src', 'ts']] as const) {
    it(`${base}/index: importing the package registers no element`, async () => {
      const iframe = await frame(`/test/fixtures/entry.html?entry=${base}/index.${ext}`);
      const win = iframe.contentWindow as FrameWindow;
      const names = await win.__loaded!;
      expect(names).to.include.members([
        'configure',
        'createMemoryAdapter',
        'createRestAdapter',
        'defineElements',
        'clearCache',
        'invalidate',
        'CxDeskElement',
        'CxCustomerPanelElement',
        'CxInteractionHistoryElement',
        'version',
      ]);
      expect(win.customElements.get('cx-desk')).to.equal(undefined);
      expect(win.customElements.get('cx-customer-panel')).to.equal(undefined);
      expect(win.customElements.get('cx-interaction-history')).to.equal(undefined);
    });

    it(`${base}/define: registers every element under cx-`, async () => {
      const iframe = await frame(`/test/fixtures/entry.html?entry=${base}/define.${ext}`);
      const win = iframe.contentWindow as FrameWindow;
      await win.__loaded!;
      expect(win.customElements.get('cx-desk')).to.be.a('function');
      expect(win.customElements.get('cx-customer-panel')).to.be.a('function');
      expect(win.customElements.get('cx-interaction-history')).to.be.a('function');
    });
  }

  it('ships .d.ts next to every ESM entry', async () => {
    for (const f of ['/dist/index.d.ts', '/dist/define.d.ts']) {
      const r = await fetch(f);
      expect(r.ok, f).to.equal(true);
    }
    const index = await (await fetch('/dist/index.d.ts')).text();
    expect(index).to.contain('CxDeskElement');
  });

  it('package.json maps "." and "./define" with types first and lists only the modules that register elements as side effects', async () => {
    const pkg = await (await fetch('/package.json')).json();
    expect(Object.keys(pkg.exports['.'])[0]).to.equal('types');
    expect(Object.keys(pkg.exports['./define'])[0]).to.equal('types');
    expect(pkg.exports['.'].default).to.equal('./dist/index.js');
    expect(pkg.exports['./define'].default).to.equal('./dist/define.js');
    expect(pkg.type).to.equal('module');
    expect(pkg.engines.node).to.equal('>=20');
    expect(pkg.sideEffects.every((f: string) => /define|react|script-tag|cxdesk\.min/.test(f))).to.equal(true);
    const { version } = await import('../../src/version.js');
    expect(version).to.equal(pkg.version);
  });
});
