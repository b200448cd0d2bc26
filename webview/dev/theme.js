/* global URLSearchParams, location, document */
// DEV ONLY: ?theme=light|dark|hc picks the body class VS Code would set.
const t = new URLSearchParams(location.search).get('theme');
document.body.className = t === 'light' ? 'vscode-light' : t === 'hc' ? 'vscode-high-contrast' : 'vscode-dark';
