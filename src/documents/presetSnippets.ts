/**
 * The workbench presets as snippets for query files: each preset's query for the flow log's capture
 * window, its address parameters as tab stops holding the example address. Pure.
 */
import { QUERY_PRESETS, renderPreset } from '../query/presets';

export interface PresetSnippet {
  readonly label: string;
  readonly description: string;
  /** VS Code snippet syntax. */
  readonly snippet: string;
  /** The query the snippet gives with its tab stops left as they are. */
  readonly query: string;
}

/** Snippet text is literal except for `$`, `}` and `\`. */
function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

export function presetSnippets(interval: number): PresetSnippet[] {
  return QUERY_PRESETS.flatMap((p) => {
    const addresses = p.parameters.filter((q) => q.kind === 'address');
    const values: Record<string, string> = { window: String(interval) };
    for (const a of addresses) values[a.name] = a.example;
    const rendered = renderPreset(p, values);
    if (!rendered.ok) return [];
    let snippet = escapeSnippet(rendered.query);
    addresses.forEach((a, i) => {
      snippet = snippet.split(escapeSnippet(a.example)).join(`\${${i + 1}:${escapeSnippet(a.example)}}`);
    });
    return [{ label: p.title, description: p.description, snippet, query: rendered.query }];
  });
}
