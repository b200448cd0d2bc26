/** Export CSV / JSON buttons and the export's progress, with cancel. */
import type { HostMessage } from '../../src/protocol/messages';
import { button, h } from '../dom';
import { formatCount } from '../grid/valueFormat';
import { t } from '../l10n';

type ExportState = Extract<HostMessage, { type: 'exportState' }>;

export class ExportBar {
  readonly element: HTMLDivElement;
  private readonly progress: HTMLSpanElement;
  private readonly cancel: HTMLElement & { disabled: boolean };
  private readonly csv: HTMLElement & { disabled: boolean };
  private readonly json: HTMLElement & { disabled: boolean };

  constructor(onExport: (format: 'csv' | 'json') => void, onCancel: () => void) {
    this.element = h('div', 'export-bar');
    this.csv = button({ label: 'CSV', icon: 'export', secondary: true, title: t('Export the whole result as CSV'), testid: 'export-csv' }, () => onExport('csv'));
    this.json = button({ label: 'JSON', icon: 'json', secondary: true, title: t('Export the whole result as JSON'), testid: 'export-json' }, () => onExport('json'));
    this.progress = h('span', 'export-progress');
    this.progress.setAttribute('aria-live', 'polite');
    this.progress.dataset.testid = 'export-progress';
    this.cancel = button({ label: t('Cancel export'), icon: 'close', secondary: true, iconOnly: true, testid: 'export-cancel' }, onCancel);
    this.cancel.hidden = true;
    this.element.append(this.progress, this.cancel, this.csv, this.json);
  }

  update(m: ExportState): void {
    const busy = m.state === 'started' || m.state === 'progress';
    this.cancel.hidden = !busy;
    this.csv.disabled = busy;
    this.json.disabled = busy;
    switch (m.state) {
      case 'started':
        this.progress.textContent = t('Exporting…');
        break;
      case 'progress':
        this.progress.textContent = t('Exporting… {0} rows', formatCount(m.rows));
        break;
      case 'done':
        this.progress.textContent = m.file ? t('Exported {0} rows to {1}', formatCount(m.rows), m.file) : t('Exported {0} rows', formatCount(m.rows));
        break;
      case 'failed':
        this.progress.textContent = m.message ? t('Export failed: {0}', m.message) : t('Export failed');
        break;
      case 'cancelled':
        this.progress.textContent = t('Export cancelled');
        break;
    }
  }
}
