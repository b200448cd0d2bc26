/**
 * The column chooser beside the grid: a checkbox per column (shown or hidden), a pin toggle and
 * move left / right buttons — native controls, so the keyboard and screen readers get them for
 * free. Escape closes it and gives focus back to its button. Changes are reported as a whole new
 * ColumnChoice; the page applies it to the grid and the host keeps it for the flow log.
 */
import { displayOrder, moveColumn, setHidden, setPinned, type ColumnChoice } from '../../src/results/columnChoice';
import { button, codicon, h } from '../dom';
import { t } from '../l10n';

// Getters, not values: the bundle is configured after the modules load.
const TEXT = {
  get button() { return t('Columns'); },
  get title() { return t('Columns'); },
  get none() { return t('Run a query to choose its columns.'); },
  pin: (n: string) => t('Pin {0} to the left', n),
  left: (n: string) => t('Move {0} left', n),
  right: (n: string) => t('Move {0} right', n),
};

export class ColumnMenu {
  readonly element: HTMLElement;
  private readonly toggle: HTMLElement & { disabled: boolean };
  private readonly panel: HTMLElement;
  private columns: readonly string[] = [];
  private choice: ColumnChoice;

  constructor(choice: ColumnChoice, private readonly onChange: (choice: ColumnChoice) => void) {
    this.choice = choice;
    this.element = h('div', 'column-menu-anchor');
    this.panel = h('div', 'column-menu');
    this.panel.id = 'column-menu';
    this.panel.dataset.testid = 'column-menu';
    this.panel.setAttribute('role', 'group');
    this.panel.setAttribute('aria-labelledby', 'column-menu-title');
    this.panel.hidden = true;
    this.toggle = button({ label: TEXT.button, icon: 'list-selection', secondary: true, iconOnly: true, testid: 'columns' }, () => this.setOpen(this.panel.hidden));
    this.toggle.setAttribute('aria-expanded', 'false');
    this.toggle.setAttribute('aria-controls', this.panel.id);
    this.panel.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      this.setOpen(false);
      this.toggle.focus();
    });
    this.element.append(this.toggle, this.panel);
    this.render();
  }

  /** The current result's columns (a new result, or a page that brought new fields). */
  setColumns(columns: readonly string[]): void {
    if (columns.length === this.columns.length && columns.every((c, i) => c === this.columns[i])) return;
    this.columns = [...columns];
    this.render();
  }

  setChoice(choice: ColumnChoice): void {
    this.choice = choice;
    this.render();
  }

  private setOpen(open: boolean): void {
    this.panel.hidden = !open;
    this.toggle.setAttribute('aria-expanded', String(open));
    if (open) this.render();
  }

  private change(next: ColumnChoice, focus?: string): void {
    this.choice = next;
    this.onChange(next);
    this.render();
    if (!focus) return;
    // The control used keeps the focus; a move button that became disabled hands it to its checkbox.
    const target = this.panel.querySelector<HTMLButtonElement | HTMLInputElement>(`[data-focus-key="${CSS.escape(focus)}"]`);
    const name = focus.slice(focus.indexOf(':') + 1);
    if (target && !target.disabled) target.focus();
    else this.panel.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(`show:${name}`)}"]`)?.focus();
  }

  private render(): void {
    if (this.panel.hidden) return;
    const title = h('h2', '', TEXT.title);
    title.id = 'column-menu-title';
    if (this.columns.length === 0) {
      this.panel.replaceChildren(title, h('p', 'column-menu-empty', TEXT.none));
      return;
    }
    const order = displayOrder(this.columns, this.choice);
    const list = h('ul');
    order.forEach((name, i) => {
      const li = h('li');
      li.dataset.column = name;
      const label = h('label');
      const box = h('input');
      box.type = 'checkbox';
      box.checked = !this.choice.hidden.includes(name);
      box.dataset.testid = 'column-visible';
      box.dataset.focusKey = `show:${name}`;
      box.addEventListener('change', () => this.change(setHidden(this.choice, name, !box.checked), `show:${name}`));
      label.append(box, h('span', '', name));
      const pinned = this.choice.pinned.includes(name);
      const pin = this.iconButton('pin', TEXT.pin(name), 'column-pin', `pin:${name}`, () => this.change(setPinned(this.choice, name, !pinned), `pin:${name}`));
      pin.setAttribute('aria-pressed', String(pinned));
      const samePinning = (j: number) => order[j] !== undefined && this.choice.pinned.includes(order[j]) === pinned;
      const left = this.iconButton('arrow-left', TEXT.left(name), 'column-left', `left:${name}`, () => this.change(moveColumn(this.choice, this.columns, name, -1), `left:${name}`));
      left.disabled = !samePinning(i - 1);
      const right = this.iconButton('arrow-right', TEXT.right(name), 'column-right', `right:${name}`, () => this.change(moveColumn(this.choice, this.columns, name, 1), `right:${name}`));
      right.disabled = !samePinning(i + 1);
      li.append(label, pin, left, right);
      list.append(li);
    });
    this.panel.replaceChildren(title, list);
  }

  private iconButton(icon: string, label: string, testid: string, focusKey: string, onClick: () => void): HTMLButtonElement {
    const b = h('button');
    b.type = 'button';
    b.setAttribute('aria-label', label);
    b.title = label;
    b.dataset.testid = testid;
    b.dataset.focusKey = focusKey;
    b.append(codicon(icon));
    b.addEventListener('click', onClick);
    return b;
  }
}
