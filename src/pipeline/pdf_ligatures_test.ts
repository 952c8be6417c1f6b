import assert from "node:assert/strict";
import { ligatureRepair } from "./pdf_ligatures.ts";

/** Text as pdf.js reads it from a TeX font whose "fi", "ff" and "fl" glyphs have no Unicode. */
const lost = [
  "The routine speci es a di erent e ect for each eld of the table.",
  "This is su cient for the rst gure, and the le is closed when it is de ned.",
];

Deno.test("ligatureRepair() puts back words split or cut by a lost ligature", () => {
  const repair = ligatureRepair(lost);
  assert.deepEqual(lost.map(repair), [
    "The routine specifies a different effect for each field of the table.",
    "This is sufficient for the first figure, and the file is closed when it is defined.",
  ]);
});

Deno.test("ligatureRepair() leaves a text alone that shows too few split words", () => {
  // "de ne" could be "define", but one split word is no evidence of a font that lost ligatures.
  const texts = ["Je ne sais pas, said the pilot; the rst of them is de ne."];
  assert.equal(ligatureRepair(texts)(texts[0]), texts[0]);
});

Deno.test("ligatureRepair() repairs no identifier, path, formula or number", () => {
  const code = "Call glp_del_rows(le) or /usr/bin/rst; set lm+n = 2, then rst.txt and eld1.";
  const repair = ligatureRepair([...lost, code]);
  assert.equal(repair(code), code);
});

Deno.test("ligatureRepair() prefers the reading that English uses more", () => {
  const repair = ligatureRepair(lost);
  // "in field" (field is common, infield rare) but "infinite" (finite is the rarer).
  assert.equal(
    repair("Stored in eld two, which is in nite."),
    "Stored in field two, which is infinite.",
  );
  // "ends" is a word far more used than "fiends"; "int" is too short to stand for "flint".
  assert.equal(repair("It ends with an int value."), "It ends with an int value.");
  // "lls" is as short, but no word is without a vowel.
  assert.equal(repair("It lls the block with zeros."), "It fills the block with zeros.");
});

Deno.test("ligatureRepair() puts back a word the document prints cut far more often than whole", () => {
  // "fl" is seen lost nowhere inside a word, but "ow" stands for "flow" five times to one.
  const texts = [
    ...lost,
    "The flow problem is stated in bold type.",
    ...Array.from({ length: 5 }, (_, n) => `Arc ${n} carries the ow it is given, and ends.`),
    "The oating-point value of each ow and the ends of each arc.",
  ];
  const repair = ligatureRepair(texts);
  assert.equal(repair(texts[3]), "Arc 0 carries the flow it is given, and ends.");
  // "oating" stays: "fl" is seen lost inside no word here, and no page prints "floating".
  assert.equal(
    repair(texts.at(-1)!),
    "The oating-point value of each flow and the ends of each arc.",
  );
  // Where "fl" is lost inside words too ("con ict"), the first part of a compound is repaired.
  const withFl = ligatureRepair([...texts, "A con ict arises.", "Re ect on it."]);
  assert.equal(
    withFl(texts.at(-1)!),
    "The floating-point value of each flow and the ends of each arc.",
  );
});

Deno.test("ligatureRepair() puts back a word after a hyphen of its compound", () => {
  const text = "A user-de ned set and a non-signi cant blank.";
  assert.equal(
    ligatureRepair([...lost, text])(text),
    "A user-defined set and a non-significant blank.",
  );
});

Deno.test("ligatureRepair() puts back a word the list lacks by how the document splits its head", () => {
  // "specifier" is in no word list of everyday English; "speci es" shows "speci" lost "fi".
  const text = "Each conversion speci er begins with a percent sign.";
  assert.equal(
    ligatureRepair([...lost, text])(text),
    "Each conversion specifier begins with a percent sign.",
  );
  // "con" took "fl" in "con icts" and "fi" in "con gure": it tells no ligature.
  const both = ["The con icts are many.", "We con gure it.", "The con guring tool."];
  const repair = ligatureRepair([...lost, ...both]);
  assert.doesNotMatch(repair(both[2]), /conflg/);
});

Deno.test("ligatureRepair() reads words of the field by the document's own vocabulary", () => {
  const texts = [
    ...lost,
    "CNF Satisfiability and arc flows.",
    "The Satis ability problem may over ow; the routine nds ows xij.",
    "An overflow is reported.",
  ];
  const repair = ligatureRepair(texts);
  // "Satisfiability" and "overflow" are printed whole elsewhere; "ows" is no word, and "flows" is.
  assert.equal(
    repair(texts[3]),
    "The Satisfiability problem may overflow; the routine finds flows xij.",
  );
});
