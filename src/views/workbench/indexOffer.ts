/**
 * The *Create Index* offer: when a logstore has no index (IndexConfigNotExist) or lacks fields the
 * flow log writes ("Column 'x' cannot be resolved"), say so plainly and offer to add the keys,
 * typed as the field catalog types them (long for numbers, text for the rest).
 */
import * as vscode from 'vscode';
import type { IndexField, LogstoreRef, SlsApi } from '../../cloud/slsApi';
import { errorText } from '../../errorText';

export { indexProblem, keysForQueryError } from './indexNeeds';

/**
 * Shows the offer (not modal: the panel stays usable) and adds the keys when accepted. True when
 * keys were added. Log Service indexes records written after the change; older ones need reindexing.
 */
export async function offerIndex(sls: () => Promise<SlsApi>, ref: LogstoreRef, message: string, keys: Readonly<Record<string, IndexField>>, log: vscode.LogOutputChannel): Promise<boolean> {
  const createIndex = vscode.l10n.t('Create Index');
  const choice = await vscode.window.showWarningMessage(message, createIndex);
  if (choice !== createIndex) return false;
  try {
    await (await sls()).addIndexKeys(ref, keys);
    log.info(`workbench: index keys added to ${ref.projectName}/${ref.logStoreName}: ${Object.keys(keys).join(', ')}`);
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Index updated on {0}/{1}. Records written from now on are indexed; to query older ones, reindex them in the Log Service console.',
        ref.projectName,
        ref.logStoreName,
      ),
    );
    return true;
  } catch (e) {
    const text = errorText(e);
    log.error(`workbench: adding index keys failed: ${text}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Create Index failed: {0}', text));
    return false;
  }
}
