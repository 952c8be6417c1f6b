import assert from "node:assert/strict";
import type { NoteDraft } from "../protocol/messages.ts";
import { NO_ANALYSIS } from "../../tests/support/drafts.ts";
import { analyse } from "../analyse/analyse.ts";
import { readNote } from "./read_note.ts";
import { renderNote } from "./render_note.ts";

const HASH = "ab".repeat(32);

function rich(overrides: Partial<NoteDraft> = {}): NoteDraft {
  return {
    title: "Episode 12: *Bees* & [[hives]]",
    type: "audio",
    sourceHash: HASH,
    sourceBytes: 4096,
    wordCount: 120,
    body: "[00:00:05] **Ana:** Hello #there, 50% of *bees*. ^t-000005\n\n[00:01:00] Next.",
    properties: { duration: "00:02:00", engine: "pocketsphinx_continuous", cues: 3 },
    analysis: {
      ...NO_ANALYSIS,
      summary: ["First *point* with a \\ backslash and %% comment.", "Second [[paragraph]]."],
      keyPoints: [
        { text: "Said early: `code` and _under_", startMs: 5000, anchor: "t-000005" },
        { text: "Timed but unanchored", startMs: 60_000 },
      ],
      tags: ["bees/honey-bees", "hives"],
      keyphrases: ["honey bees", "hives"],
      people: ["Ana Ruiz", "Bo"],
      organizations: ["Royal Society"],
      places: ["Cardiff"],
      claims: [{ claim: "Half are *bees*", evidence: "50% of bees" }],
    },
    ...overrides,
  };
}

Deno.test("readNote() reads a rendered note back into a draft that renders identically", () => {
  const cases: [NoteDraft, string[]][] = [
    [rich(), ["Sources/Other.md", "Sources/Third (2).md"]],
    [
      rich({
        type: "markdown",
        body: "# Heading\n\n## Full text\n\nA body with its own headings.",
      }),
      [],
    ],
    [
      rich({
        type: "html",
        body: "## Part\n\n###### Deep\n\n##### Deeper\n\n```sh\n# a comment\n```\n\nText.",
      }),
      [],
    ],
    [{ ...rich(), analysis: NO_ANALYSIS, properties: undefined, body: "" }, []],
  ];
  for (const [draft, related] of cases) {
    const text = renderNote(draft, { source: "talks/ep12.mp3", related });
    const back = readNote(text);
    assert.ok(back, text);
    assert.deepEqual(back.related, related);
    assert.equal(renderNote(back.draft, { source: "talks/ep12.mp3", related: back.related }), text);
  }
});

Deno.test("readNote() recomputes the terms related notes are found by from the full text", () => {
  const back = readNote(renderNote(rich({ type: "text", body: "Bees and bees and hives." }), {
    source: "a.txt",
  }))!;
  assert.deepEqual(back.draft.analysis.terms, [["bee", 2], ["hive", 1]]);
});

Deno.test("readNote() gives back the terms the analysis found: headings and times count for nothing", () => {
  const bodies = [
    "# Background\n\nThe harbour survey counted boats, nets and gulls. Keeper Ada Lind wrote it up.",
    "## Page 1\n\nPart 1\n\nBoats and nets.\n\n## Page 2\n\nPart 2\n\nGulls and nets.",
    "[00:00:05] **Ana:** The hives were quiet.\n\n[00:01:00] **Bo:** Then the bees swarmed.",
  ];
  for (const body of bodies) {
    const analysed = analyse({ title: "Harbour", body, wordCount: 20 });
    const draft = rich({ type: "text", body: analysed.body, analysis: analysed.analysis });
    const back = readNote(renderNote(draft, { source: "a.txt" }))!;
    assert.deepEqual(back.draft.analysis.terms, analysed.analysis.terms, body);
  }
});

Deno.test("readNote() refuses notes that are not in gleaner's layout", () => {
  assert.equal(readNote("no frontmatter"), undefined);
  assert.equal(
    readNote(`---\ntitle: "A"\ntype: "text"\nsource_hash: "${HASH}"\n---\n\nText.`),
    undefined,
  );
  const text = renderNote(rich(), { source: "x.mp3" });
  assert.equal(readNote(text.replace("## Summary", "## Abstract")), undefined);
  assert.equal(readNote(text.replace(`"${HASH}"`, '"short"')), undefined);
});
