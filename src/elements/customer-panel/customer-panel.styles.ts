import { css } from 'lit';

export const customerPanelStyles = css`
  :host {
    container-type: inline-size;
    container-name: cx-customer-panel;
  }
  .base {
    position: relative;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  ul,
  dl,
  p,
  figure {
    margin: 0;
  }
  ul {
    list-style: none;
    padding: 0;
  }
  .muted,
  .meta {
    color: var(--_text-muted);
  }
  .header {
    display: flex;
    align-items: flex-start;
    gap: var(--_space);
    min-inline-size: 0;
  }
  .who {
    min-inline-size: 0;
    display: grid;
    gap: 2px;
  }
  .avatar {
    flex: none;
    inline-size: 2.75em;
    block-size: 2.75em;
    border-radius: 50%;
    object-fit: cover;
  }
  .initials {
    display: inline-grid;
    place-items: center;
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  .name {
    margin: 0;
    font-size: 1.15em;
    line-height: 1.25;
  }
  .company {
    color: var(--_text-muted);
  }
  .badges,
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .badges {
    margin-block-start: 4px;
  }
  .badge,
  .chip {
    border-radius: 999px;
    padding: 1px 8px;
    font-size: 0.85em;
    background: var(--_surface-raised);
    border: 1px solid var(--_border);
  }
  .badge.stage {
    border-color: var(--_accent);
    color: var(--_accent);
  }
  .identity {
    margin-block-start: var(--_gap);
    color: var(--_text-muted);
    display: grid;
    gap: 2px;
  }
  .contact {
    margin-block-start: var(--_gap);
    display: grid;
    gap: 2px;
  }
  .contact li {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_gap);
    min-inline-size: 0;
  }
  .contact a,
  .contact span {
    min-inline-size: 0;
  }
  .copy {
    flex: none;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
    color: var(--_text-muted);
    font-size: 0.8em;
    padding: 0 6px;
    cursor: pointer;
  }
  .copy:hover {
    color: var(--_text);
  }
  .tags {
    margin-block-start: var(--_gap);
  }
  .sections {
    display: grid;
    gap: var(--_gap);
    margin-block-start: var(--_space);
  }
  .section {
    border-block-start: 1px solid var(--_border);
    padding-block-start: var(--_gap);
    min-inline-size: 0;
  }
  .section > summary {
    display: flex;
    align-items: baseline;
    gap: var(--_gap);
    cursor: pointer;
    list-style: none;
  }
  .section > summary::-webkit-details-marker {
    display: none;
  }
  .section > summary::before {
    content: '';
    align-self: center;
    inline-size: 0;
    block-size: 0;
    border-block: 0.3em solid transparent;
    border-inline-start: 0.45em solid var(--_text-muted);
    transition: transform 0.15s;
  }
  .section[open] > summary::before {
    transform: rotate(90deg);
  }
  :host(:dir(rtl)) .section[open] > summary::before {
    transform: rotate(-90deg);
  }
  @media (prefers-reduced-motion: reduce) {
    .section > summary::before {
      transition: none;
    }
  }
  .section > summary h3 {
    display: inline;
    margin: 0;
    font-size: 0.8em;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--_text-muted);
  }
  .count {
    font-size: 0.8em;
    color: var(--_text-muted);
  }
  .section-body {
    padding-block: var(--_gap) 0;
  }
  .metrics {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(8.5em, 1fr));
    gap: var(--_gap);
  }
  .metric {
    background: var(--_surface-raised);
    border-radius: calc(var(--_radius) / 2);
    padding: calc(var(--_gap) * 0.75) var(--_gap);
    min-inline-size: 0;
  }
  .metric dt {
    font-size: 0.8em;
    color: var(--_text-muted);
  }
  .metric dd {
    margin: 0;
    font-weight: 600;
  }
  .metric[data-kind='risk-high'] dd,
  .metric[data-kind='mood-negative'] dd {
    color: var(--_danger);
  }
  .metric[data-kind='risk-medium'] dd {
    color: var(--_warning);
  }
  .metric[data-kind='risk-low'] dd,
  .metric[data-kind='mood-positive'] dd {
    color: var(--_success);
  }
  .trend {
    margin-block-start: var(--_gap);
    display: grid;
    gap: 2px;
  }
  .trend figcaption {
    font-size: 0.85em;
    color: var(--_text-muted);
  }
  .sparkline {
    inline-size: 100%;
    block-size: 2.5em;
    overflow: visible;
  }
  .sparkline .zero {
    stroke: var(--_border);
    stroke-width: 0.5;
    stroke-dasharray: 2 2;
    vector-effect: non-scaling-stroke;
  }
  .sparkline .line {
    fill: none;
    stroke: var(--_accent);
    stroke-width: 2;
    stroke-linejoin: round;
    stroke-linecap: round;
    vector-effect: non-scaling-stroke;
  }
  .sparkline[data-trend='falling'] .line {
    stroke: var(--_danger);
  }
  .rows {
    display: grid;
    gap: var(--_gap);
  }
  .row {
    display: grid;
    gap: 1px;
    min-inline-size: 0;
  }
  .row .meta {
    font-size: 0.9em;
  }
  .row[data-soon] .meta,
  .row[data-urgent] .meta {
    color: var(--_warning);
    font-weight: 600;
  }
  .consent,
  .attributes {
    display: grid;
    gap: 2px;
  }
  .consent > div,
  .attributes > div {
    display: flex;
    justify-content: space-between;
    gap: var(--_gap);
    min-inline-size: 0;
  }
  .consent dd,
  .attributes dd {
    margin: 0;
    text-align: end;
  }
  .consent-row[data-state='given'] dd {
    color: var(--_success);
  }
  .consent-row[data-state='refused'] dd {
    color: var(--_danger);
  }
  .consent-row[data-state='unknown'] dd {
    color: var(--_warning);
  }
  .consent + .muted {
    margin-block-start: 4px;
    font-size: 0.9em;
  }
  .notes {
    display: grid;
    gap: var(--_gap);
  }
  .note-body {
    white-space: pre-wrap;
  }
  .notes .meta {
    font-size: 0.85em;
  }
  @container cx-customer-panel (min-width: 600px) {
    .sections {
      grid-template-columns: repeat(2, minmax(0, 1fr));
      column-gap: calc(var(--_space) * 1.5);
    }
    .contact {
      grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
      column-gap: var(--_space);
    }
    .contact li {
      justify-content: flex-start;
    }
  }
`;
