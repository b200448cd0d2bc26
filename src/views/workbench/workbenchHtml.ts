/**
 * The workbench's HTML document. Pure (no `vscode` import) so the CSP can be unit-tested: the
 * panel passes in the webview's cspSource and the asWebviewUri-converted asset URIs.
 */
import { randomBytes } from 'node:crypto';

export interface WorkbenchHtmlInput {
  /** `webview.cspSource` of the panel. */
  readonly cspSource: string;
  /** Fresh for every render (see createNonce). */
  readonly nonce: string;
  /** asWebviewUri of dist/webview/workbench.js. */
  readonly scriptUri: string;
  /** asWebviewUri of the stylesheets: the bundle's CSS and codicons. */
  readonly styleUris: readonly string[];
  readonly title: string;
  /** JSON of the page's boot data (protocol WorkbenchBoot): target and starting state. */
  readonly boot?: string;
}

/** 128 bits from the OS CSPRNG; base64 is allowed in a CSP nonce source. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  // No 'unsafe-inline' / 'unsafe-eval': scripts run only with the per-render nonce, styles come
  // only from the extension's own files (CodeMirror injects <style> elements, so they also carry
  // the nonce, which the webview app passes to EditorView.cspNonce).
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

export function buildWorkbenchHtml(input: WorkbenchHtmlInput): string {
  const csp = contentSecurityPolicy(input.cspSource, input.nonce);
  const styles = input.styleUris
    .map((u) => `<link rel="stylesheet" href="${escapeHtml(u)}" nonce="${escapeHtml(input.nonce)}">`)
    .join('\n    ');
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <meta name="csp-nonce" content="${escapeHtml(input.nonce)}">
    ${styles}
    <title>${escapeHtml(input.title)}</title>
  </head>
  <body>
    <div id="app" data-csp-nonce="${escapeHtml(input.nonce)}"${input.boot !== undefined ? ` data-boot="${escapeHtml(input.boot)}"` : ''}></div>
    <script type="module" nonce="${escapeHtml(input.nonce)}" src="${escapeHtml(input.scriptUri)}"></script>
  </body>
</html>
`;
}
