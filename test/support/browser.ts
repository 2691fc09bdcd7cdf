import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ensureBrowser } from '../../scripts/stack/browser';

/** Where browser tests leave their screenshots (git-ignored), one folder per suite. */
export const artifactsDir = (suite: string): string => {
  const dir = join(__dirname, '..', '..', 'test-artifacts', suite);
  mkdirSync(dir, { recursive: true });
  return dir;
};

/**
 * A real headless Chromium (Debian's, installed by `npm test` when missing: scripts/stack/browser).
 * As root Chromium refuses to start without --no-sandbox; these tests only open our own pages.
 */
export const launchBrowser = async (): Promise<Browser> =>
  puppeteer.launch({ executablePath: await ensureBrowser(), headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });

/** A page whose script errors and refused loads fail the test instead of passing unseen. */
export const watchedPage = async (browser: Browser): Promise<{ page: Page; problems: string[] }> => {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error instanceof Error ? error.message : String(error)}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  await page.setViewport({ width: 1400, height: 1000 });
  return { page, problems };
};
