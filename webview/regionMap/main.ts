/** Entry of the region map webview bundle (dist/webview/regionMap.js): connects to the host and starts the page. */
import './regionMap.css';
import type { RegionMapHostMessage, RegionMapPersistedState } from '../../src/protocol/regionMapMessages';
import { RegionMapApp, type RegionMapHost } from './regionMapApp';
import { bootL10nSetup, configureWebviewL10n } from '../l10n';

interface VsCodeApi {
  postMessage(message: unknown): void;
  setState(state: RegionMapPersistedState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

function connect(): RegionMapHost {
  const api = acquireVsCodeApi();
  return {
    post: (m) => api.postMessage(m),
    saveState: (state) => api.setState(state),
    onMessage: (handler) =>
      window.addEventListener('message', (e: MessageEvent<unknown>) => {
        // The host is the only sender in a webview; still ignore anything without a type.
        if (typeof e.data === 'object' && e.data !== null && typeof (e.data as { type?: unknown }).type === 'string') handler(e.data as RegionMapHostMessage);
      }),
  };
}

function start(): void {
  const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('div'));
  // The display language and its strings, from the boot data (never loaded from the network), before the app builds its page.
  configureWebviewL10n(bootL10nSetup(root.dataset.boot));
  new RegionMapApp(root, connect());
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
