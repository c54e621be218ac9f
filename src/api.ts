/**
 * The JavaScript API without the elements: what `window.CxDesk` offers the moment the script tag has
 * run, and what `cxdesk` exports besides the element classes and `defineElements`.
 */
export { version } from './version.js';
export { configure, getConfig, adapterProblem } from './config.js';
export type { CxConfig, CxTheme, CxDensity } from './config.js';

export { createMemoryAdapter } from './adapters/memory/memory-adapter.js';
export { createRestAdapter } from './adapters/rest/rest-adapter.js';
export { composeAdapters } from './adapters/compose.js';
export type { ComposedSource, ComposeOptions } from './adapters/compose.js';
export type { RestAdapter, RestAdapterOptions, RestRetryOptions, HeadersSource } from './adapters/rest/rest-adapter.js';
export { clearCache, invalidate } from './data/store.js';
export type { CxCacheOptions, ResourceView } from './data/store.js';
export type { MemoryAdapter, MemoryAdapterOptions, FeedbackRecord } from './adapters/memory/memory-adapter.js';
export type {
  CxAdapter,
  InteractionQuery,
  CustomerLookup,
  ActionFeedback,
  FeedbackOutcome,
} from './adapters/adapter.js';

export {
  CxError,
  NotFoundError,
  AuthError,
  NetworkError,
  TimeoutError,
  InvalidDataError,
  AdapterError,
  isCxError,
  isNotFoundError,
  isAuthError,
  isNetworkError,
  isTimeoutError,
  isInvalidDataError,
  isAdapterError,
  isAbortError,
  toCxError,
} from './model/errors.js';
export type { CxErrorCode, CxSource, CxErrorOptions, DataIssue } from './model/errors.js';

export {
  checkCustomer,
  checkInteraction,
  checkNextAction,
  checkInteractions,
  checkNextActions,
  checkInteractionPage,
  checkLiveEvent,
  formatIssue,
} from './model/schema.js';
export type { DataNotice, RecordResult, ValidatedList } from './model/schema.js';

export { CHANNELS, ACTION_KINDS } from './model/types.js';
export type {
  Channel,
  KnownChannel,
  IsoDate,
  IsoDateTime,
  Money,
  Customer,
  CustomerHealth,
  SentimentPoint,
  Product,
  Order,
  OpenCase,
  Consent,
  ConsentKind,
  CustomerNote,
  CustomerAttribute,
  Company,
  Interaction,
  InteractionBody,
  Attachment,
  Direction,
  NextAction,
  ActionKind,
  InteractionPage,
  LiveEvent,
} from './model/types.js';

export { redactCustomer, redactInteraction, redactNextAction } from './model/redact.js';
export type { CxRedactOptions, RedactPatternName } from './model/redact.js';
export { defaultStrings } from './i18n/strings.js';
export type { CxStrings, CxStringKey, CxText, PluralText } from './i18n/strings.js';

export {
  CxLoadEvent,
  CxErrorEvent,
  CxAuthRequiredEvent,
  CxActionAcceptEvent,
  CxActionDismissEvent,
  CxActionSnoozeEvent,
  CxInteractionSelectEvent,
  CxRevealEvent,
} from './events/events.js';
export type {
  CxLoadDetail,
  CxErrorDetail,
  CxAuthRequiredDetail,
  CxActionDetail,
  CxActionDismissDetail,
  CxActionSnoozeDetail,
  CxInteractionSelectDetail,
  CxRevealDetail,
} from './events/events.js';

export { BUILT_IN_RULES, evaluateRules, rankActions, mergeActions } from './rules/rules.js';
export type { CxRule, CxRuleContext, CxRulesOptions } from './rules/rules.js';
