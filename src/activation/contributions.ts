/**
 * What package.json contributes that activation has to register: every command id (the one
 * list both the lazy registration and the real handlers are checked against), the explorer view
 * and the query workbench's webview type. No `vscode` import: the activation bundle and unit tests
 * read this file.
 */
export const CONTRIBUTED_COMMANDS = [
  'cenFlowLogs.explorer.refresh',
  'cenFlowLogs.output.show',
  'cenFlowLogs.explorer.filter',
  'cenFlowLogs.explorer.clearFilter',
  'cenFlowLogs.explorer.loadMore',
  'cenFlowLogs.explorer.showError',
  'cenFlowLogs.explorer.retry',
  'cenFlowLogs.flowLog.create',
  'cenFlowLogs.flowLog.start',
  'cenFlowLogs.flowLog.stop',
  'cenFlowLogs.flowLog.modify',
  'cenFlowLogs.flowLog.delete',
  'cenFlowLogs.flowLog.view',
  'cenFlowLogs.flowLog.copyId',
  'cenFlowLogs.flowLog.openConsole',
  'cenFlowLogs.flowLogDetails.openQuery',
  'cenFlowLogs.credentials.signIn',
  'cenFlowLogs.credentials.useCliProfile',
  'cenFlowLogs.credentials.useEnvironment',
  'cenFlowLogs.credentials.switch',
  'cenFlowLogs.credentials.signOut',
  'cenFlowLogs.flowLog.openQuery',
  'cenFlowLogs.query.adHoc',
  'cenFlowLogs.query.runPreset',
  'cenFlowLogs.query.showTrafficForAddress',
  'cenFlowLogs.query.openSaved',
  'cenFlowLogs.query.openInConsole',
  'cenFlowLogs.cen.query',
  'cenFlowLogs.queryFile.run',
  'cenFlowLogs.queryFile.runInNewPanel',
  'cenFlowLogs.queryFile.exportCsv',
  'cenFlowLogs.queryFile.new',
  'cenFlowLogs.queryFile.saveFromWorkbench',
  'cenFlowLogs.queryFile.openFromHistory',
  'cenFlowLogs.traffic.showForDebugValue',
  'cenFlowLogs.traffic.showForAddress',
  'cenFlowLogs.traffic.chooseFlowLog',
  'cenFlowLogs.flowLog.compareRanges',
  'cenFlowLogs.regionMap.show',
] as const;

export type ContributedCommand = (typeof CONTRIBUTED_COMMANDS)[number];

/** Handled by the activation entry itself: showing the output channel needs nothing else. */
export const SHOW_LOG_COMMAND = 'cenFlowLogs.output.show' satisfies ContributedCommand;

export const EXPLORER_VIEW_ID = 'cenFlowLogs.explorer';

export const WORKBENCH_VIEW_TYPE = 'cenFlowLogs.workbench';

export const REGION_MAP_VIEW_TYPE = 'cenFlowLogs.regionMap';

export const COMPARE_VIEW_TYPE = 'cenFlowLogs.compare';
