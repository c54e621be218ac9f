/**
 * The words cxdesk shows to agents. Every key can be overridden, for one desk (`<cx-desk>.strings`)
 * or globally (`configure({ strings })`). `{name}` placeholders are filled in; a value may be a
 * plural set `{ one, other, … }` chosen by `Intl.PluralRules` for `{count}`.
 */

/** A plural set keyed by `Intl.PluralRules` categories; `other` is required. */
export type PluralText = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type CxText = string | PluralText;

export const defaultStrings = {
  loading: 'Loading…',
  loadingCustomer: 'Loading customer…',
  lookingUpCustomer: 'Looking up the customer…',
  retry: 'Try again',
  noCustomer: 'No customer selected.',
  noCustomerFound: 'No customer found for {query}.',
  lookupUnsupported: 'This data source cannot look customers up by email, phone or reference. Set customer-id instead.',
  noAdapter:
    'No data source is configured. Set an adapter with CxDesk.configure({ adapter }) or on <cx-desk>.adapter.',
  badAdapter: 'The data source is not usable: {problem}',
  errorNotFound: 'This customer was not found. They may have been deleted or merged.',
  errorUnauthorized: 'Your session has expired. Sign in again to see this customer.',
  errorForbidden: 'You do not have access to this customer. Ask an administrator if you need it.',
  errorNetwork: 'Cannot reach the customer data service. Check your connection.',
  errorTimeout: 'The customer data service took too long to answer.',
  errorInvalidData: 'The customer data service sent data that cannot be shown.',
  errorAdapter: 'The customer data service failed to answer.',
  invalidRecords: { one: '1 record could not be shown', other: '{count} records could not be shown' },
  droppedDetails: { one: '1 detail could not be shown', other: '{count} details could not be shown' },
  regionCustomer: 'Customer',
  regionDesk: 'Customer context',
  contactPoints: 'Contact',
  emailLabel: 'Email {value}',
  phoneLabel: 'Call {value}',
  company: 'Company',
  segment: 'Segment',
  tier: 'Tier',
  avatarOf: 'Picture of {name}',
  copy: 'Copy',
  reveal: 'Show',
  revealLabel: 'Show the hidden value',
  revealed: 'Shown: {value}',
  copyLabel: 'Copy {value}',
  copied: 'Copied {value}',
  copyFailed: 'Could not copy. Select the text and copy it by hand.',
  customerSince: 'Customer since {date}',
  localTime: '{time} local time',
  preferredChannel: 'Prefers {channel}',
  speaks: 'Speaks {language}',
  sectionHealth: 'Value and health',
  sectionProducts: 'Products',
  sectionOrders: 'Recent orders',
  sectionCases: 'Open cases',
  sectionConsent: 'Consent',
  sectionNotes: 'Notes',
  sectionDetails: 'Details',
  sectionTags: 'Tags',
  lifetimeValue: 'Lifetime value',
  churnRisk: 'Churn risk',
  churnLow: 'Low',
  churnMedium: 'Medium',
  churnHigh: 'High',
  csat: 'CSAT',
  csatValue: '{value} / 5',
  nps: 'NPS',
  sentiment: 'Sentiment',
  sentimentPositive: 'Positive',
  sentimentNeutral: 'Neutral',
  sentimentNegative: 'Negative',
  trendRising: 'Sentiment over {span}: rising from {from} to {to}',
  trendFalling: 'Sentiment over {span}: falling from {from} to {to}',
  trendSteady: 'Sentiment over {span}: steady around {to}',
  productSince: 'since {date}',
  renewsOn: 'renews {date}',
  renewsSoon: 'renews {when}',
  orderPlaced: 'placed {date}',
  caseOpened: 'opened {when}',
  priority: '{priority} priority',
  consentMarketingEmail: 'Marketing email',
  consentSms: 'SMS',
  consentPhone: 'Phone calls',
  consentDataProcessing: 'Data processing',
  consentGiven: 'Agreed',
  consentRefused: 'Declined',
  consentUnknown: 'Not known',
  consentUpdated: 'Last changed {date}',
  noteBy: '{author}, {when}',
  yes: 'Yes',
  no: 'No',
  days: { one: '{count} day', other: '{count} days' },
  weeks: { one: '{count} week', other: '{count} weeks' },
  channelPhone: 'phone',
  channelEmail: 'email',
  channelChat: 'chat',
  channelSms: 'SMS',
  channelSocial: 'social media',
  channelWeb: 'web',
  channelApp: 'app',
  channelVoiceAssistant: 'voice assistant',
  channelInPerson: 'in person',
  channelVideo: 'video',
  channelOther: 'other',
  regionHistory: 'Interaction history',
  loadingHistory: 'Loading interactions…',
  historyEmpty: 'No interactions yet.',
  historyEmptyChannels: 'No interactions on {channels} yet.',
  historyNoMatch: 'Nothing matches “{query}”.',
  historyNoneBefore: 'No interactions before {date}.',
  interactionsLabel: 'Interactions',
  searchLabel: 'Search interactions',
  searchPlaceholder: 'Search',
  jumpToDate: 'Jump to date',
  backToNewest: 'Back to newest',
  channelsLabel: 'Filter by channel',
  newItems: { one: '1 new', other: '{count} new' },
  liveAnnounce: 'New {channel} interaction: {summary}',
  loadingMore: 'Loading older interactions…',
  loadMoreFailed: 'Older interactions could not be loaded.',
  directionInbound: 'inbound',
  directionOutbound: 'outbound',
  directionInternal: 'internal',
  today: 'Today',
  yesterday: 'Yesterday',
  durationMinutes: '{minutes} min',
  durationSeconds: '{seconds} s',
  byAgent: 'by {agent}',
  viaSource: 'via {source}',
  backToList: 'Back to the list',
  showImages: { one: 'Show 1 image', other: 'Show {count} images' },
  imagesBlocked: 'Images and remote content are hidden to protect privacy.',
  attachments: 'Attachments',
  openOriginal: 'Open the original',
  emailViewerFailed: 'This email could not be displayed safely; showing its text.',
  noBody: 'No message body.',
  openInteraction: 'Open',
  regionActions: 'Suggested next actions',
  loadingActions: 'Loading suggestions…',
  actionsEmpty: 'No suggestions right now.',
  accept: 'Accept',
  dismiss: 'Dismiss',
  snooze: 'Snooze',
  cancel: 'Cancel',
  confirmDismiss: 'Dismiss it',
  dismissQuestion: 'Why dismiss it?',
  dismissOther: 'Other reason',
  reasonNotRelevant: 'Not relevant',
  reasonAlreadyDone: 'Already done',
  reasonCustomerDeclined: 'Customer declined',
  reasonBadTiming: 'Not the right time',
  snoozeQuestion: 'Snooze until',
  snoozeHour: 'In 1 hour',
  snoozeTomorrow: 'Tomorrow morning',
  snoozeNextWeek: 'Next week',
  snoozeAt: 'Pick a time',
  snoozeConfirm: 'Snooze',
  why: 'Why',
  confidenceHigh: 'High confidence ({value})',
  confidenceMedium: 'Medium confidence ({value})',
  confidenceLow: 'Low confidence ({value})',
  viaChannel: 'by {channel}',
  expires: 'expires {when}',
  fromSource: 'from {source}',
  fromRules: 'from local rules',
  kindService: 'Service',
  kindRetention: 'Retention',
  kindUpsell: 'Upsell',
  kindCrossSell: 'Cross-sell',
  kindFollowUp: 'Follow-up',
  kindEducation: 'Education',
  kindCompliance: 'Compliance',
  kindOther: 'Other',
  heldBack: { one: '1 suggestion held back for consent', other: '{count} suggestions held back for consent' },
  needsConsent: 'needs consent for {consent}: {state}',
  consentRefusedShort: 'declined',
  consentUnknownShort: 'not known',
  accepted: 'Accepted: {title}',
  dismissed: 'Dismissed: {title}',
  snoozed: 'Snoozed until {when}: {title}',
  feedbackQueued: { one: '1 decision waits to be sent', other: '{count} decisions wait to be sent' },
  asOf: 'As of {when}',
  asOfRefreshing: 'As of {when} · refreshing…',
  offlineShowing: 'Offline — showing data from {when}',
  refreshFailed: 'Could not refresh: {reason} Showing data from {when}.',
} satisfies Record<string, CxText>;

export type CxStringKey = keyof typeof defaultStrings;
/** The full catalog. Pass a `Partial<CxStrings>` to override some keys. */
export type CxStrings = Record<CxStringKey, CxText>;

const pluralCache = new Map<string, Intl.PluralRules>();

function pluralRules(locale: string): Intl.PluralRules {
  let rules = pluralCache.get(locale);
  if (!rules) {
    try {
      rules = new Intl.PluralRules(locale);
    } catch {
      rules = new Intl.PluralRules('en');
    }
    pluralCache.set(locale, rules);
  }
  return rules;
}

/** Fills `{name}` placeholders; unknown placeholders stay visible so a typo in an override shows. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : m,
  );
}

/** Resolves one string for a locale: picks the plural form, fills placeholders. */
export function translate(
  catalog: Partial<Record<string, unknown>>,
  key: CxStringKey,
  params: Record<string, string | number> = {},
  locale = 'en',
): string {
  let text = catalog[key];
  if (!isText(text)) text = defaultStrings[key];
  if (typeof text !== 'string') {
    const set = text as PluralText;
    const count = typeof params['count'] === 'number' ? params['count'] : 0;
    const category = pluralRules(locale).select(count);
    text = set[category] ?? set.other;
  }
  return fill(text as string, params);
}

function isText(x: unknown): x is CxText {
  return typeof x === 'string' || (typeof x === 'object' && x !== null && typeof (x as PluralText).other === 'string');
}

/** Keeps only the overrides that are strings or plural sets, and names the ones that are not. */
export function checkStrings(input: unknown): { strings: Partial<CxStrings>; problems: string[] } {
  const strings: Partial<CxStrings> = {};
  const problems: string[] = [];
  if (input === undefined || input === null) return { strings, problems };
  if (typeof input !== 'object') return { strings, problems: ['strings must be an object of text by key'] };
  for (const [key, value] of Object.entries(input)) {
    if (!(key in defaultStrings)) problems.push(`strings.${key} is not a known key`);
    else if (!isText(value)) problems.push(`strings.${key} must be text or { one, other } plural text`);
    else strings[key as CxStringKey] = value;
  }
  return { strings, problems };
}
