import { css } from 'lit';

export const nextActionsStyles = css`
  .base {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    display: grid;
    gap: var(--_gap);
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_gap);
  }
  .action {
    display: grid;
    gap: 4px;
    padding: var(--_gap);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_surface-raised);
    border-inline-start: 3px solid var(--_accent);
  }
  .action[data-kind='retention'],
  .action[data-kind='service'] {
    border-inline-start-color: var(--_warning);
  }
  .title {
    margin: 0;
    font-weight: 600;
  }
  .reason,
  .meta,
  .question {
    margin: 0;
  }
  .meta {
    font-size: 0.85em;
    color: var(--_text-muted);
  }
  .buttons,
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: center;
  }
  button {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
    color: var(--_text);
    padding: 2px 10px;
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  button:disabled {
    opacity: 0.55;
    cursor: default;
  }
  button.link {
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    padding: 0;
  }
  .form {
    display: grid;
    gap: 6px;
    padding-block-start: 4px;
    border-block-start: 1px dashed var(--_border);
  }
  .form label {
    font-size: 0.85em;
    color: var(--_text-muted);
  }
  .form input {
    flex: 1 1 10em;
  }
  .held-back {
    font-size: 0.9em;
    color: var(--_text-muted);
  }
  .held-back summary {
    cursor: pointer;
    color: var(--_warning);
  }
  .held-back ul {
    margin: 4px 0 0;
    padding-inline-start: 1.2em;
  }
  .held-back .title {
    font-weight: 600;
    color: var(--_text);
  }
`;
