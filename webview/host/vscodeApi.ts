/**
 * The only route to the extension host: a typed wrapper over acquireVsCodeApi (which may be
 * called once per page) and the window message event.
 */
import type { HostMessage, WebviewMessage, WorkbenchTarget, WorkbenchViewState } from '../../src/protocol/messages';
import { MessageInbox } from '../results/messageInbox';
import { paintScheduler } from '../results/paintScheduler';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export interface HostChannel {
  post(message: WebviewMessage): void;
  onMessage(handler: (message: HostMessage) => void): void;
  getState(): unknown;
  setState(state: WorkbenchViewState & { readonly target?: WorkbenchTarget }): void;
}

export function connectToHost(): HostChannel {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    onMessage: (handler) => {
      // Through the inbox: a result's first screen paints before the pages queued behind it are read.
      const inbox = new MessageInbox((data) => {
        // The host is the only sender in a webview; still ignore anything without a type.
        if (typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string') handler(data as HostMessage);
      }, paintScheduler);
      window.addEventListener('message', (e: MessageEvent<unknown>) => inbox.receive(e));
    },
    getState: () => api.getState(),
    setState: (state) => api.setState(state),
  };
}
