/**
 * @module
 * Headless Chromium for the browser tests (Debian's `chromium`, driven by playwright-core), and
 * screenshots of each page under test-artifacts/ for a reviewer to look at.
 */
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { REPO, type UiApp } from "./app.ts";
import { chromiumPath } from "./requires.ts";

export const ARTIFACTS = join(REPO, "test-artifacts");

export function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export async function shot(page: Page, name: string): Promise<void> {
  await Deno.mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

export async function assertNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const { scroll, width } = await page.evaluate<{ scroll: number; width: number }>(
    "({ scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth })",
  );
  if (scroll > width) {
    throw new Error(`${where}: the page is ${scroll} px wide in a ${width} px window`);
  }
}

/** Ends a browser test: the browser closed, the app stopped with Ctrl-C and its output drained. */
export async function closeAll(browser: Browser, app: UiApp): Promise<void> {
  await browser.close();
  app.child.kill("SIGINT");
  await app.child.status;
  await app.drained;
}
