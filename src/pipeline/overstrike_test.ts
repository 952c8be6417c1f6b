import assert from "node:assert/strict";
import { fromOverstrike, isOverstruck } from "./overstrike.ts";

const bold = (s: string) => [...s].map((c) => c === " " ? c : `${c}\b${c}`).join("");
const underlined = (s: string) => [...s].map((c) => `_\b${c}`).join("");

Deno.test("fromOverstrike() prints each struck letter once and makes headings of bold lines", () => {
  const text = [
    bold("Harbour Lamp Howto"),
    "",
    "----------",
    "",
    bold("Overview"),
    "",
    `Trim the ${underlined("wick")} at dusk; a ${bold("dry")} wick smokes.`,
    "",
  ].join("\n");
  assert.ok(isOverstruck(text));
  assert.equal(
    fromOverstrike(text),
    [
      "Harbour Lamp Howto",
      "==================",
      "",
      "----------",
      "",
      "## Overview",
      "",
      "Trim the wick at dusk; a dry wick smokes.",
      "",
    ].join("\n"),
  );
});

Deno.test("isOverstruck() finds no overstrike in text without it", () => {
  assert.equal(isOverstruck("Plain words.\n\bAlone\n"), false);
});
