import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ofType, runApp, withTempDir } from "./support/app.ts";
import { snapshotVault, writeText } from "./support/corpus.ts";
import { makeCjkPdf, makeDocx, makeEpub, makePdf } from "./support/documents.ts";

const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));

Deno.test("every document format becomes a note through the sandboxed pipeline", async () => {
  await withTempDir(async (root) => {
    const input = join(root, "input");
    await Deno.mkdir(input);
    await Deno.copyFile(join(FIXTURES, "html/blog.html"), join(input, "starter.html"));
    await Deno.copyFile(
      join(FIXTURES, "subtitles/interview.vtt"),
      join(input, "interview.vtt"),
    );
    await Deno.copyFile(join(FIXTURES, "subtitles/drama.srt"), join(input, "drama.srt"));
    await writeText(
      join(input, "bees.pdf"),
      await makePdf("A Study of Bees", [
        "Honey bees dance to tell the hive where flowers are.",
        "The waggle run points toward the food, measured against the sun.",
      ]),
    );
    await writeText(
      join(input, "memo.docx"),
      await makeDocx("Quarterly Memo", ["Sales rose in the north.", "Costs fell in the south."]),
    );
    await writeText(
      join(input, "hives.epub"),
      makeEpub("Keeping Hives", [
        '<h2>Spring</h2><p>Check the queen in <a href="c1.xhtml#late">late spring</a>.</p>',
        '<h2>Summer</h2><h3 id="late">Late spring and summer</h3><p>Add supers as the ' +
        "nectar flows.</p>",
      ]),
    );
    // 中文文本 in a CID font without ToUnicode: the CMaps are embedded modules the sandboxed
    // stage thread loads without any read permission of its own.
    await writeText(
      join(input, "chinese.pdf"),
      makeCjkPdf("UniGB-UCS2-H", "GB1", "STSong-Light", "4E2D65876587672C"),
    );
    // AsciiDoc, which its reader loads in the sandboxed stage thread with no access to the
    // environment or the home folder.
    await writeText(
      join(input, "trimming.txt"),
      "Trimming harbour lamps\n======================\n\nWicks\n~~~~~\n\nThe keeper trims each " +
        "wick at dusk.\n\n------------\n# trim --all\n------------\n",
    );
    const vault = join(root, "vault");
    const run = await runApp(["--batch", input, "--out", vault, "--json"]);
    assert.equal(run.code, 0, run.stderr);
    const notes = new Map(ofType(run.events, "file_done").map((e) => [e.path, e.note]));
    assert.deepEqual(
      [...notes.keys()].sort(),
      [
        "bees.pdf",
        "chinese.pdf",
        "drama.srt",
        "hives.epub",
        "interview.vtt",
        "memo.docx",
        "starter.html",
        "trimming.txt",
      ],
    );
    const vaultNotes = await snapshotVault(vault);
    const note = (path: string) => vaultNotes.get(notes.get(path)!)!;

    assert.equal(notes.get("starter.html"), "Sources/Tending a Sourdough Starter.md");
    assert.match(note("starter.html"), /type: "html"/);
    assert.doesNotMatch(note("starter.html"), /All recipes|tracking pixel/);

    assert.equal(notes.get("bees.pdf"), "Sources/A Study of Bees.md");
    assert.match(note("bees.pdf"), /pages: 2/);
    assert.match(note("bees.pdf"), /waggle run points toward the food/);

    assert.equal(notes.get("memo.docx"), "Sources/Quarterly Memo.md");
    assert.match(note("memo.docx"), /# Background[\s\S]*Sales rose in the north\./);

    assert.equal(notes.get("hives.epub"), "Sources/Keeping Hives.md");
    assert.match(note("hives.epub"), /type: "epub"/);
    assert.match(
      note("hives.epub"),
      /Check the queen in \[\[#Late spring and summer\|late spring\]\]\./,
    );

    assert.match(note("chinese.pdf"), /中文文本/);

    assert.equal(notes.get("trimming.txt"), "Sources/Trimming harbour lamps.md");
    assert.match(
      note("trimming.txt"),
      /#+ Wicks\n\nThe keeper trims each wick at dusk\.\n\n```\n# trim --all\n```/,
    );

    assert.match(note("interview.vtt"), /\[00:00:\d\d\] \*\*[^*]+:\*\*/);
    assert.match(note("drama.srt"), /type: "subtitles"/);
    assert.match(note("drama.srt"), /\[00:\d\d:\d\d\]/);
  });
});

Deno.test("broken and mislabelled files of every type get clear errors, or are read as what they are", async () => {
  await withTempDir(async (root) => {
    const input = join(root, "input");
    await Deno.mkdir(input);
    const pdf = await makePdf("Hidden Report", ["The numbers are in."]);
    await writeText(join(input, "report.txt"), pdf); // a PDF named .txt
    await writeText(join(input, "truncated.pdf"), pdf.subarray(0, 40));
    await writeText(join(input, "fake.docx"), crypto.getRandomValues(new Uint8Array(2000)));
    await writeText(join(input, "fake.epub"), "a book in name only\n");
    // A Word document named .epub is a ZIP too, and read as what its content is.
    await writeText(join(input, "memo.epub"), await makeDocx("Memo", ["Not a book."]));
    await writeText(join(input, "empty.srt"), "");
    await writeText(join(input, "nocues.vtt"), "WEBVTT\n\nthis is not a cue\n");
    await writeText(
      join(input, "picture.md"),
      new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1]),
    );
    await writeText(join(input, "song.mp3"), "these are words, not sound\n");
    await writeText(join(input, "page.html"), "<html><body><nav>Home</nav></body></html>");
    const run = await runApp(["--batch", input, "--out", join(root, "vault"), "--json"]);
    assert.equal(run.code, 1, run.stderr);

    const done = ofType(run.events, "file_done").map((e) => [e.path, e.note, e.warning]);
    // Workers finish in any order.
    assert.deepEqual(done.sort((a, b) => String(a[0]).localeCompare(String(b[0]))), [
      [
        "memo.epub",
        "Sources/Memo.md",
        "named .epub but the content is a Word document; read it as such",
      ],
      [
        "report.txt",
        "Sources/Hidden Report.md",
        "named .txt but the content is a PDF; read it as such",
      ],
    ]);
    assert.match(run.stderr, /note report\.txt: named \.txt but the content is a PDF/);
    const failed = new Map(ofType(run.events, "file_failed").map((e) => [e.path, e]));
    const expect: [string, RegExp][] = [
      ["truncated.pdf", /not a readable PDF/],
      ["fake.docx", /named \.docx but the content is not a Word document|not a readable Word/],
      ["fake.epub", /named \.epub but the content is not an EPUB book/],
      ["nocues.vtt", /no subtitle cues found/],
      ["picture.md", /the content is image\/jpeg/],
      ["song.mp3", /named \.mp3 but the content is not audio/],
      ["page.html", /no readable text in this page/],
    ];
    assert.deepEqual(
      ofType(run.events, "file_skipped").map((e) => [e.path, e.reason]),
      [["empty.srt", "empty file: nothing to make a note from"]],
    );
    for (const [path, pattern] of expect) {
      const e = failed.get(path);
      assert.ok(e, `${path} should fail`);
      assert.match(e.error, pattern, path);
      assert.equal(e.willRetry, false, path);
    }
    assert.equal(failed.size, expect.length);
  });
});

Deno.test("links between the pages of a batch become wikilinks to their notes, in-page ones heading links", async () => {
  await withTempDir(async (root) => {
    const input = join(root, "input");
    await Deno.mkdir(join(input, "guide"), { recursive: true });
    for (const name of ["intro.html", "pruning.html"]) {
      await Deno.copyFile(join(FIXTURES, "links/guide", name), join(input, "guide", name));
    }
    const vault = join(root, "vault");
    const run = await runApp(["--batch", input, "--out", vault, "--json"]);
    assert.equal(run.code, 0, run.stderr);
    const notes = new Map(ofType(run.events, "file_done").map((e) => [e.path, e.note]));
    const vaultNotes = await snapshotVault(vault);
    const intro = vaultNotes.get(notes.get("guide/intro.html")!)!;
    const pruning = vaultNotes.get(notes.get("guide/pruning.html")!)!;
    const pruningLink = notes.get("guide/pruning.html")!.replace(/\.md$/, "");
    assert.ok(
      intro.includes(`[[${pruningLink}#Winter pruning the basics|pruning in winter]]`),
      intro,
    );
    assert.ok(intro.includes("[[#Soil and drainage|the soil section]]"), intro);
    assert.ok(intro.includes("[the apple register](https://example.org/apples)"));
    // A page not in the batch and a site-root path are their text; nothing points into the app.
    assert.match(intro, /The old page is gone/);
    assert.doesNotMatch(intro + pruning, /file:|stage_thread|gleaner-link|¶/);
    const introLink = notes.get("guide/intro.html")!.replace(/\.md$/, "");
    assert.ok(pruning.includes(`[[${introLink}|introduction]]`), pruning);
  });
});
