/** CodeMirror theme made only of VS Code's theme variables, so light, dark and high contrast follow. */
import { EditorView } from '@codemirror/view';

export const editorTheme = EditorView.theme({
  '&': {
    color: 'var(--vscode-editor-foreground)',
    backgroundColor: 'var(--vscode-input-background, var(--vscode-editor-background))',
    border: '1px solid var(--vscode-input-border, var(--vscode-panel-border, transparent))',
    fontFamily: 'var(--vscode-editor-font-family)',
    fontSize: 'var(--vscode-editor-font-size)',
  },
  '&.cm-focused': { outline: '1px solid var(--vscode-focusBorder)', outlineOffset: '-1px' },
  '.cm-content': { caretColor: 'var(--vscode-editorCursor-foreground)', padding: '4px 0', fontFamily: 'var(--vscode-editor-font-family)' },
  '.cm-scroller': { fontFamily: 'var(--vscode-editor-font-family)', lineHeight: '1.5' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--vscode-editorCursor-foreground)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': {
    backgroundColor: 'var(--vscode-editor-selectionBackground)',
  },
  '.cm-placeholder': { color: 'var(--vscode-input-placeholderForeground)' },
  '.cm-tooltip': {
    backgroundColor: 'var(--vscode-editorSuggestWidget-background, var(--vscode-editorWidget-background))',
    color: 'var(--vscode-editorSuggestWidget-foreground, var(--vscode-foreground))',
    border: '1px solid var(--vscode-editorSuggestWidget-border, var(--vscode-editorWidget-border))',
  },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': {
    backgroundColor: 'var(--vscode-editorSuggestWidget-selectedBackground, var(--vscode-list-activeSelectionBackground))',
    color: 'var(--vscode-editorSuggestWidget-selectedForeground, var(--vscode-list-activeSelectionForeground))',
  },
  '.cm-completionMatchedText': { color: 'var(--vscode-editorSuggestWidget-highlightForeground)', textDecoration: 'none', fontWeight: 'bold' },
  '.cm-completionDetail': { color: 'var(--vscode-descriptionForeground)', fontStyle: 'normal', marginLeft: '1em' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--vscode-editorError-foreground)' },
  '.cm-diagnostic-warning': { borderLeftColor: 'var(--vscode-editorWarning-foreground)' },
  '.cm-diagnostic-info': { borderLeftColor: 'var(--vscode-editorInfo-foreground)' },
  '.cm-diagnosticAction': { backgroundColor: 'var(--vscode-button-background)', color: 'var(--vscode-button-foreground)' },
  '.tok-keyword': { color: 'var(--vscode-debugTokenExpression-name, var(--vscode-symbolIcon-keywordForeground, #569cd6))' },
  '.tok-field': { color: 'var(--vscode-symbolIcon-fieldForeground, #75beff)' },
  '.tok-function': { color: 'var(--vscode-symbolIcon-functionForeground, #b180d7)' },
  '.tok-string': { color: 'var(--vscode-debugTokenExpression-string, #ce9178)' },
  '.tok-number': { color: 'var(--vscode-debugTokenExpression-number, #b5cea8)' },
  '.tok-operator': { color: 'var(--vscode-symbolIcon-operatorForeground, var(--vscode-foreground))' },
  '.tok-punct': { color: 'var(--vscode-foreground)' },
  '.tok-pipe': { color: 'var(--vscode-textLink-foreground)', fontWeight: 'bold' },
  '.tok-comment': { color: 'var(--vscode-descriptionForeground)', fontStyle: 'italic' },
});
