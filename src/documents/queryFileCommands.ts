/**
 * The query-file commands' ids and the action each names in error messages. Outside the query
 * documents chunk: the UI registers them when it is built, and the chunk loads on their first run.
 */
/** The language id of query documents (package.json `languages`). */
export const QUERY_LANGUAGE_ID = 'slsql';

export const QUERY_FILE_COMMANDS = {
  run: 'cenFlowLogs.queryFile.run',
  runInNewPanel: 'cenFlowLogs.queryFile.runInNewPanel',
  exportCsv: 'cenFlowLogs.queryFile.exportCsv',
  newFile: 'cenFlowLogs.queryFile.new',
  saveFromWorkbench: 'cenFlowLogs.queryFile.saveFromWorkbench',
  openFromHistory: 'cenFlowLogs.queryFile.openFromHistory',
} as const;

/** `what` for CommandRegistrar.register: "Run statement failed: …". */
export const QUERY_FILE_ACTIONS: Readonly<Record<keyof typeof QUERY_FILE_COMMANDS, string>> = {
  run: 'Run statement',
  runInNewPanel: 'Run statement in a new panel',
  exportCsv: 'Export statement result',
  newFile: 'New query file',
  saveFromWorkbench: 'Save as query file',
  openFromHistory: 'Open query as file',
};
