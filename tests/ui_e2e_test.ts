/**
 * End to end in real headless Chromium (Debian's `chromium`, driven by playwright-core): create
 * a job through the form, watch it, kill the app with SIGKILL mid-job, start it again, resume
 * from the recovery panel, watch it finish, then browse the vault and follow wikilinks.
 * Screenshots of the main views go to test-artifacts/.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { FAULT_APP, startUi, withTempDir } from "./support/app.ts";
import { assertNoSidewaysScroll, closeAll, launchBrowser, shot } from "./support/browser.ts";
import { writeText } from "./support/corpus.ts";
import { requires } from "./support/requires.ts";

const NO_CHROMIUM = requires("ui_e2e_test", "chromium");

/** Where the sections below the live parts start: it must not move while events stream. */
async function filesHeadingTop(page: Page): Promise<number> {
  return (await page.getByRole("heading", { name: "Files", level: 2 }).boundingBox())!.y;
}

Deno.test({
  name: "a job made in the browser survives kill -9, resumes from the recovery panel and finishes",
  ignore: NO_CHROMIUM,
  fn: async () => {
    await withTempDir(async (root) => {
      const input = join(root, "input");
      const topics = ["bees and hives", "hives and honey", "honey and bees", "river boats"];
      for (const [i, topic] of topics.entries()) {
        await writeText(
          join(input, `a-${i}.md`),
          `# Note ${i} on ${topic}\n\nKeeping ${topic} takes patience. ` +
            `Dr. Maria Keller studies ${topic} every summer. The ${topic} survey counts ` +
            `colonies, hives and honey in the valley.\n`,
        );
      }
      // Held until the test releases it: the job is mid-way, deterministically.
      await writeText(join(input, "m__gate__.md"), "# Gate\n\nA file that waits for the test.\n");
      for (let i = 0; i < 3; i++) {
        await writeText(join(input, `z-${i}.md`), `# Later ${i}\n\nBees, hives and honey ${i}.\n`);
      }
      const vault = join(root, "vault");
      const state = join(root, "state");
      const browser = await launchBrowser();
      let app = await startUi(state, { entry: FAULT_APP });
      try {
        const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
        await page.goto(app.url);
        assert.doesNotMatch(page.url(), /token=/, "the token leaves the address bar");
        await page.getByRole("heading", { name: "New job" }).waitFor();
        await shot(page, "1-home");

        await page.getByLabel("Input folder").fill(input);
        await page.getByLabel(/^Vault folder/).fill(vault);
        await page.getByLabel(/^Workers/).fill("1");
        await page.getByRole("button", { name: "Start" }).click();
        await page.waitForURL(/#\/job\/1$/);
        await page.getByText("waiting for the test").waitFor();
        assert.equal(await page.getByTestId("phase").textContent(), "running");
        const metrics = page.getByRole("region", { name: "Metrics" });
        await metrics.getByText(/^Memory: [\d,.]+ MB$/).waitFor();
        const liveTop = await filesHeadingTop(page);
        await shot(page, "2-live-job");

        // The power goes out.
        app.child.kill("SIGKILL");
        await app.child.status;
        await app.drained;

        app = await startUi(state, { entry: FAULT_APP });
        await page.goto(app.url);
        const recovery = page.getByRole("region", { name: "Interrupted jobs" });
        await recovery.getByText(input).waitFor();
        await shot(page, "3-recovery");

        await Deno.writeTextFile(join(input, ".release"), "");
        await recovery.getByRole("button", { name: "Resume" }).click();
        await page.waitForURL(/#\/job\/1$/);
        await page.getByTestId("phase").getByText("finished").waitFor({ timeout: 60_000 });
        assert.equal(await page.getByTestId("percent").textContent(), "100%");
        // A finished job can be run again, not paused or cancelled.
        for (const name of ["Pause", "Cancel"]) {
          assert.equal(await page.getByRole("button", { name, exact: true }).count(), 0, name);
        }
        // Metrics over both runs: a chart each, and the run the power cut short.
        assert.equal(await metrics.locator("figure canvas").count(), 3);
        await metrics.getByText("Runs of this job (2)").click();
        await metrics.getByText(/the app died/).waitFor();
        await metrics.getByText("Runs of this job (2)").click();
        assert.equal(await filesHeadingTop(page), liveTop, "the page did not move");
        await shot(page, "4-finished");

        await page.getByRole("link", { name: "Browse vault" }).click();
        await page.getByRole("heading", { name: "Home", level: 1 }).waitFor();
        await shot(page, "5-vault-home");
        // Home -> a map -> a note: every step a wikilink rendered as a link.
        for (const folder of ["Maps", "Sources"]) {
          const link = page.locator("article").getByRole("link").first();
          const name = (await link.textContent())!;
          await link.click();
          await page.waitForURL(new RegExp(`vault\\?path=${folder}%2F`));
          await page.locator("article h1", { hasText: name }).waitFor();
        }
        assert.match(
          (await page.locator("article h1").textContent())!,
          /^(Note \d on|Later \d|Gate)/,
        );
        await shot(page, "6-note");
      } finally {
        await closeAll(browser, app);
      }
      // The resumed job wrote every note once.
      const notes = [...Deno.readDirSync(join(vault, "Sources"))].map((e) => e.name);
      assert.equal(notes.length, 8);
    });
  },
});

Deno.test({
  name: "the UI works from the keyboard alone and reads at 200% zoom without sideways scrolling",
  ignore: NO_CHROMIUM,
  fn: async () => {
    await withTempDir(async (root) => {
      const input = join(root, "input");
      for (let i = 0; i < 3; i++) {
        await writeText(
          join(input, `n-${i}.md`),
          `# Notebook ${i}\n\nBees forage for nectar ${i}. Hives need care in winter.\n`,
        );
      }
      const vault = join(root, "vault");
      const browser = await launchBrowser();
      const app = await startUi(join(root, "state"), { entry: FAULT_APP });
      try {
        // A 1200 x 900 window at 200%: half the CSS pixels, each drawn twice as large.
        const page = await browser.newPage({
          viewport: { width: 600, height: 450 },
          deviceScaleFactor: 2,
        });
        await page.goto(app.url);
        await page.getByRole("heading", { name: "New job" }).waitFor();
        await assertNoSidewaysScroll(page, "home");

        await tabTo(page, "Input folder");
        await page.keyboard.type(input);
        await tabTo(page, /^Vault folder/);
        await page.keyboard.type(vault);
        await tabTo(page, "Start");
        await page.keyboard.press("Enter");
        await page.waitForURL(/#\/job\/1$/);
        await page.getByTestId("phase").getByText("finished").waitFor({ timeout: 60_000 });
        await assertNoSidewaysScroll(page, "job");
        await shot(page, "7-zoom-job");

        await tabTo(page, "Browse vault");
        await page.keyboard.press("Enter");
        await page.getByRole("heading", { name: "Home", level: 1 }).waitFor();
        await assertNoSidewaysScroll(page, "vault");
        await shot(page, "8-zoom-vault");
      } finally {
        await closeAll(browser, app);
      }
      assert.equal([...Deno.readDirSync(join(vault, "Sources"))].length, 3);
    });
  },
});

/** Presses Tab until the element named `name` has the focus, and fails if it never does. */
async function tabTo(page: Page, name: string | RegExp): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    // Evaluated in the page (the test itself has no DOM types): the focused control's name.
    const focused = await page.evaluate<string>(`(() => {
      const el = document.activeElement;
      const label = el?.id ? document.querySelector('label[for="' + el.id + '"]') : null;
      return (label?.textContent ?? el?.getAttribute("aria-label") ?? el?.textContent ?? "").trim();
    })()`);
    seen.push(focused);
    if (typeof name === "string" ? focused === name : name.test(focused)) return;
  }
  assert.fail(`Tab never reached ${name}; it went through: ${seen.join(" | ")}`);
}
