import { css } from 'lit';

const darkPalette = css`
    --_d-surface: #15181d;
    --_d-surface-raised: #1e232a;
    --_d-text: #e8eaed;
    --_d-text-muted: #a9b1bc;
    --_d-border: #353c46;
    --_d-accent: #8fb0ff;
    --_d-on-accent: #0b1530;
    --_d-danger: #ff9b91;
    --_d-danger-surface: #3a1a17;
    --_d-warning: #f2c46d;
    --_d-success: #6fd3a3;
    --_d-focus: #8fb0ff;
    --_d-skeleton: #2a3038;
    color-scheme: dark;
`;

/**
 * Design tokens, in two layers: public `--cx-*` custom properties (set them anywhere above the
 * element; they inherit through shadow roots) map onto private `--_*` variables on `:host`. The
 * light and dark palettes only change the fallbacks, so a host's own tokens win in both themes.
 */
export const themeStyles = css`
  :host {
    --_d-surface: #ffffff;
    --_d-surface-raised: #f5f6f8;
    --_d-text: #1b1f24;
    --_d-text-muted: #545d69;
    --_d-border: #d5dae1;
    --_d-accent: #2450c7;
    --_d-on-accent: #ffffff;
    --_d-danger: #b42318;
    --_d-danger-surface: #fdf0ef;
    --_d-warning: #8a5a00;
    --_d-success: #18794e;
    --_d-focus: #2450c7;
    --_d-skeleton: #e7eaee;
    color-scheme: light;
  }
  :host([cx-theme='dark']) {
    ${darkPalette}
  }
  @media (prefers-color-scheme: dark) {
    :host([cx-theme='auto']) {
      ${darkPalette}
    }
  }
  :host {
    --_surface: var(--cx-color-surface, var(--_d-surface));
    --_surface-raised: var(--cx-color-surface-raised, var(--_d-surface-raised));
    --_text: var(--cx-color-text, var(--_d-text));
    --_text-muted: var(--cx-color-text-muted, var(--_d-text-muted));
    --_border: var(--cx-color-border, var(--_d-border));
    --_accent: var(--cx-color-accent, var(--_d-accent));
    --_on-accent: var(--cx-color-on-accent, var(--_d-on-accent));
    --_danger: var(--cx-color-danger, var(--_d-danger));
    --_danger-surface: var(--cx-color-danger-surface, var(--_d-danger-surface));
    --_warning: var(--cx-color-warning, var(--_d-warning));
    --_success: var(--cx-color-success, var(--_d-success));
    --_focus: var(--cx-color-focus, var(--_d-focus));
    --_skeleton: var(--cx-color-skeleton, var(--_d-skeleton));
    --_font: var(--cx-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--cx-font-size, 14px);
    --_radius: var(--cx-radius, 8px);
    --_space: var(--cx-space, 12px);
    --_gap: calc(var(--_space) * 0.66);
    --_line-height: 1.45;

    display: block;
    /*
     * Guarded against host-page CSS (resets, '* { … !important }'): inside a shadow root, an important
     * :host declaration wins over the page's. Spacing around the element belongs to the page's layout
     * (wrap it or use gap); fonts and colours come through the --cx-* tokens.
     */
    margin: 0 !important;
    padding: 0 !important;
    border: 0 !important;
    box-sizing: border-box !important;
    font-family: var(--_font) !important;
    font-size: var(--_font-size) !important;
    font-weight: normal !important;
    font-style: normal !important;
    line-height: var(--_line-height) !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-transform: none !important;
    text-indent: 0 !important;
    text-shadow: none !important;
    white-space: normal !important;
    color: var(--_text) !important;
    text-align: start !important;
    visibility: visible;
  }
  :host([cx-density='compact']) {
    --_space: var(--cx-space-compact, 8px);
    --_font-size: var(--cx-font-size-compact, 13px);
    --_line-height: 1.3;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  a {
    color: var(--_accent);
  }
  button {
    font: inherit;
  }
  input {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    padding: 2px 6px;
    min-inline-size: 0;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/** The loading, empty, error and notice states every element shows the same way. */
export const stateStyles = css`
  .state {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_gap);
    padding: var(--_space);
    color: var(--_text-muted);
  }
  .state[data-kind='error'] {
    color: var(--_danger);
    background: var(--_danger-surface);
    border-radius: var(--_radius);
  }
  .state p {
    margin: 0;
  }
  .skeleton {
    display: grid;
    gap: var(--_gap);
    inline-size: 100%;
  }
  .skeleton span {
    display: block;
    block-size: 0.8em;
    border-radius: 4px;
    background: var(--_skeleton);
    animation: cx-pulse 1.4s ease-in-out infinite;
  }
  .skeleton span:nth-child(1) {
    inline-size: 60%;
    block-size: 1.1em;
  }
  .skeleton span:nth-child(2) {
    inline-size: 85%;
  }
  .skeleton span:nth-child(3) {
    inline-size: 40%;
  }
  @keyframes cx-pulse {
    50% {
      opacity: 0.45;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton span {
      animation: none;
    }
  }
  .retry {
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    background: transparent;
    color: inherit;
    padding: calc(var(--_space) * 0.33) var(--_space);
    cursor: pointer;
  }
  .freshness {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--_gap);
    margin: 0 0 var(--_gap);
    color: var(--_text-muted);
    font-size: 0.9em;
  }
  .freshness[data-kind='failed'],
  .freshness[data-kind='offline'] {
    color: var(--_warning);
  }
  .link {
    border: 0;
    padding: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
  }
  .notices {
    margin-block-start: var(--_gap);
    color: var(--_text-muted);
    font-size: 0.9em;
  }
  .notices summary {
    cursor: pointer;
  }
  .notices ul {
    margin: 0;
    padding-inline-start: 1.2em;
    overflow-wrap: anywhere;
  }
`;
