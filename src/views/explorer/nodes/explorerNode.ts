/**
 * What every explorer node tells the tree, as plain data (no vscode import) so nodes are unit-tested
 * and the provider stays a thin translation to vscode.TreeItem.
 */
export interface NodeCommand {
  readonly command: string;
  readonly title: string;
  readonly arguments?: readonly unknown[];
}

export interface NodeIcon {
  /** Codicon id, e.g. `pass-filled` or `loading~spin`. */
  readonly id: string;
  /** Theme color id, e.g. `charts.green`. */
  readonly color?: string;
}

export interface NodePresentation {
  readonly label: string;
  readonly description?: string;
  /** Markdown. */
  readonly tooltip?: string;
  readonly icon?: NodeIcon;
  readonly collapsible: 'none' | 'collapsed' | 'expanded';
  readonly contextValue: string;
  readonly command?: NodeCommand;
}

export interface NodeBase {
  /** Stable across refreshes so expansion and selection survive. */
  readonly id: string;
  present(): NodePresentation;
}

/** Escapes text for a markdown tooltip (names and descriptions are user input). */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}
