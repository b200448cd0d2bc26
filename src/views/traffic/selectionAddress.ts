/**
 * What "Show Traffic for This Address" on an editor or terminal selection looks up: the first
 * address selected, and — when the line it sits on starts with a timestamp (a log line) — that time
 * as the range's centre, else now; as terminal links and hovers centre theirs. Free of `vscode`.
 */
import { extractAddress, type ExtractedAddress } from '../../query/addressFilter';
import type { RangeCentre } from '../../query/aroundNow';
import { leadingTimestamp, type LineTimestampContext } from '../../query/logLineTimestamp';

export interface SelectionAddress {
  readonly address: ExtractedAddress;
  readonly centre: RangeCentre;
}

/**
 * `lineOf(offset)`: the whole line the selected text's `offset` sits on (an editor's document line;
 * for a terminal selection, the selected line itself).
 */
export function selectionAddress(text: string, lineOf: (offset: number) => string, ctx: LineTimestampContext): SelectionAddress | undefined {
  const address = extractAddress(text);
  if (!address) return undefined;
  const seconds = leadingTimestamp(lineOf(address.from), ctx);
  return { address, centre: seconds === undefined ? { kind: 'now' } : { kind: 'logLine', seconds } };
}

/** The line of `text` holding `offset`: for selected text with no document behind it. */
export function lineInText(text: string, offset: number): string {
  const start = offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
}
