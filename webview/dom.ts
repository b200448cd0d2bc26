/** Tiny DOM builders. Text only ever goes in through textContent. */

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export function codicon(name: string): HTMLSpanElement {
  const s = h('span', `codicon codicon-${name}`);
  s.setAttribute('aria-hidden', 'true');
  return s;
}

export interface ButtonOptions {
  readonly label: string;
  readonly icon?: string;
  readonly secondary?: boolean;
  readonly title?: string;
  readonly testid?: string;
  /** Icon-only button (label becomes the aria-label). */
  readonly iconOnly?: boolean;
}

/** A vscode-button with an optional codicon before the label (codicons come from the page's CSS). */
export function button(opts: ButtonOptions, onClick: () => void): HTMLElement & { disabled: boolean } {
  const b = document.createElement('vscode-button') as HTMLElement & { disabled: boolean };
  if (opts.secondary) b.setAttribute('secondary', '');
  if (opts.icon) b.append(codicon(opts.icon));
  if (opts.iconOnly) {
    b.setAttribute('aria-label', opts.label);
    b.classList.add('icon-only');
  } else b.append(document.createTextNode(opts.icon ? ` ${opts.label}` : opts.label));
  b.title = opts.title ?? opts.label;
  if (opts.testid) b.dataset.testid = opts.testid;
  b.addEventListener('click', () => {
    if (!b.disabled) onClick();
  });
  return b;
}

export function selectElement(label: string, testid: string): HTMLElement & { value: string } {
  const s = document.createElement('vscode-single-select') as unknown as HTMLElement & { value: string; label: string };
  s.setAttribute('aria-label', label);
  // The element's own combobox (in its shadow root) is named by this property, not by the host's aria-label.
  s.label = label;
  s.title = label;
  s.dataset.testid = testid;
  return s;
}

export function optionElement(value: string, text: string, description?: string): HTMLElement {
  const o = document.createElement('vscode-option');
  o.setAttribute('value', value);
  if (description) o.setAttribute('description', description);
  o.textContent = text;
  return o;
}
