/**
 * Deterministic demo data for cxdesk: customers, omnichannel interaction
 * histories and next best actions.
 *
 * Plain ES module (JavaScript + JSDoc) so it runs unchanged in Node 20 (demo
 * HTTP backend) and in the browser (dev server with node resolution).
 *
 * Determinism: every function builds its own `Faker` instance seeded from the
 * `seed` argument (plus the customer id where relevant) and never touches
 * Math.random, Date.now or the global `faker`. All instants are computed from
 * the `now` reference (default {@link DEMO_NOW}), so the same arguments always
 * produce byte-identical JSON.
 *
 * Notable customers (default seed, count >= 6):
 *   c-1001 Ada Quinn (ada@example.com): showcase, every optional field, all channels
 *   c-1002 B2B account (Northwind Logistics, Enterprise/Platinum), high churn risk
 *   c-1003 minimal profile (id, name, one email) and no interactions
 *   c-1004 negative sentiment trend
 *   c-1005 product renewing within 30 days
 *   c-1006 open case older than 48 h
 */
import { Faker, en } from '@faker-js/faker';

/** Default reference instant for all generated dates. */
export const DEMO_NOW = '2026-11-20T15:00:00Z';

/**
 * @typedef {import('../../src/model/types.js').Channel} Channel
 * @typedef {import('../../src/model/types.js').Money} Money
 * @typedef {import('../../src/model/types.js').Customer} Customer
 * @typedef {import('../../src/model/types.js').Interaction} Interaction
 * @typedef {import('../../src/model/types.js').NextAction} NextAction
 */
/** @type {Channel[]} */
const CHANNELS = ['phone', 'email', 'chat', 'sms', 'social', 'web', 'app', 'voice_assistant', 'in_person', 'video', 'other'];
const CHANNEL_WEIGHTS = [15, 30, 20, 7, 5, 8, 6, 2, 2, 3, 2];
const DAY = 86_400_000;
const HOUR = 3_600_000;

const PROFILES = [
  { language: 'en-US', timezone: 'America/Los_Angeles', location: 'San Francisco, USA', currency: 'USD', area: '415' },
  { language: 'en-US', timezone: 'America/New_York', location: 'Brooklyn, USA', currency: 'USD', area: '718' },
  { language: 'en-US', timezone: 'America/Chicago', location: 'Austin, USA', currency: 'USD', area: '512' },
  { language: 'en-GB', timezone: 'Europe/London', location: 'Manchester, United Kingdom', currency: 'GBP', area: '212' },
  { language: 'de-DE', timezone: 'Europe/Berlin', location: 'Berlin, Germany', currency: 'EUR', area: '646' },
  { language: 'fr-FR', timezone: 'Europe/Paris', location: 'Lyon, France', currency: 'EUR', area: '617' },
  { language: 'es-ES', timezone: 'Europe/Madrid', location: 'Madrid, Spain', currency: 'EUR', area: '305' },
  { language: 'ja-JP', timezone: 'Asia/Tokyo', location: 'Osaka, Japan', currency: 'USD', area: '206' },
];
const CATALOG = [
  { name: 'Aurora Smart Speaker', plans: ['Standard'] },
  { name: 'Cloud Backup', plans: ['Basic', 'Plus', 'Pro'] },
  { name: 'Premium Support', plans: ['Business', 'Enterprise'] },
  { name: 'Team Workspace', plans: ['Starter', 'Team', 'Enterprise'] },
  { name: 'Home Router X2', plans: ['Care', 'Care Plus'] },
  { name: 'Streaming Plus', plans: ['Monthly', 'Annual'] },
  { name: 'Smart Thermostat', plans: ['Standard', 'Energy Saver'] },
];
const SEGMENTS = ['Consumer', 'Consumer', 'SMB', 'Mid-Market', 'Enterprise'];
const TIERS = ['Bronze', 'Silver', 'Silver', 'Gold', 'Platinum'];
const TAGS = ['vip', 'early-adopter', 'newsletter', 'beta-tester', 'reseller', 'high-value', 'multi-product', 'loyalty-member', 'mobile-first'];
const DOMAINS = ['example.com', 'example.org', 'example.net'];
const NOTE_BODIES = [
  'Prefers short emails with bullet points; dislikes phone follow-ups before 10am.',
  'Escalated twice about delivery delays last quarter; handle shipping issues proactively.',
  'Interested in the annual plan once the team grows beyond 20 seats.',
  'Asked to be notified when the new firmware ships.',
  'Very positive after the last call; good candidate for a case study.',
];
const SOURCES = { phone: 'twilio', sms: 'twilio', voice_assistant: 'twilio', email: 'zendesk', chat: 'intercom', app: 'intercom', social: 'sprinklr', web: 'shopify', in_person: 'salesforce', video: 'zoom', other: 'salesforce' };
const SOURCE_URLS = {
  zendesk: 'https://support.example.com/agent/tickets/', salesforce: 'https://crm.example.com/lightning/r/Case/',
  shopify: 'https://shop.example.com/admin/orders/', twilio: 'https://console.example.com/voice/calls/',
  intercom: 'https://inbox.example.com/conversations/', sprinklr: 'https://social.example.com/messages/', zoom: 'https://meet.example.com/recordings/',
};
const PREFIX = { phone: 'Call: ', video: 'Video call: ', in_person: 'Store visit: ', web: 'Web form: ', app: 'In-app: ', social: 'Social DM: ', voice_assistant: 'Voice assistant: ', other: 'Internal note: ', email: '', chat: '', sms: '' };
const AGENT_LINES = ['Thanks for your patience, I am looking into it now.', 'I have updated your account, you should see the change within a few minutes.', 'Is there anything else I can help you with today?', 'I have escalated this to our specialist team.'];
const FILES = [['invoice.pdf', 'application'], ['damage-photo.jpg', 'image'], ['screenshot.png', 'image'], ['receipt.pdf', 'application'], ['diagnostics.log', 'text']];

/** Conversation topics; `o` = order number, `p` = product name. */
const TOPICS = [
  { tag: 'refund', s: (o) => `Refund for order #${o}`, q: (o) => `I'd like a refund for order #${o}, the item arrived damaged.`, m: (o) => `Refund for order #${o} issued to the original payment method.` },
  { tag: 'shipping', s: (o) => `Where is my order #${o}?`, q: (o) => `My order #${o} still hasn't arrived, can you check?`, m: (o) => `Order #${o} was held at the carrier hub; shared the new delivery estimate.` },
  { tag: 'billing', s: () => 'Double charge on last invoice', q: () => 'I was charged twice this month.', m: () => 'Explained the duplicate authorization; the pending charge drops off within 3 business days.' },
  { tag: 'technical', s: (o, p) => `${p} keeps disconnecting`, q: (o, p) => `My ${p} keeps dropping the connection every evening.`, m: (o, p) => `Walked through a firmware reset for ${p}; connection stable afterwards.` },
  { tag: 'account', s: () => 'Password reset email not arriving', q: () => "I requested a password reset but the email never arrives.", m: () => 'Reset email was caught by a spam filter; sent a new link and confirmed login.' },
  { tag: 'renewal', s: (o, p) => `Question about ${p} renewal`, q: (o, p) => `How much will my ${p} renewal cost?`, m: (o, p) => `Explained renewal pricing for ${p} and the option to switch to annual billing.` },
  { tag: 'upgrade', s: (o, p) => `Upgrade options for ${p}`, q: (o, p) => `What do I get if I upgrade ${p}?`, m: (o, p) => `Customer is interested in upgrading ${p}; sent a plan comparison.` },
  { tag: 'cancellation', s: (o, p) => `Cancel ${p}`, q: (o, p) => `Please cancel my ${p} subscription.`, m: (o, p) => `Customer asked to cancel ${p}; accepted a two-month discount and stayed.` },
  { tag: 'feedback', s: () => 'Feedback on the new app update', q: () => 'The new app looks great but I cannot find notification settings.', m: () => 'Positive feedback on the new dashboard; notification settings are hard to find.' },
  { tag: 'returns', s: (o) => `Return label for order #${o}`, q: (o) => `Can I get a return label for order #${o}?`, m: (o) => `Sent a prepaid return label for order #${o}; refund follows once scanned.` },
  { tag: 'onboarding', s: (o, p) => `Setting up ${p}`, q: (o, p) => `I need help setting up my new ${p}.`, m: (o, p) => `Guided the customer through the initial setup of ${p}.` },
  { tag: 'complaint', s: () => 'Complaint about wait times', q: () => 'I waited 40 minutes on hold yesterday, this is not acceptable.', m: () => 'Apologised for the long hold time and applied a service credit.' },
  { tag: 'address', s: () => 'Update delivery address', q: () => 'I moved, please update my delivery address.', m: () => 'Updated the default delivery address and applied it to open orders.' },
  { tag: 'warranty', s: (o, p) => `Warranty claim for ${p}`, q: (o, p) => `My ${p} stopped working, is it still under warranty?`, m: (o, p) => `Approved a warranty replacement for ${p}; it ships within 2 days.` },
  { tag: 'privacy', s: () => 'Request for personal data export', q: () => 'Please send me a copy of all data you hold about me.', m: () => 'Data export link sent after identity verification.' },
];

/** FNV-1a hash of a string to an unsigned 32-bit integer. */
function hash(str) {
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) h = Math.imul(h ^ str.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
/** A Faker instance seeded from the given numbers (never the global one). */
function makeFaker(...seed) {
  const f = new Faker({ locale: [en] });
  f.seed(seed);
  return f;
}
/** Fast mulberry32 generator seeded from a Faker instance (for bulk loops). */
function fastRng(f) {
  let a = f.number.int({ min: 0, max: 0xffffffff });
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const r2 = (n) => Math.round(n * 100) / 100;
const clamp = (n, lo, hi) => Math.min(hi, Math.max(lo, n));
const iso = (ms) => new Date(ms).toISOString().slice(0, 19) + 'Z';
const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);
const slug = (s) => s.normalize('NFD').replace(/[^a-zA-Z]/g, '').toLowerCase();

/**
 * Generate customer profiles c-1001, c-1002, … (see file header for the notable ones).
 * @param {{ seed?: number, count?: number, now?: string }} [options]
 * @returns {Customer[]}
 */
export function generateCustomers({ seed = 42, count = 12, now = DEMO_NOW } = {}) {
  const f = makeFaker(seed, 1);
  const nowMs = Date.parse(now);
  const usedEmails = new Set(['ada@example.com']);
  const out = [];
  for (let i = 0; i < count; i++) out.push(buildCustomer(f, i, nowMs, usedEmails));
  return out;
}

function buildCustomer(f, i, nowMs, usedEmails) {
  const role = ['showcase', 'b2b', 'minimal', 'negative', 'renewal', 'stale-case'][i] ?? 'regular';
  const id = `c-${1001 + i}`;
  const pick = (arr) => f.helpers.arrayElement(arr);
  const first = role === 'showcase' ? 'Ada' : f.person.firstName();
  const last = role === 'showcase' ? 'Quinn' : f.person.lastName();
  const name = `${first} ${last}`;
  const email = () => {
    let e = `${slug(first)}.${slug(last)}@${pick(DOMAINS)}`;
    if (usedEmails.has(e)) e = e.replace('@', `${1001 + i}@`);
    usedEmails.add(e);
    return e;
  };
  if (role === 'minimal') return { id, name, emails: [email()] };

  const showcase = role === 'showcase';
  const b2b = role === 'b2b';
  const profile = showcase ? PROFILES[0] : b2b ? PROFILES[4] : pick(PROFILES);
  const currency = profile.currency;
  const phone = () => `+1${profile.area}5550${f.number.int({ min: 100, max: 199 })}`;
  const emails = showcase ? ['ada@example.com', 'ada.quinn@example.org'] : b2b ? [email(), `procurement.${1001 + i}@example.net`] : [email()];
  const phones = showcase ? ['+14155550123', '+14155550188'] : f.datatype.boolean(0.7) ? [phone()] : [];

  // Sentiment trend: 8–12 weekly points ending this week.
  const points = f.number.int({ min: 8, max: 12 });
  const [from, to] = role === 'negative' ? [0.45, -0.55] : showcase ? [0.2, 0.55] : b2b ? [0.1, -0.25]
    : [f.number.float({ min: -0.2, max: 0.7 }), f.number.float({ min: -0.2, max: 0.8 })];
  const sentimentTrend = Array.from({ length: points }, (_, k) => ({
    at: iso(nowMs - (points - 1 - k) * 7 * DAY),
    value: r2(clamp(from + ((to - from) * k) / (points - 1) + f.number.float({ min: -0.08, max: 0.08 }), -1, 1)),
  }));
  const churnRisk = b2b ? 0.82 : role === 'negative' ? 0.61 : showcase ? 0.18 : f.number.float({ min: 0.05, max: 0.55, fractionDigits: 2 });

  const productCount = showcase ? 3 : b2b ? 3 : f.number.int({ min: 1, max: 3 });
  const products = (showcase ? [CATALOG[1], CATALOG[3], CATALOG[0]] : b2b ? [CATALOG[3], CATALOG[2], CATALOG[1]] : f.helpers.arrayElements(CATALOG, productCount)).map((p, k) => {
    const status = showcase ? ['active', 'trial', 'active'][k] : k === 0 ? 'active' : pick(['active', 'active', 'trial', 'cancelled', 'past_due']);
    const renewDays = role === 'renewal' && k === 0 ? 12 : status === 'trial' ? f.number.int({ min: 35, max: 44 }) : f.number.int({ min: 35, max: 330 });
    return {
      id: `sub-${f.number.int({ min: 10000, max: 99999 })}`, name: p.name, plan: showcase ? p.plans[k === 0 ? 1 : 0] : b2b ? p.plans[p.plans.length - 1] : pick(p.plans), status,
      since: isoDate(nowMs - (status === 'trial' ? f.number.int({ min: 3, max: 13 }) : f.number.int({ min: 40, max: 1400 })) * DAY),
      ...(status === 'cancelled' ? {} : { renewsAt: isoDate(nowMs + renewDays * DAY) }),
    };
  });

  const orders = Array.from({ length: showcase ? 4 : f.number.int({ min: 0, max: 5 }) }, (_, k) => {
    const ageDays = k === 0 ? f.number.int({ min: 1, max: 9 }) : f.number.int({ min: 10, max: 600 });
    const orderNo = f.number.int({ min: 40000, max: 59999 });
    const status = ageDays < 3 ? pick(['pending', 'paid']) : ageDays < 10 ? 'shipped' : f.datatype.boolean(0.15) ? 'refunded' : 'delivered';
    return { id: String(orderNo), placedAt: iso(nowMs - ageDays * DAY - f.number.int({ min: 0, max: 23 }) * HOUR), total: { amount: f.number.float({ min: 12, max: b2b ? 9800 : 640, fractionDigits: 2 }), currency }, status, url: `https://shop.example.com/orders/${orderNo}` };
  }).sort((a, b) => b.placedAt.localeCompare(a.placedAt));

  const openCases = [];
  const caseNo = () => `CASE-${f.number.int({ min: 2000, max: 2999 })}`;
  if (role === 'stale-case') openCases.push({ id: caseNo(), subject: 'Replacement device never arrived', status: 'open', priority: 'high', openedAt: iso(nowMs - 4 * DAY - 3 * HOUR) });
  else if (showcase) openCases.push({ id: 'CASE-2041', subject: `Refund for order #${orders[0]?.id}`, status: 'pending', priority: 'normal', openedAt: iso(nowMs - 20 * HOUR) });
  else if (b2b) openCases.push({ id: caseNo(), subject: 'SSO outage affecting 140 seats', status: 'on_hold', priority: 'urgent', openedAt: iso(nowMs - 30 * HOUR) });
  else if (f.datatype.boolean(0.3)) openCases.push({ id: caseNo(), subject: pick(TOPICS).s(orders[0]?.id ?? '40001', products[0].name), status: pick(['open', 'pending']), priority: pick(['low', 'normal', 'high']), openedAt: iso(nowMs - f.number.int({ min: 2, max: 40 }) * HOUR) });
  for (const c of openCases) c.url = `https://support.example.com/agent/tickets/${c.id.slice(5)}`;

  const agentName = () => `${f.person.firstName()} ${f.person.lastName()}`;
  const tags = showcase ? ['vip', 'early-adopter', 'multi-product'] : b2b ? ['key-account', 'churn-watch', 'sso'] : f.helpers.arrayElements(TAGS, { min: 0, max: 3 });
  if (role === 'negative') tags.push('detractor');
  const company = showcase ? { id: 'co-301', name: 'Quinn Studio' } : b2b ? { id: 'co-512', name: 'Northwind Logistics' }
    : f.datatype.boolean(0.3) ? { name: f.company.name() } : undefined;
  const customer = {
    id, name, emails, phones, company,
    segment: b2b ? 'Enterprise' : showcase ? 'SMB' : pick(SEGMENTS),
    tier: b2b ? 'Platinum' : showcase ? 'Gold' : pick(TIERS),
    customerSince: showcase ? '2019-03-14' : isoDate(nowMs - f.number.int({ min: 180, max: 3300 }) * DAY),
    lifecycleStage: showcase ? 'active' : b2b || role === 'negative' ? 'at risk' : role === 'renewal' ? 'renewal' : pick(['onboarding', 'active', 'active']),
    lifetimeValue: { amount: b2b ? 184500 : showcase ? 8420.5 : f.number.float({ min: 40, max: 12000, fractionDigits: 2 }), currency },
    preferredChannel: showcase ? 'email' : b2b ? 'phone' : pick(['email', 'email', 'chat', 'phone', 'sms', 'app']),
    language: profile.language, timezone: profile.timezone, location: profile.location, tags,
    health: {
      churnRisk, csat: b2b ? 2.9 : role === 'negative' ? 2.4 : showcase ? 4.7 : f.number.float({ min: 3, max: 5, fractionDigits: 1 }),
      nps: b2b ? -20 : role === 'negative' ? -45 : showcase ? 62 : f.number.int({ min: -30, max: 80 }),
      sentiment: sentimentTrend[points - 1].value, sentimentTrend,
    },
    products, orders, openCases,
    consent: showcase ? { marketingEmail: true, sms: false, phone: true, dataProcessing: true, updatedAt: iso(nowMs - 95 * DAY) }
      : { marketingEmail: f.datatype.boolean(), sms: f.datatype.boolean(0.3), ...(f.datatype.boolean(0.6) ? { phone: true, dataProcessing: true } : {}), updatedAt: iso(nowMs - f.number.int({ min: 5, max: 600 }) * DAY) },
    notes: Array.from({ length: showcase ? 2 : f.number.int({ min: 0, max: 2 }) }, (_, k) => ({
      id: `${id}-n${k + 1}`, author: agentName(), body: pick(NOTE_BODIES), createdAt: iso(nowMs - f.number.int({ min: 1, max: 300 }) * DAY - k * HOUR),
    })),
    attributes: showcase || b2b
      ? [{ label: 'Account manager', value: agentName() }, { label: 'Loyalty points', value: showcase ? '12,480' : 'n/a' }, { label: 'Seats', value: b2b ? '140' : '6' }, { label: 'Preferred contact time', value: 'Mornings' }]
      : f.helpers.arrayElements([{ label: 'Loyalty points', value: String(f.number.int({ min: 100, max: 20000 })) }, { label: 'Device', value: pick(['iOS 18', 'Android 15', 'Windows 11', 'macOS 15']) }, { label: 'Referral code', value: `REF-${f.string.alphanumeric({ length: 6, casing: 'upper' })}` }], { min: 0, max: 3 }),
    updatedAt: iso(nowMs - f.number.int({ min: 1, max: 72 }) * HOUR),
  };
  if (!customer.company) delete customer.company;
  return customer;
}

/**
 * Generate an interaction history for one customer, newest first.
 * Fast path: pools are built once with faker, items are drawn with a seeded mulberry32.
 * @param {Customer} customer
 * @param {{ seed?: number, count?: number, now?: string }} [options]
 * @returns {Interaction[]}
 */
export function generateInteractions(customer, { seed = 42, count = 60, now = DEMO_NOW } = {}) {
  const f = makeFaker(seed, hash(customer.id), 2);
  const rng = fastRng(f);
  const nowMs = Date.parse(now);
  const pick = (arr) => arr[(rng() * arr.length) | 0];
  const agents = Array.from({ length: 8 }, (_, k) => ({ id: `a-${201 + k}`, name: `${f.person.firstName()} ${f.person.lastName()}` }));
  const bot = { id: 'a-bot', name: 'Cleo (virtual agent)' };
  const orderNos = customer.orders?.length ? customer.orders.map((o) => o.id) : Array.from({ length: 6 }, () => String(f.number.int({ min: 40000, max: 59999 })));
  const productNames = customer.products?.length ? customer.products.map((p) => p.name) : f.helpers.arrayElements(CATALOG, 2).map((p) => p.name);
  const openCaseIds = (customer.openCases ?? []).map((c) => c.id);
  const firstName = String(customer.name).split(' ')[0];
  const trend = customer.health?.sentimentTrend ?? [];
  const sNow = customer.health?.sentiment ?? 0.2;
  const sOld = trend[0]?.value ?? sNow;
  const cum = [];
  CHANNEL_WEIGHTS.reduce((acc, w, k) => (cum[k] = acc + w), 0);
  const total = cum[cum.length - 1];
  const coverAll = count >= CHANNELS.length;

  // Ages in seconds: squared uniform over ~2 years (denser recently), with same-day bursts.
  const span = 730 * 86400;
  const ages = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    ages[i] = i > 0 && rng() < 0.3 ? ages[i - 1] + 300 + Math.floor(rng() * 6 * 3600) : 600 + Math.floor(span * rng() * rng());
  }
  // Channel per chronological slot; `coverAll` guarantees every channel at least once.
  const channels = new Array(count);
  for (let i = 0; i < count; i++) {
    const x = rng() * total;
    let k = 0;
    while (cum[k] <= x) k++;
    channels[i] = CHANNELS[k];
  }
  if (coverAll) for (let k = 0; k < CHANNELS.length; k++) channels[Math.floor((k * count) / CHANNELS.length)] = CHANNELS[k];
  const order = Array.from(ages.keys()).sort((a, b) => ages[a] - ages[b]);

  const out = new Array(count);
  for (let n = 0; n < count; n++) {
    const i = order[n];
    const ageSec = ages[i];
    const channel = channels[i];
    const o = pick(orderNos);
    const p = pick(productNames);
    const topic = pick(TOPICS);
    const recency = 1 - ageSec / span;
    const direction = channel === 'other' ? 'internal' : channel === 'web' || channel === 'voice_assistant' || channel === 'in_person' ? 'inbound' : rng() < 0.65 ? 'inbound' : 'outbound';
    const missed = channel === 'phone' && direction === 'inbound' && rng() < 0.08;
    const status = missed ? 'missed' : ageSec < 3 * 86400 && rng() < 0.6 ? pick(['open', 'pending']) : rng() < 0.75 ? 'resolved' : 'closed';
    const agent = channel === 'chat' && rng() < 0.25 ? bot : pick(agents);
    const source = SOURCES[channel];
    const num = 100000 + ((rng() * 900000) | 0);
    const item = {
      id: `${customer.id}-i${count - n}`, channel, occurredAt: iso(nowMs - ageSec * 1000), direction,
      subject: missed ? 'Missed call' : (direction === 'outbound' && channel === 'email' ? 'Re: ' : PREFIX[channel]) + topic.s(o, p),
      summary: missed ? `${firstName} called outside business hours and left a voicemail.` : topic.m(o, p),
      status,
      sentiment: r2(clamp(sOld + (sNow - sOld) * recency + (rng() - 0.5) * 0.6, -1, 1)),
      tags: [topic.tag], source, url: SOURCE_URLS[source] + num,
    };
    if (!missed || rng() < 0.5) item.agent = agent;
    if (channel === 'email') {
      item.body = direction === 'inbound'
        ? { html: `<p>Hello,</p><p>${topic.q(o, p)}</p><p>Thanks,<br>${customer.name}</p>` }
        : { html: `<p>Hi ${firstName},</p><p>${topic.m(o, p)}</p><p>You can review the details <a href="https://support.example.com/requests/${num}">in your support portal</a>.</p><p>Best regards,<br><b>${agent.name}</b></p>` };
    } else if (channel === 'chat' || channel === 'sms' || channel === 'social' || channel === 'app') {
      item.body = { text: `${firstName}: ${topic.q(o, p)}\n${agent.name.split(' ')[0]}: ${pick(AGENT_LINES)}\n${firstName}: Thanks!` };
    } else if (channel === 'other') {
      item.body = { text: `Internal: ${topic.m(o, p)} Follow up if the customer writes again.` };
    }
    if (channel === 'phone' || channel === 'video' || channel === 'voice_assistant') item.durationSec = missed ? 0 : 30 + ((rng() * (channel === 'voice_assistant' ? 120 : 1500)) | 0);
    if (openCaseIds.length && ageSec < 14 * 86400 && rng() < 0.5) item.caseId = pick(openCaseIds);
    else if (rng() < 0.35) item.caseId = `CASE-${1000 + ((rng() * 1900) | 0)}`;
    if ((channel === 'email' || channel === 'chat' || channel === 'app') && rng() < 0.1) {
      const [name, kind] = pick(FILES);
      item.attachments = [{ name, url: `https://files.example.com/${customer.id}/${num}/${name}`, size: (kind === 'image' ? 200000 : 8000) + ((rng() * 900000) | 0) }];
    }
    out[n] = item;
  }
  return out;
}

/**
 * Generate 2–5 next best actions for a customer, highest priority first.
 * @param {Customer} customer
 * @param {{ seed?: number, now?: string }} [options]
 * @returns {NextAction[]}
 */
export function generateNextActions(customer, { seed = 42, now = DEMO_NOW } = {}) {
  const f = makeFaker(seed, hash(customer.id), 3);
  const nowMs = Date.parse(now);
  const h = customer.health;
  const consent = customer.consent ?? {};
  const owned = customer.products ?? [];
  const product = owned.find((p) => p.status === 'active' && CATALOG.some((x) => x.name === p.name && x.plans.indexOf(p.plan) < x.plans.length - 1));
  const nextPlan = (p) => { const plans = CATALOG.find((x) => x.name === p.name)?.plans ?? []; return plans[plans.indexOf(p.plan) + 1]; };
  const unowned = CATALOG.filter((x) => !owned.some((p) => p.name === x.name));
  const extra = unowned.length ? f.helpers.arrayElement(unowned) : undefined;
  const days = (n) => iso(nowMs + n * DAY);
  /** @type {Array<Record<string, any>>} */
  const c = [];
  const stale = customer.openCases?.find((x) => nowMs - Date.parse(x.openedAt) > 48 * HOUR);
  if (stale) c.push({ title: `Escalate ${stale.id}`, kind: 'service', priority: 95, channel: 'email', expiresAt: days(1), reason: `${stale.id} "${stale.subject}" has been open for ${Math.floor((nowMs - Date.parse(stale.openedAt)) / DAY)} days without resolution.`, payload: { workflow: 'case-escalation', caseId: stale.id } });
  if (h && h.churnRisk > 0.6) c.push({ title: 'Offer a loyalty discount', kind: 'retention', priority: 90, channel: customer.preferredChannel === 'phone' ? 'phone' : 'email', expiresAt: days(7), requiresConsent: customer.preferredChannel === 'phone' ? 'phone' : 'marketingEmail', reason: `Churn risk is ${Math.round(h.churnRisk * 100)}% and NPS is ${h.nps}.`, payload: { workflow: 'retention-offer', offerId: 'OFF-10' } });
  const t = h?.sentimentTrend;
  if (t && t.length > 1 && t[t.length - 1].value < t[0].value - 0.3) c.push({ title: 'Check in with a personal call', kind: 'follow_up', priority: 80, channel: 'phone', requiresConsent: 'phone', expiresAt: days(5), reason: `Sentiment fell from ${t[0].value} to ${t[t.length - 1].value} over the last ${t.length} weeks.`, payload: { workflow: 'check-in-call' } });
  const fresh = customer.openCases?.find((x) => x !== stale);
  if (fresh) c.push({ title: `Follow up on ${fresh.id}`, kind: 'service', priority: 75, channel: customer.preferredChannel ?? 'email', expiresAt: days(2), reason: `${fresh.id} "${fresh.subject}" is ${fresh.status.replace('_', ' ')} with ${fresh.priority ?? 'normal'} priority.`, payload: { workflow: 'case-follow-up', caseId: fresh.id } });
  const renewing = customer.products?.find((p) => p.renewsAt && Date.parse(p.renewsAt) - nowMs < 30 * DAY);
  if (renewing) c.push({ title: `Confirm ${renewing.name} renewal`, kind: 'retention', priority: 85, channel: 'email', expiresAt: renewing.renewsAt + 'T00:00:00Z', reason: `${renewing.name} (${renewing.plan ?? 'current plan'}) renews on ${renewing.renewsAt}.`, payload: { workflow: 'renewal-reminder', subscriptionId: renewing.id } });
  const trial = customer.products?.find((p) => p.status === 'trial');
  if (trial || customer.lifecycleStage === 'onboarding')
    c.push({ title: `Send the ${trial?.name ?? 'getting started'} setup guide`, kind: 'education', priority: 55, channel: 'email', expiresAt: days(14), reason: trial ? `${trial.name} trial started on ${trial.since}; guided setup improves conversion.` : 'Customer is still onboarding; guided setup improves activation.', payload: { workflow: 'send-article', articleId: 'KB-1187' } });
  if (product && (customer.tier === 'Gold' || customer.tier === 'Platinum' || customer.segment === 'SMB')) c.push({ title: `Offer ${product.name} ${nextPlan(product)} upgrade`, kind: 'upsell', priority: 60, channel: 'email', requiresConsent: 'marketingEmail', expiresAt: days(21), reason: `${customer.tier ?? 'Loyal'} customer on the ${product.name} ${product.plan ?? 'standard'} plan with CSAT ${h?.csat ?? 'n/a'}/5.`, payload: { workflow: 'upsell-offer', offerId: 'OFF-22', productId: product.id } });
  if (customer.orders?.length && extra) c.push({ title: `Recommend ${extra.name}`, kind: 'cross_sell', priority: 45, channel: 'sms', requiresConsent: 'sms', expiresAt: days(30), reason: `${customer.orders.length} order${customer.orders.length > 1 ? 's' : ''} placed (latest #${customer.orders[0].id}) and no ${extra.name} yet.`, payload: { workflow: 'cross-sell', offerId: 'OFF-31' } });
  if (consent.dataProcessing !== true) c.push({ title: 'Request data-processing consent', kind: 'compliance', priority: 70, channel: 'email', reason: 'No data-processing consent on file for this customer.', payload: { workflow: 'consent-request' } });
  if ((customer.orders?.length ?? 0) > 0 && h && h.csat < 4) c.push({ title: 'Send a satisfaction survey', kind: 'follow_up', priority: 40, channel: 'email', expiresAt: days(10), reason: `CSAT is ${h.csat}/5 after the latest orders.`, payload: { workflow: 'csat-survey' } });
  if (!customer.phones?.length) c.push({ title: 'Complete the customer profile', kind: 'other', priority: 30, channel: 'chat', reason: 'No phone number or preferences recorded yet.', payload: { workflow: 'profile-completion' } });
  c.push({ title: 'Share the new self-service portal', kind: 'education', priority: 20, channel: 'email', expiresAt: days(45), reason: `${customer.name.split(' ')[0]} can track orders and cases online.`, payload: { workflow: 'send-article', articleId: 'KB-1002' } });

  const n = Math.min(c.length, customer.id === 'c-1001' ? 4 : f.number.int({ min: 2, max: 5 }));
  return c.sort((a, b) => b.priority - a.priority).slice(0, Math.max(2, n)).map((a, k) => ({
    id: `${customer.id}-nba${k + 1}`, title: a.title, reason: a.reason, kind: a.kind,
    priority: clamp(a.priority + f.number.int({ min: -4, max: 4 }), 10, 100),
    confidence: f.number.float({ min: 0.55, max: 0.97, fractionDigits: 2 }), channel: a.channel,
    ...(a.expiresAt ? { expiresAt: a.expiresAt } : {}), ...(a.requiresConsent ? { requiresConsent: a.requiresConsent } : {}),
    payload: a.payload, source: 'crm',
  })).sort((a, b) => b.priority - a.priority);
}

/**
 * Generate the full demo data set. Interaction counts vary per customer:
 * the showcase gets `interactionsPerCustomer * 2`, the minimal one none.
 * @param {{ seed?: number, customers?: number, interactionsPerCustomer?: number, now?: string }} [options]
 * @returns {{ customers: Customer[], interactions: Record<string, Interaction[]>, nextActions: Record<string, NextAction[]> }}
 */
export function generateDataset({ seed = 42, customers = 12, interactionsPerCustomer = 60, now = DEMO_NOW } = {}) {
  const list = generateCustomers({ seed, count: customers, now });
  const f = makeFaker(seed, 4);
  const per = interactionsPerCustomer;
  /** @type {Record<string, Interaction[]>} */
  const interactions = {};
  /** @type {Record<string, NextAction[]>} */
  const nextActions = {};
  list.forEach((customer, i) => {
    const size = f.helpers.arrayElement(['few', 'medium', 'many']);
    const count = i === 0 ? per * 2 : i === 2 ? 0 : i === 1 ? Math.round(per * 1.5) : i === 3 ? per
      : size === 'few' ? f.number.int({ min: 2, max: 6 }) : size === 'medium' ? f.number.int({ min: Math.floor(per / 2), max: per }) : f.number.int({ min: per, max: per * 2 });
    interactions[customer.id] = generateInteractions(customer, { seed, count, now });
    nextActions[customer.id] = generateNextActions(customer, { seed, now });
  });
  return { customers: list, interactions, nextActions };
}
