/**
 * axe-core audits of a webview page in the real VS Code: axe runs through the test driver
 * (Playwright evaluates it in the page's frame), as the panels' CSP rightly refuses injected scripts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame } from 'playwright-core';
import { UI_TIMEOUT_MS } from './workbench';
import type { VsCodeSession } from './session';

const AXE_SOURCE = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly unknown[]; readonly failureSummary?: string }[];
}

/** The frame (webviews are two iframes deep) whose page has `selector`, as a Frame Playwright can evaluate in. */
export async function webviewPageFrame(vs: VsCodeSession, selector: string): Promise<Frame> {
  const deadline = Date.now() + UI_TIMEOUT_MS;
  for (;;) {
    for (const f of vs.page.frames()) {
      if (await f.locator(selector).count().catch(() => 0)) return f;
    }
    if (Date.now() > deadline) throw new Error(`no webview page with ${selector} was found`);
    await vs.page.waitForTimeout(200);
  }
}

/** Serious and critical violations in the page, one line each. */
export async function seriousAxeViolations(frame: Frame): Promise<string[]> {
  await frame.evaluate(AXE_SOURCE);
  const violations = await frame.evaluate(async () => {
    // Runs in the page: its globals, typed here without the DOM library.
    const page = globalThis as unknown as { document: unknown; axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } };
    const result = await page.axe.run(page.document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => `${JSON.stringify(n.target)} (${(n.failureSummary ?? '').replace(/\s+/g, ' ')})`).join(', ')}`);
}
