import { css } from 'lit';

export const deskStyles = css`
  :host {
    container-type: inline-size;
    container-name: cx-desk;
  }
  .layout {
    display: grid;
    gap: var(--_space);
    align-content: start;
  }
`;
