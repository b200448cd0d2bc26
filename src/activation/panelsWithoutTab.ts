/**
 * At activation: were query panels open that VS Code brought back no tab for? Decided from the
 * record file and the tab model alone, so the workbench is built only when one must be reopened.
 */
import type * as vscode from 'vscode';
import { recordedPanelTitles } from '../views/workbench/openPanelsFile';

/** The labels of the workbench tabs VS Code has (restored or waiting to be), by view type. */
export function workbenchTabLabels(tabGroups: vscode.TabGroups, isWorkbenchTab: (input: unknown) => boolean): Set<string> {
  return new Set(tabGroups.all.flatMap((g) => g.tabs.filter((t) => isWorkbenchTab(t.input)).map((t) => t.label)));
}

/** Whether some recorded panel has no tab (then the workbench should reopen it). */
export function someRecordedPanelLacksTab(recordFile: string, tabLabels: ReadonlySet<string>): boolean {
  return recordedPanelTitles(recordFile).some((title) => !tabLabels.has(title));
}
