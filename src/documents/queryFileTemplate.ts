/**
 * The text of a new query file: the headers, then one statement per preset that needs no address
 * (top talkers, top ports, protocol mix…), each under its title as a comment. Pure.
 */
import { QUERY_PRESETS, renderPreset } from '../query/presets';

export function queryFileTemplate(flowLog: string, interval: number): string {
  const statements = QUERY_PRESETS.filter((p) => p.parameters.every((q) => q.kind !== 'address')).flatMap((p) => {
    const rendered = renderPreset(p, { window: String(interval) });
    return rendered.ok ? [`-- ${p.title}: ${p.description}\n${rendered.query}`] : [];
  });
  return [`-- flowlog: ${flowLog}`, '-- range: last 24h', '', ...statements.flatMap((s) => [s, ''])].join('\n');
}
