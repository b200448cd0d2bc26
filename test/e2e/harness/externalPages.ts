/**
 * Links VS Code opens in the browser (the Alibaba Cloud consoles): those sites are not reachable
 * from here, so their requests are answered locally and recorded, and the page opened is read.
 */
import type { Page } from 'playwright-core';
import type { VsCodeSession } from './session';
import { UI_TIMEOUT_MS } from './workbench';

/** Answers requests whose URL matches `site` with a small page titled `title`; the URLs asked for, in order. */
export async function recordSiteRequests(vs: VsCodeSession, site: RegExp, title: string): Promise<string[]> {
  const requested: string[] = [];
  await vs.page.context().route(site, async (route) => {
    requested.push(route.request().url());
    await route.fulfill({ status: 200, contentType: 'text/html', body: `<title>${title}</title>` });
  });
  return requested;
}

/** Answers VS Code's open-external-link dialog with Open: the page the browser opened, loaded, and its URL. */
export async function openLinkFromDialog(vs: VsCodeSession): Promise<{ readonly page: Page; readonly url: URL }> {
  const popup = vs.page.context().waitForEvent('page', { timeout: UI_TIMEOUT_MS });
  await vs.answerDialog('Open');
  const page = await popup;
  await page.waitForLoadState('domcontentloaded');
  return { page, url: new URL(page.url()) };
}
