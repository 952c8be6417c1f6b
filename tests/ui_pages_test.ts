/**
 * The job page, the list of jobs and the vault browser in real headless Chromium, with what a
 * first hour of use runs into: a failed file among done ones, a note whose name holds ")", a
 * narrow phone-sized window, Delete and Cancel. Screenshots of each page go to test-artifacts/.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { FAULT_APP, startUi, withTempDir } from "./support/app.ts";
import { assertNoSidewaysScroll, closeAll, launchBrowser, shot } from "./support/browser.ts";
import { writeText } from "./support/corpus.ts";
import { requires } from "./support/requires.ts";

const NO_CHROMIUM = requires("ui_pages_test", "chromium");

/** A JPEG's first bytes under a Markdown name: refused by its content, so it fails. */
const PICTURE = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1]);

/** Words of the page's text that the layout split across two lines (none should be).
 * Evaluated in the page: the test itself has no DOM types. */
function brokenWords(page: Page, selector: string): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const broken = [];
    for (const el of document.querySelectorAll(${JSON.stringify(selector)})) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of (node.textContent ?? "").matchAll(/\\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(m[0]);
        }
      }
    }
    return broken;
  })()`);
}

Deno.test({
  name: "the job page leads to failed files and to notes; the list confirms Delete and updates",
  ignore: NO_CHROMIUM,
  fn: async () => {
    await withTempDir(async (root) => {
      const input = join(root, "input");
      const topics = ["bees and hives", "hives and honey", "honey and bees"];
      for (const [i, topic] of topics.entries()) {
        await writeText(
          join(input, `n-${i}.md`),
          `# Notes ${i} on ${topic}\n\nKeeping ${topic} takes patience. The ${topic} survey ` +
            `counts colonies, hives and honey in the valley.\n`,
        );
      }
      await writeText(
        join(input, "library.md"),
        "# A library) (4)\n\nThe library keeps the survey of bees, hives and honey in the valley.\n",
      );
      await writeText(join(input, "picture.md"), PICTURE);
      await writeText(join(input, "empty.md"), "");
      // A page that only redirects: read, found to hold nothing to note, skipped with why.
      await writeText(
        join(input, "old.html"),
        '<html><head><meta http-equiv="refresh" content="0;URL=n-0.html"></head><body>' +
          '<p>Redirecting to <a href="n-0.html">n-0.html</a>...</p></body></html>',
      );
      const vault = join(root, "vault");
      const browser = await launchBrowser();
      const app = await startUi(join(root, "state"), { entry: FAULT_APP });
      try {
        const favicon = await fetch(`${app.base}/favicon.ico`);
        assert.equal(favicon.status, 200);
        assert.equal(favicon.headers.get("content-type"), "image/svg+xml");
        assert.match(await favicon.text(), /^<svg /);

        const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
        const dialogs: string[] = [];
        let answer = false;
        page.on("dialog", (d) => {
          dialogs.push(d.message());
          answer ? d.accept() : d.dismiss();
        });
        await page.goto(app.url);
        await page.getByLabel("Input folder").fill(input);
        await page.getByLabel(/^Vault folder/).fill(vault);
        await page.getByLabel(/^Workers/).fill("1");
        await page.getByRole("button", { name: "Start" }).click();
        await page.waitForURL(/#\/job\/1$/);
        await page.getByTestId("phase").getByText("finished").waitFor({ timeout: 60_000 });

        // Finished with one failure: said in words, not as a percentage short of 100.
        await page.getByTestId("percent").getByText("finished, 1 failed").waitFor();
        await page.locator(".files tr.failed").waitFor();
        assert.equal(await page.locator(".files tbody tr").count(), 6, "the empty file is no row");
        const first = page.locator(".files tbody tr").first();
        assert.equal(await first.getAttribute("class"), "failed", "the failure comes first");
        assert.match((await first.textContent())!, /picture\.md.*failed/);
        const skipped = page.locator(".files tbody tr", { hasText: "old.html" });
        assert.match((await skipped.textContent())!, /skipped.*only a redirect to n-0\.html/);
        assert.equal(await skipped.getAttribute("class"), null, "a skipped page is no failure");
        await page.locator(".stats", { hasText: "4 / 6, 1 skipped" }).waitFor();
        await page.getByRole("button", { name: "Run again" }).waitFor();
        await shot(page, "pages-1-job-finished");

        // The "Failed" counter shows the failed files alone.
        await page.locator(".stats").getByRole("link", { name: "1" }).click();
        assert.equal(
          await page.getByRole("button", { name: "Failed only (1)" }).getAttribute("aria-pressed"),
          "true",
        );
        assert.equal(await page.locator(".files tbody tr").count(), 1);
        await shot(page, "pages-2-job-failed-only");
        await page.getByRole("button", { name: "All files" }).click();
        assert.equal(await page.locator(".files tbody tr").count(), 6);

        // At 420 px every file is still readable, no word broken in the middle.
        await page.setViewportSize({ width: 420, height: 900 });
        await assertNoSidewaysScroll(page, "job at 420 px");
        assert.deepEqual(await brokenWords(page, ".files, .stats"), []);
        await shot(page, "pages-3-job-420px");
        await page.setViewportSize({ width: 1200, height: 900 });

        // A done file links to its note; the note's name holds ")".
        await page.locator(".files").getByRole("link", { name: "library.md" }).click();
        await page.waitForURL(/vault\?path=Sources%2FA%20library\)%20\(4\)\.md$/);
        await page.locator("article h1", { hasText: "A library) (4)" }).waitFor();
        await shot(page, "pages-4-note-from-job");

        // A wikilink to it from another note works too: a note of the user's own, so what the
        // analysis puts in which map does not matter here.
        await writeText(join(vault, "Links.md"), "See [[Sources/A library) (4)]] and more.\n");
        await page.goto(`${app.base}/#/job/1/vault?path=Links.md`);
        const toNote = page.locator("article").getByRole("link", { name: "A library) (4)" });
        await toNote.first().click();
        await page.locator("article h1", { hasText: "A library) (4)" }).waitFor();
        assert.equal(await page.locator("article .error").count(), 0);
        await shot(page, "pages-5-note-from-link");

        // A note with a line longer than the window (a program, a long word) scrolls inside its
        // block or wraps; the page never scrolls sideways.
        await writeText(
          join(vault, "Wide.md"),
          `# Wide\n\n\`\`\`\n${"x".repeat(400)}\n\`\`\`\n\n${"a".repeat(300)}\n`,
        );
        await page.goto(`${app.base}/#/job/1/vault?path=Wide.md`);
        await page.locator("article h1", { hasText: "Wide" }).waitFor();
        await assertNoSidewaysScroll(page, "a note with a long line");

        // The list: a finished job is run again, never "resumed"; Delete asks first.
        await page.goto(`${app.base}/#/`);
        const history = page.getByRole("region", { name: "All jobs" });
        await history.getByText(input).waitFor();
        assert.equal(await history.getByRole("button", { name: "Resume" }).count(), 0);
        await history.getByRole("button", { name: "Run again" }).waitFor();
        await shot(page, "pages-6-home");
        await history.getByRole("button", { name: "Delete" }).click();
        assert.match(dialogs.at(-1)!, /^Delete the job for .*input from this list\? The vault/);
        assert.equal(await history.getByText(input).count(), 1, "dismissed: the job stays");
        answer = true;
        await history.getByRole("button", { name: "Delete" }).click();
        // Gone from the list at once, without a reload.
        await history.getByText("No jobs yet.").waitFor();
        assert.equal(dialogs.length, 2);
        await shot(page, "pages-7-home-deleted");
      } finally {
        await closeAll(browser, app);
      }
    });
  },
});

Deno.test({
  name: "Cancel asks first; a dismissed Cancel leaves the job running",
  ignore: NO_CHROMIUM,
  fn: async () => {
    await withTempDir(async (root) => {
      const input = join(root, "input");
      // Held until the test releases it: the job is running, deterministically.
      await writeText(join(input, "m__gate__.md"), "# Gate\n\nA file that waits for the test.\n");
      const browser = await launchBrowser();
      const app = await startUi(join(root, "state"), { entry: FAULT_APP });
      try {
        const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
        const dialogs: string[] = [];
        let answer = false;
        page.on("dialog", (d) => {
          dialogs.push(d.message());
          answer ? d.accept() : d.dismiss();
        });
        await page.goto(app.url);
        await page.getByLabel("Input folder").fill(input);
        await page.getByLabel(/^Vault folder/).fill(join(root, "vault"));
        await page.getByRole("button", { name: "Start" }).click();
        await page.waitForURL(/#\/job\/1$/);
        await page.getByText("waiting for the test").waitFor();

        await page.getByRole("button", { name: "Cancel" }).click();
        assert.match(dialogs.at(-1)!, /^Cancel this job\? Files already done are kept/);
        assert.equal(await page.getByTestId("phase").textContent(), "running");
        answer = true;
        await page.getByRole("button", { name: "Cancel" }).click();
        await page.getByTestId("phase").getByText("cancelled").waitFor({ timeout: 60_000 });
        await page.getByRole("button", { name: "Resume" }).waitFor();
        await shot(page, "pages-8-job-cancelled");
      } finally {
        await Deno.writeTextFile(join(input, ".release"), "");
        await closeAll(browser, app);
      }
    });
  },
});

Deno.test({
  name: "the vault browser searches titles, folds folders, shows properties and follows key points",
  ignore: NO_CHROMIUM,
  fn: async () => {
    await withTempDir(async (root) => {
      const input = join(root, "input");
      const lines = [
        "Welcome to the bee keeping podcast about hives.",
        "Today we talk about honey harvests in the valley.",
        "The survey counted forty colonies of bees this spring.",
      ];
      await writeText(
        join(input, "episode.srt"),
        lines.map((l, i) => `${i + 1}\n00:00:${i}0,000 --> 00:00:${i}5,000\n${l}\n`).join("\n"),
      );
      await writeText(join(input, "hives.md"), "# Hive Care\n\nHives need care in winter.\n");
      await writeText(join(input, "Ökologie.md"), "# Ökologie\n\nBees and flowers.\n");
      const vault = join(root, "vault");
      const browser = await launchBrowser();
      const app = await startUi(join(root, "state"), { entry: FAULT_APP });
      try {
        const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
        await page.goto(app.url);
        await page.getByLabel("Input folder").fill(input);
        await page.getByLabel(/^Vault folder/).fill(vault);
        await page.getByRole("button", { name: "Start" }).click();
        await page.waitForURL(/#\/job\/1$/);
        await page.getByTestId("phase").getByText("finished").waitFor({ timeout: 60_000 });
        await page.locator(".files").getByRole("link", { name: "episode.srt" }).click();
        await page.locator("article h1", { hasText: "Episode" }).waitFor();

        // Properties as a table, without the hash; block ids hidden.
        const props = page.getByRole("table", { name: "Properties" });
        assert.equal(await props.locator("th", { hasText: "type" }).count(), 1);
        assert.equal(await props.getByText("source_hash").count(), 0);
        assert.doesNotMatch((await page.locator("article").textContent())!, /\^t-/);
        // Open in Obsidian, and back to the job.
        assert.equal(
          await page.getByRole("link", { name: "Open in Obsidian" }).getAttribute("href"),
          `obsidian://open?path=${encodeURIComponent(`${vault}/Sources/Episode.md`)}`,
        );
        assert.equal(
          await page.getByRole("link", { name: "Back to the job" }).getAttribute("href"),
          "#/job/1",
        );
        // A key point's time leads to its paragraph of the transcript.
        await page.locator("article").getByRole("link", { name: "00:00:20" }).click();
        await page.waitForURL(/&block=t-000020$/);
        const target = page.locator("article p.target");
        await target.waitFor();
        assert.match((await target.textContent())!, /^\[00:00:20\] The survey counted/);
        await shot(page, "pages-9-transcript-block");

        // The folder tree and the search over titles (accents aside).
        const nav = page.getByRole("navigation", { name: "Notes" });
        await nav.getByText("Sources (3)").waitFor();
        await nav.getByLabel("Search titles and text").fill("okolo");
        // The count takes in Home and the maps too, whose number is not the point here.
        await nav.getByText(/^1 of \d+ notes$/).waitFor();
        const tree = nav.getByRole("group", { name: "Notes by folder" });
        assert.deepEqual(await tree.getByRole("link").allTextContents(), ["Ökologie"]);
        await shot(page, "pages-10-vault-search");
        // The same box searches the notes' text: "in winter" is in no title.
        await nav.getByLabel("Search titles and text").fill("in winter");
        const inText = nav.getByRole("region", { name: "Found in the text" });
        await inText.getByRole("link", { name: "Hive Care" }).waitFor();
        assert.match((await inText.textContent())!, /Hives need care in winter/);
        assert.equal(await tree.getByRole("link").count(), 0, "no title holds it");
        await shot(page, "pages-11-vault-text-search");
      } finally {
        await closeAll(browser, app);
      }
    });
  },
});

Deno.test({
  name: "the vault browser follows a wikilink in a table cell and shows sub- and superscripts",
  ignore: NO_CHROMIUM,
  fn: async () => {
    await withTempDir(async (root) => {
      const input = join(root, "input");
      const prose = "<p>Bees keep their hives warm through the winter by clustering together. " +
        "The colony eats the honey it stored in summer, and the queen lays again in spring.</p>";
      // A link inside a table cell becomes [[Sources/…\|label]]: its pipe escaped for the table.
      await writeText(
        join(input, "index.html"),
        `<html><head><title>Hive Index</title></head><body><article><h1>Hive Index</h1>${prose}` +
          "<table><tr><th>Page</th><th>About</th></tr><tr><td>" +
          '<a href="winter.html">the winter page</a></td><td>CO<sub>2</sub> and m<sup>2</sup>' +
          `</td></tr></table>${prose}</article></body></html>`,
      );
      await writeText(
        join(input, "winter.html"),
        "<html><head><title>Hives in Winter</title></head><body><article><h1>Hives in " +
          `Winter</h1>${prose}${prose}</article></body></html>`,
      );
      const browser = await launchBrowser();
      const app = await startUi(join(root, "state"), { entry: FAULT_APP });
      try {
        const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
        await page.goto(app.url);
        await page.getByLabel("Input folder").fill(input);
        await page.getByLabel(/^Vault folder/).fill(join(root, "vault"));
        await page.getByRole("button", { name: "Start" }).click();
        await page.waitForURL(/#\/job\/1$/);
        await page.getByTestId("phase").getByText("finished").waitFor({ timeout: 60_000 });
        await page.locator(".files").getByRole("link", { name: "index.html" }).click();
        await page.locator("article h1", { hasText: "Hive Index" }).waitFor();
        const cell = page.locator("article table:not(.properties) td").first();
        assert.equal((await cell.textContent())?.trim(), "the winter page");
        assert.equal(
          await page.locator("article table:not(.properties) td sub").textContent(),
          "2",
        );
        assert.equal(
          await page.locator("article table:not(.properties) td sup").textContent(),
          "2",
        );
        await cell.getByRole("link", { name: "the winter page" }).click();
        await page.locator("article h1", { hasText: "Hives in Winter" }).waitFor();
      } finally {
        await closeAll(browser, app);
      }
    });
  },
});
