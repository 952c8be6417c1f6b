import assert from "node:assert/strict";
import { texPunctuation } from "./pdf_tex_punctuation.ts";

const lost = [
  'The routine sets the constant term (\\shift") of the lamp.',
  'A new lamp is \\empty", i.e. has no wick.',
  'The \\standard" wick fits the Forrest{Tomlin lamp, pages 1{3 (1.1)|(1.3).',
];

Deno.test("texPunctuation() puts back the quotation marks and dashes TeX's fonts lost", () => {
  const fix = texPunctuation(lost);
  assert.equal(fix(lost[0]), "The routine sets the constant term (“shift”) of the lamp.");
  assert.equal(
    fix(lost[2]),
    "The “standard” wick fits the Forrest–Tomlin lamp, pages 1–3 (1.1)—(1.3).",
  );
});

Deno.test("texPunctuation() leaves a document alone that shows too few such quotations", () => {
  const texts = ['Type \\n" for a newline.', "Use a|b in the shell, and {a,b} for both."];
  const fix = texPunctuation(texts);
  for (const text of texts) assert.equal(fix(text), text);
});

Deno.test("texPunctuation() puts back the dashes of a document with TeX's math fonts", () => {
  const fix = texPunctuation(["The instance (1.5){(1.6) is read."], true);
  assert.equal(fix("The instance (1.5){(1.6) is read."), "The instance (1.5)–(1.6) is read.");
});

Deno.test("texPunctuation() takes no escape sequence or TeX markup for a quotation", () => {
  const texts = [
    'The file starts with "LAMP-Magic\\0\\n". Lines end at "\\n". Fields end at "\\t".',
    'Bytes are "\\x01\\x02\\x03" and "$\\backslash$x01$\\backslash$x03" in the source.',
    'The next "\\n" ends the line, and "\\r\\n" does too.',
  ];
  const fix = texPunctuation(texts);
  for (const text of texts) assert.equal(fix(text), text);
});

Deno.test("texPunctuation() puts back a DocBook PDF's typewriter quotes and opening quotes", () => {
  const fix = texPunctuation(["Plain prose with no quotes of TeX's fonts."]);
  assert.equal(
    fix("Take lamps from the \u0300 unstable’ archive, as they call it \u0300 unstable’!"),
    "Take lamps from the ‘unstable’ archive, as they call it ‘unstable’!",
  );
  assert.equal(
    fix("Do not attempt to ”upgrade” the lamp."),
    "Do not attempt to “upgrade” the lamp.",
  );
  // A closing quote where it belongs stays, and so does an accent on its letter.
  const kept = "He said “trim” and left. The café\u0300 is open.";
  assert.equal(fix(kept), kept);
});
