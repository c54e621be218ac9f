/**
 * What `<cx-desk>` provides to the elements inside it. The context key is a fresh `Symbol` per copy
 * of cxdesk, so two copies on one page never cross-wire.
 */
import { createContext } from '@lit/context';
import type { CxAdapter } from './adapters/adapter.js';
import type { CxDensity, CxTheme } from './config.js';
import type { CxStrings } from './i18n/strings.js';
import type { CxError } from './model/errors.js';
import type { CxCacheOptions } from './data/store.js';
import type { CxRulesOptions } from './rules/rules.js';
import type { CxRedactOptions } from './model/redact.js';

/** How a `customer-email` / `customer-phone` / `customer-ref` lookup is going. */
export interface CustomerLookupState {
  status: 'pending' | 'found' | 'not-found' | 'error' | 'unsupported';
  /** What was looked up, for messages ("no customer found for ada@example.com"). */
  query: string;
  error?: CxError;
}

export interface DeskContextValue {
  adapter: CxAdapter | undefined;
  /** Resolved customer id, once known. */
  customerId: string | undefined;
  lookup: CustomerLookupState | undefined;
  locale: string;
  theme: CxTheme;
  density: CxDensity;
  strings: Partial<CxStrings>;
  cacheOptions: CxCacheOptions | undefined;
  rules: CxRulesOptions | undefined;
  redact: CxRedactOptions | undefined;
  /** Tag names of this desk's element family (they follow its prefix). */
  tags: ElementTags;
}

export interface ElementTags {
  desk: string;
  customerPanel: string;
  interactionHistory: string;
  nextActions: string;
}

export const deskContext = createContext<DeskContextValue | undefined>(Symbol('cxdesk.desk'));
