/**
 * @module
 * Plain text a terminal typesetter wrote for a printer, as `nroff` does and as Postfix ships its
 * READMEs: a letter, a backspace and the letter again is the letter in bold ("P\bP"); an
 * underscore, a backspace and a letter is the letter underlined ("_\bp"). Read as the page it
 * prints: the letters once, a heading where a line in bold stands alone.
 */

/** A character struck over by the next: the second is what the page shows. */
// deno-lint-ignore no-control-regex
const STRUCK = /[^\n\x08]\x08(?=[^\n\x08])/gu;
/** A character printed in bold: itself, struck over by itself once or more. */
// deno-lint-ignore no-control-regex
const BOLD = /([^\n\x08])(?:\x08\1)+/gu;

/** Whether the text holds overstruck characters. */
export function isOverstruck(text: string): boolean {
  return new RegExp(STRUCK.source, "u").test(text);
}

/**
 * The text as printed: each line in bold that stands alone, between blank lines, a Markdown
 * heading ("## Overview"), the first line of the text, when it is one, a title underlined as
 * plain texts underline theirs; every other overstruck character once.
 */
export function fromOverstrike(text: string): string {
  const lines = text.split("\n");
  const printed = lines.map((line) => line.replace(STRUCK, ""));
  const blank = (i: number) => (printed[i] ?? "").trim() === "";
  const first = printed.findIndex((line) => line.trim() !== "");
  return lines.map((line, i) => {
    const shown = printed[i].trim();
    if (shown === "" || !blank(i - 1) || !blank(i + 1) || !allBold(line)) return printed[i];
    return i === first ? `${shown}\n${"=".repeat(shown.length)}` : `## ${shown}`;
  }).join("\n");
}

/** Whether every character of the line but spaces is printed in bold. */
function allBold(line: string): boolean {
  const rest = line.replace(BOLD, "");
  return rest !== line && /^[ \t]*$/u.test(rest);
}
