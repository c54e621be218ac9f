// A custom adapter: cxdesk on a backend that speaks its own dialect. Here the "legacy API" is faked
// in the page (snake_case fields, its own paging) on top of the demo backend; the adapter maps it.
import '../src/define.js';
import type { CxAdapter, CxDeskElement, Customer, Interaction } from '../src/index.js';

/** The legacy API: snake_case, a `page` number instead of a cursor, `kind` instead of `channel`. */
async function legacyApi(path: string, signal: AbortSignal): Promise<any> {
  const r = await fetch(`/api/cx/${path}`, { signal });
  if (!r.ok) throw Object.assign(new Error(`legacy API answered ${r.status}`), { status: r.status });
  const body = await r.json();
  const snake = (o: any): any =>
    Array.isArray(o) ? o.map(snake) : o && typeof o === 'object' ? Object.fromEntries(Object.entries(o).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), snake(v)])) : o;
  return snake(body);
}

// ---- the adapter: about 40 lines -----------------------------------------------------------------
const adapter: CxAdapter = {
  async getCustomer(id, { signal }) {
    const c = await legacyApi(`customers/${encodeURIComponent(id)}`, signal);
    return {
      id: c.id,
      name: c.name,
      emails: c.emails,
      phones: c.phones,
      company: c.company,
      tier: c.tier,
      segment: c.segment,
      health: c.health && { churnRisk: c.health.churn_risk, csat: c.health.csat, nps: c.health.nps, sentiment: c.health.sentiment },
      openCases: c.open_cases?.map((k: any) => ({ id: k.id, subject: k.subject, status: k.status, priority: k.priority, openedAt: k.opened_at })),
    } satisfies Customer;
  },
  async listInteractions(id, { limit, cursor, channels, search, before, signal }) {
    const q = new URLSearchParams({ limit: String(limit) });
    if (cursor) q.set('cursor', cursor);
    if (channels?.length) q.set('channel', channels.join(','));
    if (search) q.set('q', search);
    if (before) q.set('before', before);
    const page = await legacyApi(`customers/${encodeURIComponent(id)}/interactions?${q}`, signal);
    return {
      items: page.items.map(
        (i: any): Interaction => ({ id: i.id, channel: i.channel, occurredAt: i.occurred_at, subject: i.subject, summary: i.summary, direction: i.direction, body: i.body }),
      ),
      nextCursor: page.next_cursor,
      total: page.total,
      counts: page.counts,
    };
  },
  async getNextActions(id, { signal }) {
    return (await legacyApi(`customers/${encodeURIComponent(id)}/next-actions`, signal)).items;
  },
};
// ----------------------------------------------------------------------------------------------------

document.querySelector<CxDeskElement>('#desk')!.adapter = adapter;
