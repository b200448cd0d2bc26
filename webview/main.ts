/**
 * Entry of the workbench webview bundle: registers the few vscode-elements components it uses
 * (one import each keeps the bundle small) and starts the app once the host page is parsed.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-tabs/index.js';
import '@vscode-elements/elements/dist/vscode-tab-header/index.js';
import '@vscode-elements/elements/dist/vscode-tab-panel/index.js';
import './styles/workbench.css';
import { connectToHost } from './host/vscodeApi';
import { WorkbenchApp } from './workbenchApp';
import { configureWebviewL10n } from './l10n';
import { parseL10nSetup } from '../src/l10n/l10nSetup';

function start(): void {
  const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('div'));
  // The host puts the per-render CSP nonce on the page; CodeMirror needs it for its <style> tags.
  const nonce = root.dataset.cspNonce || document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content || undefined;
  configureWebviewL10n(parseL10nSetup(bootField(root.dataset.boot, 'l10n')));
  new WorkbenchApp(root, connectToHost(), nonce);
}

/** One field of the boot data the host rendered into the page; the app validates the rest itself. */
function bootField(json: string | undefined, field: string): unknown {
  try {
    const boot: unknown = json ? JSON.parse(json) : undefined;
    return typeof boot === 'object' && boot !== null ? (boot as Record<string, unknown>)[field] : undefined;
  } catch {
    return undefined;
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
