import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { adapterProblem } from '../../config.js';
import { HistoryController, type HistoryQuery } from '../../data/history-controller.js';
import { adapterKey } from '../../data/resources.js';
import { CxInteractionSelectEvent } from '../../events/events.js';
import { toDate } from '../../i18n/format.js';
import { loadSanitizer } from '../../internal/sanitizer.js';
import { matchesInteraction } from '../../model/search.js';
import { safeUrl } from '../../internal/url.js';
import type { Channel, Interaction } from '../../model/types.js';
import { CxSectionElement } from '../shared/cx-element.js';
import { stateStyles, themeStyles } from '../shared/shared.styles.js';
import { channelIcon } from './channel-icons.js';
import { interactionHistoryStyles, ROW_HEIGHTS } from './interaction-history.styles.js';

type Row = { kind: 'day'; key: string; label: string; top: number } | { kind: 'item'; key: string; item: Interaction; index: number; top: number };

const OVERSCAN = 6;
const SEARCH_DEBOUNCE_MS = 300;

/** The start of the local calendar day of an instant, as a sortable key. */
const keyOfDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

function dayKey(iso: string): string {
  const d = toDate(iso);
  return d ? keyOfDate(d) : 'unknown';
}

const channelSets = new WeakMap<Interaction[], Set<string>>();
/** The channels in a list, worked out once per list (the toolbar renders on every scroll frame). */
function channelsOf(items: Interaction[]): Set<string> {
  let set = channelSets.get(items);
  if (!set) channelSets.set(items, (set = new Set(items.map((i) => i.channel))));
  return set;
}

/**
 * `dayKey` for a run of times in order: the local day's bounds are kept, so only crossing into
 * another day builds a Date (a 100,000-item history spans hundreds of days, not 100,000).
 */
function dayKeys(): (iso: string) => string {
  let start = Infinity;
  let end = -Infinity;
  // the same bounds as UTC ISO text: a time in that exact form is placed by comparing text, with no parsing
  let startIso = '';
  let endIso = '';
  let key = '';
  return (iso) => {
    // exactly YYYY-MM-DDTHH:mm:ss.sssZ (what toISOString writes); Date.parse has the last word on the rest
    if (iso.length === 24 && iso.charCodeAt(10) === 84 /* T */ && iso.charCodeAt(23) === 90 /* Z */ && iso >= startIso && iso < endIso) return key;
    const ms = iso.length > 10 ? Date.parse(iso) : NaN; // a date-only value is local noon (see toDate)
    if (ms >= start && ms < end) return key;
    const d = Number.isNaN(ms) ? toDate(iso) : new Date(ms);
    if (!d) return 'unknown';
    start = new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
    end = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
    startIso = new Date(start).toISOString();
    endIso = new Date(end).toISOString();
    return (key = keyOfDate(d));
  };
}

/** Splits text around case-insensitive matches of a needle: matches become <mark>, all as text. */
export function highlight(text: string, needle: string): TemplateResult | string {
  const n = needle.trim();
  if (!n || !text) return text;
  const lower = text.toLowerCase();
  const q = n.toLowerCase();
  const parts: Array<TemplateResult | string> = [];
  let from = 0;
  for (let at = lower.indexOf(q); at >= 0; at = lower.indexOf(q, at + q.length)) {
    if (at > from) parts.push(text.slice(from, at));
    parts.push(html`<mark part="match">${text.slice(at, at + q.length)}</mark>`);
    from = at + q.length;
  }
  if (!parts.length) return text;
  parts.push(text.slice(from));
  return html`${parts}`;
}

/**
 * The omnichannel timeline: every interaction on every channel, newest first, grouped by day, with
 * channel filters, search, jump to a date, paging by cursor as the agent scrolls, live updates, and
 * each item opening to its full body (email HTML sanitized, remote images held back until asked for).
 *
 * Rendering is virtualized with fixed row heights: whatever the history length, only the rows in view
 * (and a few around them) are in the DOM. Give the element a height (default `32rem`) through
 * `--cx-history-height` or by sizing it.
 *
 * Keyboard: the list is an ARIA feed; `j`/`k` or the arrow keys move between items, Enter opens one,
 * Escape closes it.
 *
 * @customElement cx-interaction-history
 * @summary Every touchpoint on every channel, in one stream.
 *
 * @csspart base - The outer box.
 * @csspart freshness - How current the data is.
 * @csspart toolbar - Filters, search and date.
 * @csspart filters - The channel chips.
 * @csspart chip - Each channel chip.
 * @csspart search - The search field.
 * @csspart date - The jump-to-date field.
 * @csspart day-header - The pinned day of the topmost visible item.
 * @csspart list - The scrolling feed.
 * @csspart item - Each interaction.
 * @csspart day - Each day separator.
 * @csspart match - Highlighted search matches.
 * @csspart new-pill - The "N new" button shown when live items arrive while scrolled away.
 * @csspart detail - The opened interaction.
 * @csspart body - The opened interaction's body.
 * @csspart show-images - The button that loads an email's remote images.
 * @csspart state - Loading, empty and error states (also `loading`, `empty`, `error`).
 * @csspart retry - The "try again" button.
 * @csspart notices - Records that could not be shown.
 *
 * @cssprop --cx-history-height - Height of the element. Default `32rem`.
 * @cssprop --cx-color-surface - Background.
 * @cssprop --cx-color-surface-raised - Day separators, chips, the opened item.
 * @cssprop --cx-color-text - Text colour.
 * @cssprop --cx-color-text-muted - Secondary text.
 * @cssprop --cx-color-border - Borders and separators.
 * @cssprop --cx-color-accent - Links, selected chips, the focus ring, the "new" pill.
 * @cssprop --cx-color-on-accent - Text on the accent colour.
 * @cssprop --cx-color-danger - Errors and negative sentiment.
 * @cssprop --cx-font-family - Font.
 * @cssprop --cx-font-size - Base font size.
 * @cssprop --cx-radius - Corner radius.
 * @cssprop --cx-space - Base spacing.
 *
 * @fires cx-load - The first page is on screen. Detail: `{ customerId, source: 'interactions' }`.
 * @fires cx-error - Loading failed. Detail: `{ customerId, source, error }`.
 * @fires cx-auth-required - The backend answered 401.
 * @fires cx-interaction-select - The agent opened an interaction. Detail: `{ customerId, interaction }`.
 */
export class CxInteractionHistoryElement extends CxSectionElement {
  static override styles = [themeStyles, stateStyles, interactionHistoryStyles];

  /** Only these channels (comma-separated), e.g. `email,phone`. The agent can change it with the chips. */
  @property() channels?: string;
  /** Items per page asked from the adapter. Default 50. */
  @property({ attribute: 'page-size', type: Number }) pageSize = 50;

  @state() private selected = new Set<Channel>();
  @state() private searchText = '';
  @state() private searchQuery = '';
  @state() private beforeDate = '';
  @state() private openId: string | undefined;
  @state() private activeIndex = 0;
  @state() private newCount = 0;
  @state() private announcement = '';
  @state() private listTop = 0;
  @state() private viewport = 0;
  @state() private emailNode: HTMLElement | undefined;
  @state() private blockedImages = 0;
  @state() private emailFailed = false;

  private searchTimer?: ReturnType<typeof setTimeout>;
  private resizeTimer?: ReturnType<typeof setTimeout>;
  private resizeObserver?: ResizeObserver;
  private measureTimer: ReturnType<typeof setTimeout> | undefined;
  private rows: Row[] = [];
  private height = 0;
  private rowsFor: unknown;
  private anchor: { key: string; offset: number } | undefined;
  private focusPending = false;
  private previousItems: Interaction[] = [];
  private emailFor: string | undefined;
  private lastCounts: Partial<Record<Channel, number>> | undefined;
  private itemsOwner = '';

  private readonly history = new HistoryController(this, {
    query: (): HistoryQuery | undefined => {
      const customerId = this.effectiveCustomerId;
      const adapter = this.settings.adapter;
      if (!customerId || !adapter || adapterProblem(adapter)) return undefined;
      const before = this.beforeDate ? new Date(`${this.beforeDate}T00:00:00`) : undefined;
      if (before) before.setDate(before.getDate() + 1); // everything up to the end of that day
      return {
        adapter,
        store: this.store,
        customerId,
        channels: [...this.selected].sort(),
        search: this.searchQuery,
        before: before && !Number.isNaN(before.getTime()) ? before.toISOString() : undefined,
        pageSize: Math.max(1, Math.min(500, Math.floor(this.pageSize) || 50)),
        redact: this.settings.redact,
      };
    },
    onLoad: () => this.emitLoad(this.effectiveCustomerId!, 'interactions'),
    onError: (error) => this.emitError(this.effectiveCustomerId, 'interactions', error),
    onLive: (items) => this.onLive(items),
  });

  /** Loads the newest interactions again now. */
  refresh(): void {
    this.history.refresh();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver(() => {
      // read now, re-render after this observer round: changing layout inside it would loop
      const list = this.list;
      const height = list?.clientHeight ?? 0;
      if (height === this.viewport) return;
      clearTimeout(this.resizeTimer);
      this.resizeTimer = setTimeout(() => {
        if (this.isConnected) this.viewport = height;
      }, 0);
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    clearTimeout(this.searchTimer);
    clearTimeout(this.resizeTimer);
    clearTimeout(this.measureTimer);
    this.measureTimer = undefined;
  }

  private get list(): HTMLElement | null {
    return this.shadowRoot?.querySelector<HTMLElement>('.list') ?? null;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('channels')) {
      this.selected = new Set(
        (this.channels ?? '')
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean),
      );
    }
    if (changed.has('customerId')) {
      this.openId = undefined;
      this.newCount = 0;
      this.activeIndex = 0;
    }
    // remember where the first visible item is, to keep it in place when items arrive above it
    // (this.listTop follows scroll events: reading scrollTop while nothing has scrolled would force a layout)
    const list = this.list;
    if (list && this.listTop > 0 && list.scrollTop > 0) {
      const row = this.rowAt(list.scrollTop);
      if (row) this.anchor = { key: row.key, offset: list.scrollTop - row.top };
    } else this.anchor = undefined;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const list = this.list;
    if (!list) return;
    // The list's height is not read here: that would force a layout of the whole page in the middle
    // of rendering, before the other elements have rendered theirs. The observer reports it after
    // the browser's layout; a task after this render reads it too, for a page in the background,
    // where observers wait until it is shown. Until then the rows cover 600 px and the overscan.
    this.resizeObserver?.observe(list);
    if (!this.viewport && this.measureTimer === undefined) {
      this.measureTimer = setTimeout(() => {
        this.measureTimer = undefined;
        const height = this.list?.clientHeight ?? 0;
        if (!this.viewport && height && this.isConnected) this.viewport = height;
      }, 0);
    }
    const top = list.querySelector<HTMLElement>('.spacer.top');
    const bottom = list.querySelector<HTMLElement>('.spacer.bottom');
    const [first, last] = this.visibleRange();
    const firstTop = this.rows[first]?.top ?? 0;
    const lastRow = this.rows[last - 1];
    const lastBottom = lastRow ? lastRow.top + ROW_HEIGHTS[this.settings.density][lastRow.kind] : 0;
    // heights through the CSSOM, which a strict style-src policy allows (a style attribute it would not)
    top?.style.setProperty('height', `${firstTop}px`);
    bottom?.style.setProperty('height', `${Math.max(0, this.height - lastBottom)}px`);
    if (this.anchor) {
      const row = this.rows.find((r) => r.key === this.anchor!.key);
      const want = row ? row.top + this.anchor.offset : list.scrollTop;
      if (Math.abs(want - list.scrollTop) > 1) list.scrollTop = want;
      this.anchor = undefined;
    }
    if (this.focusPending) {
      this.focusPending = false;
      list.querySelector<HTMLElement>(`[data-index="${this.activeIndex}"]`)?.focus({ preventScroll: true });
    }
    this.maybeLoadMore();
  }

  // ---- layout -----------------------------------------------------------------------------------

  /** What is shown: the current query's items, or — while it loads — the previous ones filtered here. */
  private displayed(): Interaction[] {
    // what was loaded for another customer (or backend) is never shown while this one loads
    const owner = `${this.settings.adapter ? adapterKey(this.settings.adapter) : ''}|${this.effectiveCustomerId ?? ''}`;
    if (owner !== this.itemsOwner) {
      this.itemsOwner = owner;
      this.previousItems = [];
      this.lastCounts = undefined;
    }
    const view = this.history.view;
    const pendingSearch = this.searchText.trim() !== this.searchQuery;
    let items: Interaction[];
    if (view?.data) {
      items = this.history.items;
      this.previousItems = items;
    } else items = this.previousItems;
    if (pendingSearch || !view?.data) items = items.filter((i) => matchesInteraction(i, this.selected, this.searchText));
    return items;
  }

  private layout(items: Interaction[]): void {
    const density = this.settings.density;
    const key = [items, density];
    if (this.rowsFor && (this.rowsFor as unknown[])[0] === key[0] && (this.rowsFor as unknown[])[1] === key[1]) return;
    this.rowsFor = key;
    const heights = ROW_HEIGHTS[density];
    const rows: Row[] = [];
    let top = 0;
    let day = '';
    const keyOf = dayKeys();
    items.forEach((item, index) => {
      const d = keyOf(item.occurredAt);
      if (d !== day) {
        day = d;
        rows.push({ kind: 'day', key: `day:${d}`, label: this.dayLabel(item.occurredAt), top });
        top += heights.day;
      }
      rows.push({ kind: 'item', key: item.id, item, index, top });
      top += heights.item;
    });
    this.rows = rows;
    this.height = top;
  }

  private dayLabel(iso: string): string {
    const d = toDate(iso);
    if (!d) return '';
    const today = dayKey(new Date().toISOString());
    const yesterday = dayKey(new Date(Date.now() - 86_400_000).toISOString());
    const k = dayKey(iso);
    if (k === today) return this.t('today');
    if (k === yesterday) return this.t('yesterday');
    return this.fmt.day(d);
  }

  /** The last row whose top is at or above `y`. */
  private rowIndexAt(y: number): number {
    let lo = 0;
    let hi = this.rows.length - 1;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.rows[mid]!.top <= y) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  private rowAt(y: number): Row | undefined {
    return this.rows[this.rowIndexAt(y)];
  }

  private visibleRange(): [number, number] {
    if (!this.rows.length) return [0, 0];
    const viewport = this.viewport || 600;
    const first = Math.max(0, this.rowIndexAt(this.listTop) - OVERSCAN);
    const last = Math.min(this.rows.length, this.rowIndexAt(this.listTop + viewport) + 1 + OVERSCAN);
    return [first, last];
  }

  private onScroll = (e: Event): void => {
    const list = e.currentTarget as HTMLElement;
    this.listTop = list.scrollTop;
    if (this.listTop < ROW_HEIGHTS[this.settings.density].item) this.newCount = 0;
    this.maybeLoadMore();
  };

  private maybeLoadMore(): void {
    const viewport = this.viewport || 600;
    if (this.history.hasMore && !this.history.loadingMore && !this.history.moreError && this.listTop + viewport * 2 >= this.height) {
      void this.history.loadMore();
    }
  }

  // ---- live -------------------------------------------------------------------------------------

  private onLive(items: Interaction[]): void {
    const first = items[0];
    if (!first) return;
    const summary = first.subject ?? first.summary ?? '';
    this.announcement = this.t('liveAnnounce', { channel: this.channelName(first.channel), summary });
    if (this.listTop > ROW_HEIGHTS[this.settings.density].item) this.newCount += items.length;
  }

  private showNewest(): void {
    this.newCount = 0;
    const list = this.list;
    if (list) list.scrollTop = 0;
    this.listTop = 0;
    this.activeIndex = 0;
  }

  // ---- filters ----------------------------------------------------------------------------------

  private toggleChannel(channel: Channel): void {
    const next = new Set(this.selected);
    if (next.has(channel)) next.delete(channel);
    else next.add(channel);
    this.selected = next;
    this.resetPosition();
  }

  private onSearchInput(e: Event): void {
    this.searchText = (e.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.searchQuery = this.searchText.trim();
      this.resetPosition();
    }, SEARCH_DEBOUNCE_MS);
  }

  private onDate(e: Event): void {
    this.beforeDate = (e.target as HTMLInputElement).value;
    this.resetPosition();
  }

  private clearDate(): void {
    this.beforeDate = '';
    this.resetPosition();
  }

  private resetPosition(): void {
    const list = this.list;
    if (list) list.scrollTop = 0;
    this.listTop = 0;
    this.activeIndex = 0;
    this.newCount = 0;
  }

  // ---- keyboard and opening ---------------------------------------------------------------------

  private onKeydown(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const items = this.displayed();
    if (!items.length) return;
    let next = this.activeIndex;
    if (e.key === 'j' || e.key === 'ArrowDown') next++;
    else if (e.key === 'k' || e.key === 'ArrowUp') next--;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = items.length - 1;
    else if (e.key === 'Enter') {
      const item = items[this.activeIndex];
      if (item) {
        e.preventDefault();
        void this.open(item);
      }
      return;
    } else return;
    e.preventDefault();
    this.moveTo(Math.max(0, Math.min(items.length - 1, next)));
  }

  private moveTo(index: number): void {
    this.activeIndex = index;
    const row = this.rows.find((r) => r.kind === 'item' && r.index === index);
    const list = this.list;
    if (row && list) {
      const h = ROW_HEIGHTS[this.settings.density].item;
      if (row.top < list.scrollTop) list.scrollTop = Math.max(0, row.top - ROW_HEIGHTS[this.settings.density].day);
      else if (row.top + h > list.scrollTop + list.clientHeight) list.scrollTop = row.top + h - list.clientHeight;
      this.listTop = list.scrollTop;
    }
    this.focusPending = true;
  }

  private async open(item: Interaction): Promise<void> {
    this.openId = item.id;
    this.emailNode = undefined;
    this.blockedImages = 0;
    this.emailFailed = false;
    this.emailFor = item.id;
    const index = this.displayed().findIndex((i) => i.id === item.id);
    if (index >= 0) this.activeIndex = index;
    this.dispatchEvent(new CxInteractionSelectEvent({ customerId: this.effectiveCustomerId!, interaction: item }));
    if (item.body?.html) await this.renderEmail(item, false);
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLElement>('.detail .back')?.focus();
  }

  private async renderEmail(item: Interaction, allowRemote: boolean): Promise<void> {
    try {
      const { sanitizeEmail } = await loadSanitizer();
      if (this.emailFor !== item.id) return;
      const { fragment, css, blocked } = sanitizeEmail(item.body!.html!, { allowRemote });
      if (!fragment.textContent?.trim() && !fragment.querySelector('img')) {
        // markup the sanitizer had to discard whole (a <frameset>, say): show the text instead of nothing
        this.emailFailed = true;
        return;
      }
      // the email lives in a shadow root of its own, so its styles cannot reach the rest of the element
      const host = document.createElement('div');
      host.className = 'email';
      host.setAttribute('part', 'body');
      const root = host.attachShadow({ mode: 'open' });
      const base = new CSSStyleSheet();
      base.replaceSync(':host{display:block;overflow-wrap:anywhere}img{max-inline-size:100%;block-size:auto}table{max-inline-size:100%}');
      const own = new CSSStyleSheet();
      try {
        own.replaceSync(css);
      } catch {
        /* CSS the browser cannot parse: the email shows unstyled */
      }
      root.adoptedStyleSheets = [base, own];
      root.append(fragment);
      this.emailNode = host;
      this.blockedImages = blocked;
    } catch (e) {
      console.warn('cxdesk: the email viewer could not load:', e);
      if (this.emailFor === item.id) this.emailFailed = true;
    }
  }

  private close(): void {
    this.openId = undefined;
    this.emailNode = undefined;
    this.emailFor = undefined;
    this.focusPending = true;
  }

  // ---- render -----------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    return this.renderShell(this.t('regionHistory'), this.renderBody(), this.announcement);
  }

  private renderBody(): TemplateResult {
    const unavailable = this.renderUnavailable();
    if (unavailable) return unavailable;
    const view = this.history.view;
    const items = this.displayed();
    this.layout(items);
    const open = this.openId ? items.find((i) => i.id === this.openId) ?? this.history.items.find((i) => i.id === this.openId) : undefined;
    return html`
      ${view ? this.renderFreshness(view) : nothing} ${this.renderToolbar()}
      <div class="viewport">
        ${this.renderList(items)} ${open ? this.renderDetail(open) : nothing}
      </div>
      ${this.renderNotices(this.history.view?.data?.notices ?? [], this.history.invalidRecords)}
    `;
  }

  private renderToolbar(): TemplateResult {
    // while a new query loads, the chips keep the counts they had (no flicker, no jumping chips)
    if (this.history.counts) this.lastCounts = this.history.counts;
    const counts = this.history.view?.data ? this.history.counts : this.lastCounts;
    const present = new Set<string>([...Object.keys(counts ?? {}), ...this.selected]);
    if (!counts) for (const c of channelsOf(this.history.items)) present.add(c);
    const chips = [...present].filter((c) => (counts?.[c] ?? 1) > 0 || this.selected.has(c)).sort();
    return html`<div part="toolbar" class="toolbar">
      ${chips.length
        ? html`<div part="filters" class="chips" role="group" aria-label=${this.t('channelsLabel')}>
            ${chips.map(
              (c) => html`<button
                part="chip"
                class="chip"
                type="button"
                aria-pressed=${this.selected.has(c) ? 'true' : 'false'}
                @click=${() => this.toggleChannel(c)}
              >
                <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">${channelIcon(c)}</svg>
                <span>${this.channelName(c)}</span>
                ${counts?.[c] !== undefined ? html`<span class="n">${this.fmt.number(counts[c])}</span>` : nothing}
              </button>`,
            )}
          </div>`
        : nothing}
      <div class="search-row">
        <input
          part="search"
          class="search"
          type="search"
          .value=${this.searchText}
          aria-label=${this.t('searchLabel')}
          placeholder=${this.t('searchPlaceholder')}
          @input=${this.onSearchInput}
        />
        <input part="date" class="date" type="date" .value=${this.beforeDate} aria-label=${this.t('jumpToDate')} @change=${this.onDate} />
        ${this.beforeDate ? html`<button class="link" type="button" @click=${this.clearDate}>${this.t('backToNewest')}</button>` : nothing}
      </div>
    </div>`;
  }

  private renderList(items: Interaction[]): TemplateResult {
    const view = this.history.view;
    const loading = !view?.data && !view?.error;
    if (view?.error && !view.data) {
      return this.renderError(this.errorMessage(view.error), view.error.code === 'invalid-data' ? view.error.message : undefined, () => this.refresh());
    }
    if (loading && !items.length) return this.renderLoading(this.t('loadingHistory'));
    if (!items.length) return this.renderEmpty(this.emptyMessage());
    const [first, last] = this.visibleRange();
    const visible = this.rows.slice(first, last);
    const top = this.rowAt(this.listTop);
    const topDay = top ? (top.kind === 'day' ? top.label : this.dayLabel(top.item.occurredAt)) : '';
    const total = this.history.total ?? -1;
    const active = Math.min(this.activeIndex, items.length - 1);
    const opened = !!this.openId;
    return html`
      <div part="day-header" class="day-header" aria-hidden="true">${topDay}</div>
      ${this.newCount
        ? html`<button part="new-pill" class="new-pill" type="button" @click=${this.showNewest}>${this.t('newItems', { count: this.newCount })}</button>`
        : nothing}
      <div
        part="list"
        class="list"
        role="feed"
        aria-label=${this.t('interactionsLabel')}
        aria-busy=${loading || this.history.loadingMore ? 'true' : 'false'}
        ?inert=${opened}
        aria-hidden=${opened ? 'true' : nothing}
        @scroll=${this.onScroll}
        @keydown=${this.onKeydown}
      >
        <div class="spacer top"></div>
        ${visible.map((row) => (row.kind === 'day' ? html`<div part="day" class="day" aria-hidden="true">${row.label}</div>` : this.renderItem(row.item, row.index, active, total)))}
        <div class="spacer bottom"></div>
      </div>
      ${this.history.loadingMore ? html`<p class="more" role="status">${this.t('loadingMore')}</p>` : nothing}
      ${this.history.moreError
        ? html`<p class="more failed" role="alert">
            ${this.t('loadMoreFailed')} <button class="link" type="button" @click=${() => void this.history.loadMore()}>${this.t('retry')}</button>
          </p>`
        : nothing}
    `;
  }

  private emptyMessage(): string {
    const q = this.searchText.trim();
    if (q) return this.t('historyNoMatch', { query: q });
    if (this.selected.size) return this.t('historyEmptyChannels', { channels: [...this.selected].map((c) => this.channelName(c)).join(', ') });
    if (this.beforeDate) return this.t('historyNoneBefore', { date: this.fmt.date(this.beforeDate) });
    return this.t('historyEmpty');
  }

  private meta(i: Interaction): string[] {
    const direction =
      i.direction === 'inbound' ? this.t('directionInbound') : i.direction === 'outbound' ? this.t('directionOutbound') : i.direction === 'internal' ? this.t('directionInternal') : '';
    const duration =
      i.durationSec === undefined
        ? ''
        : i.durationSec >= 60
          ? this.t('durationMinutes', { minutes: this.fmt.number(Math.round(i.durationSec / 60)) })
          : this.t('durationSeconds', { seconds: this.fmt.number(Math.round(i.durationSec)) });
    return [
      direction,
      i.status?.replace(/_/g, ' ') ?? '',
      duration,
      i.agent?.name ? this.t('byAgent', { agent: i.agent.name }) : '',
      i.caseId ?? '',
      i.source ? this.t('viaSource', { source: i.source }) : '',
    ].filter(Boolean);
  }

  private renderItem(i: Interaction, index: number, active: number, total: number): TemplateResult {
    const q = this.searchText.trim();
    const title = i.subject ?? i.summary ?? this.channelName(i.channel);
    const second = i.subject ? i.summary : undefined;
    const mood = i.sentiment === undefined ? undefined : i.sentiment > 0.25 ? 'positive' : i.sentiment < -0.25 ? 'negative' : 'neutral';
    return html`<article
      part="item"
      class="item"
      data-index=${index}
      data-channel=${i.channel}
      tabindex=${index === active ? '0' : '-1'}
      aria-posinset=${index + 1}
      aria-setsize=${total}
      aria-labelledby="t-${index}"
      @click=${() => void this.open(i)}
      @focus=${() => (this.activeIndex = index)}
    >
      <div class="line1">
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">${channelIcon(i.channel)}</svg>
        <span class="channel">${this.channelName(i.channel)}</span>
        ${mood ? html`<span class="mood" data-mood=${mood} aria-hidden="true"></span>` : nothing}
        <span class="meta">${this.meta(i).join(' · ')}</span>
        <time datetime=${i.occurredAt} title=${this.fmt.dateTime(i.occurredAt)}>${this.fmt.relative(i.occurredAt)}</time>
      </div>
      <div class="title" id="t-${index}">${highlight(title, q)}</div>
      ${second ? html`<div class="summary">${highlight(second, q)}</div>` : nothing}
    </article>`;
  }

  private renderDetail(i: Interaction): TemplateResult {
    const href = safeUrl(i.url);
    const attachments = (i.attachments ?? []).map((a) => ({ ...a, href: safeUrl(a.url) }));
    let body: TemplateResult;
    if (i.body?.html && this.emailNode && !this.emailFailed) {
      body = html`${this.blockedImages
          ? html`<p class="blocked">
              ${this.t('imagesBlocked')}
              <button part="show-images" class="link" type="button" @click=${() => void this.renderEmail(i, true)}>
                ${this.t('showImages', { count: this.blockedImages })}
              </button>
            </p>`
          : nothing}${this.emailNode}`;
    } else if (i.body?.html && !this.emailFailed) {
      body = html`<p class="muted">${this.t('loading')}</p>`;
    } else {
      const text = i.body?.text ?? (i.body?.html ? i.body.html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim() : '');
      body = html`${this.emailFailed ? html`<p class="blocked">${this.t('emailViewerFailed')}</p>` : nothing}
        <p part="body" class="text">${text || (i.summary ?? this.t('noBody'))}</p>`;
    }
    return html`<div part="detail" class="detail" role="region" aria-label=${i.subject ?? i.summary ?? this.channelName(i.channel)} @keydown=${(e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.close();
      }
    }}>
      <button class="back link" type="button" @click=${this.close}>← ${this.t('backToList')}</button>
      <h3>${i.subject ?? i.summary ?? this.channelName(i.channel)}</h3>
      <p class="meta">
        ${this.channelName(i.channel)} · <time datetime=${i.occurredAt}>${this.fmt.dateTime(i.occurredAt)}</time>
        ${this.meta(i).length ? html` · ${this.meta(i).join(' · ')}` : nothing}
      </p>
      ${body}
      ${attachments.length
        ? html`<h4>${this.t('attachments')}</h4>
            <ul class="attachments">
              ${attachments.map(
                (a) => html`<li>
                  ${a.href ? html`<a href=${a.href} target="_blank" rel="noopener noreferrer">${a.name}</a>` : a.name}
                  ${a.size !== undefined ? html`<span class="muted">${this.fmt.number(Math.max(1, Math.round(a.size / 1024)))} KB</span>` : nothing}
                </li>`,
              )}
            </ul>`
        : nothing}
      ${href ? html`<p><a href=${href} target="_blank" rel="noopener noreferrer">${this.t('openOriginal')}</a></p>` : nothing}
    </div>`;
  }
}
