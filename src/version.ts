/** The version of this copy of cxdesk. Replaced at build time from package.json. */
export const version: string = '0.1.0';
