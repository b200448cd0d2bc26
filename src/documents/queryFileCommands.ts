/**
 * The query-file commands' ids and the action each names in error messages. Outside the query
 * documents chunk: the UI registers them when it is built, and the chunk loads on their first run.
 */
import { t } from '@vscode/l10n';

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

/** `what` for CommandRegistrar.register: "Run statement failed: …" (read when registering, so it follows the display language). */
export function queryFileAction(command: keyof typeof QUERY_FILE_COMMANDS): string {
  switch (command) {
    case 'run':
      return t('Run statement');
    case 'runInNewPanel':
      return t('Run statement in a new panel');
    case 'exportCsv':
      return t('Export statement result');
    case 'newFile':
      return t('New query file');
    case 'saveFromWorkbench':
      return t('Save as query file');
    case 'openFromHistory':
      return t('Open query as file');
  }
}
