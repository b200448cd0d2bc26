/**
 * Reading the persisted view state back (getState may hold anything from an older version),
 * reusing the protocol's own validation. Pure.
 */
import { parseWebviewMessage, type WorkbenchViewState } from '../src/protocol/messages';

export function restoreViewState(saved: unknown): WorkbenchViewState | undefined {
  const msg = parseWebviewMessage({ type: 'stateChanged', state: saved });
  return msg?.type === 'stateChanged' ? msg.state : undefined;
}
