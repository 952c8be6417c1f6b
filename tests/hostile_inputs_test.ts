/**
 * Regressions found by the torture suite's hostile inputs (scripts/torture/hostile_inputs.ts),
 * each checked through the real app: one small file per fix, not the whole section.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { Buffer } from "node:buffer";
import { ofType, runApp, withTempDir } from "./support/app.ts";
import { writeText } from "./support/corpus.ts";
import { craftPdf } from "./support/documents.ts";

/** A one-page PDF whose content stream is `stream` (already deflated). */
function pdfWithStream(stream: Uint8Array): Uint8Array {
  return craftPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
    `<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n` +
    `${Buffer.from(stream).toString("latin1")}\nendstream`,
  ]);
}

Deno.test("hostile inputs are refused with errors that say what is wrong, or read", async () => {
  await withTempDir(async (root) => {
    const input = join(root, "input");
    await writeText(join(input, "fine.md"), "# Fine\n\nThe harbour was surveyed in spring.\n");
    // A sparse 1 TB document: refused by its size, never hashed, and its time budget (60 s per
    // MB) no longer overflows the host's timer into an instant timeout.
    const sparse = await Deno.open(join(input, "sparse.md"), { write: true, create: true });
    await sparse.truncate(1024 ** 4);
    sparse.close();
    // A name that is not UTF-8 (the raw 0xFF byte comes from the shell).
    const made = await new Deno.Command("sh", {
      args: ["-c", 'echo text > "$1/bad$(printf "\\377").txt"', "sh", input],
    }).output();
    assert.ok(made.success);
    const text = "No byte order mark here.";
    const utf16 = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) utf16[i * 2] = text.charCodeAt(i);
    await writeText(join(input, "utf16.txt"), utf16);
    await writeText(join(input, "empty.pdf"), "");
    await writeText(join(input, "empty.mp3"), "");
    // 300 MB of spaces in a 300 KB PDF.
    await writeText(
      join(input, "bomb.pdf"),
      pdfWithStream(deflateSync(Buffer.alloc(300 * 1024 * 1024, 0x20))),
    );
    await writeText(
      join(input, "references.html"),
      `<html><head><title>References</title></head><body><p>${"&nbsp;&amp;".repeat(200_000)}` +
        "</p><p>The bridge was surveyed in spring by Ada Lind.</p></body></html>",
    );

    const run = await runApp(["--batch", input, "--out", join(root, "vault"), "--json"]);
    assert.equal(run.code, 1, run.stderr);
    const refusals = new Map([
      ...ofType(run.events, "file_failed").map((e) => [e.path, e.error] as const),
      ...ofType(run.events, "file_skipped").map((e) => [e.path, e.reason] as const),
    ]);
    const expected: [string, RegExp][] = [
      ["sparse.md", /^file too large: 1048576\.0 MB, the limit is 64\.0 MB/],
      ["bad\uFFFD.txt", /^its name is not valid UTF-8, so it cannot be opened: rename it/],
      ["empty.pdf", /^empty file: nothing to make a note from$/],
      ["empty.mp3", /^empty file: nothing to make a note from$/],
      ["bomb.pdf", /^not a readable PDF: a compressed stream in it inflates past 256 MB/],
    ];
    for (const [path, pattern] of expected) assert.match(refusals.get(path) ?? "", pattern, path);
    assert.deepEqual(
      ofType(run.events, "file_done").map((e) => e.path).sort(),
      // UTF-16 without a byte order mark is read as what it is.
      ["fine.md", "references.html", "utf16.txt"],
    );
  });
});

Deno.test("a file rewritten throughout its read is reported as changing, never torn", async () => {
  await withTempDir(async (root) => {
    const input = join(root, "input");
    const path = join(input, "live.txt");
    const versions = ["alpha ", "bravo "].map((w) => new TextEncoder().encode(w.repeat(200_000)));
    await writeText(path, versions[0]);
    // While this loop writes, the file's times never settle: every read is refused, whatever
    // the timing, and no mix of the two versions can become a note.
    let writing = true;
    const writer = (async () => {
      const file = await Deno.open(path, { write: true });
      try {
        for (let v = 1; writing; v ^= 1) {
          await file.seek(0, Deno.SeekMode.Start);
          await file.write(versions[v]);
        }
      } finally {
        file.close();
      }
    })();
    try {
      const run = await runApp([
        "--batch",
        input,
        "--out",
        join(root, "vault"),
        "--json",
        "--max-attempts",
        "1",
      ]);
      assert.equal(run.code, 1, run.stderr);
      assert.deepEqual(ofType(run.events, "file_done"), []);
      const [quarantined] = ofType(run.events, "file_quarantined");
      assert.match(
        quarantined.error,
        /^the file kept changing while it was being read \(is something still writing it\?\)/,
      );
    } finally {
      writing = false;
      await writer;
    }
  });
});
