/** Preset parameters that come from settings: the price table of *Cost by region pair* (src/flowlogs/cost.ts). */
import * as vscode from 'vscode';
import { PRICE_SETTING } from '../../flowlogs/cost';

export function presetSettingValues(): Record<string, string> {
  const prices = vscode.workspace.getConfiguration('cenFlowLogs').get<unknown>(PRICE_SETTING);
  return { price: JSON.stringify(prices ?? {}) };
}
