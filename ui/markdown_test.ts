import assert from "node:assert/strict";
import { renderNote } from "./markdown.ts";

const href = (path: string) => `#/job/1/vault?path=${encodeURIComponent(path)}`;

/** The links of rendered HTML, as [text, href] pairs, decoded as the browser would. */
function links(html: string): [string, string][] {
  return [...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((m) => [m[2], m[1]]);
}

Deno.test("renderNote() links a wikilink to a name with parentheses, spaces and marks intact", () => {
  const names = [
    "A library) (4)",
    "Notes (draft",
    "50% of *bees* _here_",
    "a<b>c & d",
    "back\\slash",
  ]; // never [ or ]: Obsidian refuses them in names, and gleaner never writes them
  for (const name of names) {
    const html = renderNote(`See [[Sources/${name}]] now.`, href);
    const [[text, url]] = links(html);
    const decoded = decodeURIComponent(url.replace(/&amp;/g, "&").split("path=")[1]);
    assert.equal(decoded, `Sources/${name}.md`, html);
    const shown = text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    assert.equal(shown, `Sources/${name}`, html);
  }
});

Deno.test("renderNote() keeps an alias as the link's text", () => {
  const [[text, url]] = links(renderNote("[[Maps/Bees (topic)|the bees)]]", href));
  assert.equal(text, "the bees)");
  assert.equal(decodeURIComponent(url.split("path=")[1]), "Maps/Bees (topic).md");
});
