import assert from "node:assert/strict";
import { renderNote, safeHref } from "./markdown.ts";

/** What a browser would take as each link's target: attribute entities decoded. */
function hrefs(html: string): string[] {
  return [...html.matchAll(/\shref="([^"]*)"/g)].map((m) =>
    m[1].replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
      .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCharCode(parseInt(n, 16)))
      .replace(/&colon;/gi, ":").replace(/&amp;/g, "&").replace(/&quot;/g, '"')
  );
}

Deno.test("renderNote() turns javascript:, data: and other script links into a dead anchor", () => {
  const attacks = [
    "[a](javascript:alert(1))",
    "[b](JavaScript:alert(1))",
    "[c](java\tscript:alert(1))",
    "[d]( javascript:alert(1))",
    "[e](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[f](vbscript:msgbox)",
    "[g](file:///etc/passwd)",
    "[h](&#106;avascript:alert(1))",
    "[i](javascript&colon;alert(1))",
    "<javascript:alert(1)>",
    "[j][ref]\n\n[ref]: javascript:alert(1)",
    "![k](javascript:alert(1))",
  ];
  for (const attack of attacks) {
    const html = renderNote(attack, (p) => `#/vault?path=${p}`);
    for (const href of hrefs(html)) {
      assert.ok(safeHref(href), `${attack} -> ${html}`);
      assert.doesNotMatch(href.replace(/\s/g, ""), /^(javascript|data|vbscript|file):/i, attack);
    }
    assert.doesNotMatch(html, /\ssrc="\s*(javascript|data):/i, attack);
  }
});

Deno.test("renderNote() keeps web, mail, Obsidian and in-vault links", () => {
  const html = renderNote(
    "[w](https://example.org/a) [m](mailto:a@b.c) [o](obsidian://open?vault=v) [[Sources/A]]",
    (p) => `#/job/1/vault?path=${encodeURIComponent(p)}`,
  );
  assert.deepEqual(hrefs(html), [
    "https://example.org/a",
    "mailto:a@b.c",
    "obsidian://open?vault=v",
    "#/job/1/vault?path=Sources%2FA.md",
  ]);
});
