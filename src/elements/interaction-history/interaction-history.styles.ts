import { css } from 'lit';

/** Row heights in px, per density; the virtual list's arithmetic and the CSS below use the same numbers. */
export const ROW_HEIGHTS = {
  comfortable: { day: 28, item: 72 },
  compact: { day: 24, item: 52 },
} as const;

export const interactionHistoryStyles = css`
  :host {
    --_item-h: 72px;
    --_day-h: 28px;
    block-size: var(--cx-history-height, 512px);
    container-type: inline-size;
    container-name: cx-history;
  }
  :host([cx-density='compact']) {
    --_item-h: 52px;
    --_day-h: 24px;
  }
  .base {
    display: flex;
    flex-direction: column;
    block-size: 100%;
    min-block-size: 192px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    gap: var(--_gap);
    min-inline-size: 0;
    position: relative;
  }
  .toolbar {
    display: grid;
    gap: var(--_gap);
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 1px 8px;
    background: var(--_surface-raised);
    color: var(--_text);
    font-size: 0.85em;
    cursor: pointer;
  }
  .chip[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .chip .n {
    opacity: 0.8;
  }
  .icon {
    inline-size: 1.1em;
    block-size: 1.1em;
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.8;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .search-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
    align-items: center;
  }
  .search {
    flex: 1 1 8em;
  }
  .viewport {
    position: relative;
    flex: 1;
    min-block-size: 0;
    display: flex;
    flex-direction: column;
  }
  /* the pinned day header and the day separators in the list look alike */
  .day-header,
  .day {
    box-sizing: border-box;
    block-size: var(--_day-h);
    line-height: var(--_day-h);
    padding-inline: 4px;
    font-size: 0.8em;
    font-weight: 600;
    color: var(--_text-muted);
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .day-header {
    position: absolute;
    inset-block-start: 0;
    inset-inline: 0;
    z-index: 1;
    background: var(--_surface);
    border-block-end: 1px solid var(--_border);
    pointer-events: none;
  }
  .list {
    flex: 1;
    min-block-size: 0;
    overflow-y: auto;
    overflow-anchor: none;
    overscroll-behavior: contain;
    outline-offset: -2px;
  }
  .spacer {
    block-size: 0;
  }
  .day {
    background: var(--_surface-raised);
  }
  .item {
    box-sizing: border-box;
    block-size: var(--_item-h);
    padding: 6px 4px;
    border-block-end: 1px solid var(--_border);
    overflow: hidden;
    cursor: pointer;
    display: grid;
    align-content: start;
    gap: 1px;
  }
  .item:hover {
    background: var(--_surface-raised);
  }
  .item:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  .line1 {
    display: flex;
    align-items: center;
    gap: 6px;
    min-inline-size: 0;
    font-size: 0.85em;
    color: var(--_text-muted);
    white-space: nowrap;
  }
  .channel {
    color: var(--_text);
    font-weight: 600;
  }
  .channel,
  .chip span:first-of-type {
    text-transform: capitalize;
  }
  .line1 .meta {
    flex: 1;
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .line1 time {
    flex: none;
  }
  .mood {
    inline-size: 0.5em;
    block-size: 0.5em;
    border-radius: 50%;
    background: var(--_text-muted);
    flex: none;
  }
  .mood[data-mood='positive'] {
    background: var(--_success);
  }
  .mood[data-mood='negative'] {
    background: var(--_danger);
  }
  .title,
  .summary {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .summary {
    color: var(--_text-muted);
    font-size: 0.9em;
  }
  :host([cx-density='compact']) .summary {
    display: none;
  }
  mark {
    background: color-mix(in srgb, var(--_warning) 35%, transparent);
    color: inherit;
    border-radius: 2px;
  }
  .new-pill {
    position: absolute;
    z-index: 2;
    inset-block-start: calc(var(--_day-h) + 6px);
    inset-inline-start: 50%;
    transform: translateX(-50%);
    border: 0;
    border-radius: 999px;
    padding: 2px 12px;
    background: var(--_accent);
    color: var(--_on-accent);
    cursor: pointer;
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.25);
  }
  .more {
    margin: 0;
    font-size: 0.85em;
    color: var(--_text-muted);
  }
  .more.failed {
    color: var(--_danger);
  }
  .detail {
    position: absolute;
    inset: 0;
    z-index: 3;
    overflow: auto;
    background: var(--_surface);
    display: grid;
    align-content: start;
    gap: var(--_gap);
    overflow-wrap: anywhere;
  }
  .detail h3 {
    margin: 0;
    font-size: 1.05em;
  }
  .detail h4 {
    margin: 0;
    font-size: 0.85em;
    color: var(--_text-muted);
  }
  .detail .meta,
  .muted {
    margin: 0;
    color: var(--_text-muted);
    font-size: 0.9em;
  }
  .back {
    justify-self: start;
  }
  .text {
    margin: 0;
    white-space: pre-wrap;
  }
  .blocked {
    margin: 0;
    padding: 4px 8px;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface-raised);
    font-size: 0.9em;
  }
  .email {
    border-block-start: 1px solid var(--_border);
    padding-block-start: var(--_gap);
  }
  .attachments {
    margin: 0;
    padding-inline-start: 1.2em;
  }
`;
