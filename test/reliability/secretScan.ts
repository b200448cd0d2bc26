/**
 * Looks for a secret in everything an extension session left behind: files (scanned as bytes, so
 * SQLite databases such as state.vscdb and binary logs count) and captured texts. The secret is
 * searched as UTF-8, UTF-16LE (Chromium/VS Code storage), base64 and percent-encoded forms.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SecretFinding {
  /** A file path, or the label of a captured text. */
  readonly where: string;
  readonly form: string;
}

export interface ScanResult {
  readonly findings: SecretFinding[];
  readonly filesScanned: number;
  readonly bytesScanned: number;
  readonly textsScanned: number;
}

function forms(secret: string): { form: string; bytes: Buffer }[] {
  return [
    { form: 'utf-8', bytes: Buffer.from(secret, 'utf8') },
    { form: 'utf-16le', bytes: Buffer.from(secret, 'utf16le') },
    { form: 'base64', bytes: Buffer.from(Buffer.from(secret, 'utf8').toString('base64').replace(/=+$/, ''), 'utf8') },
    { form: 'percent-encoded', bytes: Buffer.from(encodeURIComponent(secret), 'utf8') },
  ].filter((f, i, all) => all.findIndex((g) => g.bytes.equals(f.bytes)) === i);
}

function* filesUnder(root: string): Iterable<string> {
  if (!existsSync(root)) return;
  const st = lstatSync(root);
  if (st.isSymbolicLink()) return;
  if (st.isFile()) {
    yield root;
    return;
  }
  if (!st.isDirectory()) return;
  for (const name of readdirSync(root)) yield* filesUnder(join(root, name));
}

/** Scans the files under `roots` (skipping paths matched by `skip`) and the given texts. */
export function scanForSecret(secret: string, roots: readonly string[], texts: Readonly<Record<string, string>>, skip: (path: string) => boolean = () => false): ScanResult {
  const patterns = forms(secret);
  const findings: SecretFinding[] = [];
  let filesScanned = 0;
  let bytesScanned = 0;
  for (const root of roots) {
    for (const file of filesUnder(root)) {
      if (skip(file)) continue;
      const bytes = readFileSync(file);
      filesScanned++;
      bytesScanned += bytes.length;
      for (const p of patterns) if (bytes.includes(p.bytes)) findings.push({ where: file, form: p.form });
    }
  }
  for (const [label, text] of Object.entries(texts)) {
    const bytes = Buffer.from(text, 'utf8');
    for (const p of patterns) if (bytes.includes(p.bytes)) findings.push({ where: label, form: p.form });
  }
  return { findings, filesScanned, bytesScanned, textsScanned: Object.keys(texts).length };
}
