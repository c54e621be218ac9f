/**
 * `cxdesk/testing`: the contract test kit for adapters. Registers nothing and loads no element.
 */
export { testAdapter } from './testing/test-adapter.js';
export type { TestAdapterOptions, TestAdapterResult } from './testing/test-adapter.js';
