/**
 * Entry of the before/after compare webview bundle: reads the boot data the host rendered into
 * the page, restores the form from the page's state, and wires the typed protocol.
 */
import './compare.css';
import type { CompareBoot, CompareHostMessage, ComparePersistedState, CompareWebviewMessage } from '../../src/protocol/compareMessages';
import { parseCompareForm } from '../../src/protocol/compareMessages';
import { CompareView } from './compareView';
import { bootL10nSetup, configureWebviewL10n } from '../l10n';

interface VsCodeApi {
  postMessage(message: CompareWebviewMessage): void;
  getState(): unknown;
  setState(state: ComparePersistedState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

function start(): void {
  const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('div'));
  // The display language and its strings, from the boot data (never loaded from the network), before the view builds its form.
  configureWebviewL10n(bootL10nSetup(root.dataset.boot));
  const boot = JSON.parse(root.dataset.boot ?? 'null') as CompareBoot | null;
  if (!boot) return;
  const api = acquireVsCodeApi();
  const state = api.getState();
  const saved = typeof state === 'object' && state !== null && 'form' in state ? parseCompareForm(state.form) : undefined;
  const initial = boot.run ? undefined : saved;
  // Saved at once, with the source, so the panel comes back after Reload Window even if nothing is changed.
  api.setState({ form: initial ?? boot.form, restore: boot.restore });
  const view = new CompareView(root, boot, { post: (m) => api.postMessage(m), saveForm: (form) => api.setState({ form, restore: boot.restore }) }, initial);
  window.addEventListener('message', (e: MessageEvent<unknown>) => {
    const data = e.data;
    if (typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string') view.receive(data as CompareHostMessage);
  });
  api.postMessage({ type: 'ready' });
  view.start();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
