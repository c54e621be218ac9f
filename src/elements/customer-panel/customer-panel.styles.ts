import { css } from 'lit';

export const customerPanelStyles = css`
  :host {
    container-type: inline-size;
    container-name: cx-customer-panel;
  }
  .base {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    min-inline-size: 0;
  }
  .header {
    display: flex;
    align-items: center;
    gap: var(--_space);
    min-inline-size: 0;
  }
  .identity {
    min-inline-size: 0;
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
    overflow-wrap: anywhere;
  }
  .company {
    margin: 0;
    color: var(--_text-muted);
    overflow-wrap: anywhere;
  }
  .contact {
    list-style: none;
    margin: var(--_space) 0 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_gap) * 0.5);
  }
  .contact a {
    overflow-wrap: anywhere;
  }
  @container cx-customer-panel (min-width: 560px) {
    .contact {
      grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
    }
  }
`;
