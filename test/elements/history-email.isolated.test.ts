/**
 * Runs alone (see test/run.mjs): a page that runs beside others is a background page, whose CSS
 * background images Chromium does not fetch until it renders again; this test counts those requests.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { configure } from '../../src/config.js';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { CxInteractionHistoryElement } from '../../src/elements/interaction-history/interaction-history.js';
import { ada } from '../data.js';
import { deepElements, isolatedCacheOptions, sleep } from '../helpers.js';

const scope = `mail${Date.now().toString(36)}`;
const REMOTE = `${location.origin}/__remote/${scope}`;
const hits = async (): Promise<Record<string, number>> => (await fetch(`/__remote-log?prefix=/__remote/${scope}`)).json();

const hostile = `
<style>.bg{background:url(${REMOTE}/e.png);width:10px;height:10px} @import url(${REMOTE}/f.css);</style>
<p onclick="window.__pwned=1">Hello <a href="javascript:window.__pwned=1">js link</a>
  <a href="https://example.com/ok">ok link</a> <a href="data:text/html,<script>alert(1)</script>">data link</a></p>
<script>window.__pwned = 1</script>
<img src="${REMOTE}/a.png" onerror="window.__pwned=1" width="10" height="10" alt="a">
<img srcset="${REMOTE}/b.png 1x" width="10" height="10" alt="b">
<video poster="${REMOTE}/c.png" width="10" height="10"></video>
<div style="background-image:url(${REMOTE}/d.png);width:10px;height:10px">d</div>
<div class="bg">e</div>
<iframe src="${REMOTE}/i.html"></iframe>
<form action="${REMOTE}/form"><input name="q"><button>Go</button></form>
<img src="data:image/png;base64,iVBORw0KGgo=" alt="inline">
<svg><a href="javascript:window.__pwned=1"><text>svg link</text></a></svg>`;

describe('<cx-interaction-history> email bodies', () => {
  afterEach(() => configure({ adapter: undefined, cacheOptions: undefined }));

  it('renders hostile email HTML inert, fetches nothing remote until "show images", then each image once', async () => {
    (window as unknown as { __pwned?: number }).__pwned = undefined;
    configure({
      cacheOptions: isolatedCacheOptions(),
      adapter: createMemoryAdapter({
        customers: [ada],
        interactions: { [ada.id]: [{ id: 'm-1', channel: 'email', occurredAt: new Date().toISOString(), subject: 'Hostile email', body: { html: hostile } }] },
      }),
    });
    const el = await fixture<CxInteractionHistoryElement>(html`<cx-interaction-history customer-id=${ada.id}></cx-interaction-history>`);
    await waitUntil(() => el.shadowRoot!.querySelector('article'));
    el.shadowRoot!.querySelector<HTMLElement>('article')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('.email'), 'the email was not rendered', { timeout: 5000 });
    const email = el.shadowRoot!.querySelector('.email')!;
    const inside = deepElements(email);
    expect(inside.map((e) => e.localName)).not.to.include.members(['script', 'iframe', 'form', 'input', 'button']);
    for (const e of inside) {
      for (const a of e.getAttributeNames()) expect(a.startsWith('on'), `${e.localName}[${a}]`).to.equal(false);
      for (const a of ['href', 'src', 'xlink:href']) {
        const v = e.getAttribute(a);
        if (v !== null) expect(v, `${e.localName}[${a}]`).to.match(/^https?:/);
      }
    }
    const links = inside.filter((e) => e.localName === 'a' && e.hasAttribute('href'));
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.com/ok']);
    expect(links[0]!.getAttribute('target')).to.equal('_blank');
    expect(links[0]!.getAttribute('rel')).to.equal('noopener noreferrer');
    await sleep(400);
    expect(await hits(), 'requests before "show images"').to.deep.equal({});
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    await expect(el).to.be.accessible();

    const show = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=show-images]')!;
    expect(show.textContent).to.match(/Show \d+ images/);
    show.click();
    await waitUntil(async () => Object.keys(await hits()).length >= 5, 'images did not load after "show images"', { timeout: 5000 });
    await sleep(400);
    const after = await hits();
    expect(Object.keys(after).sort()).to.deep.equal(['a', 'b', 'c', 'd', 'e'].map((n) => `/__remote/${scope}/${n}.png`));
    expect(Object.values(after).every((n) => n === 1), JSON.stringify(after)).to.equal(true);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
