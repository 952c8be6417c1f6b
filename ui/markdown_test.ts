import assert from "node:assert/strict";
import { noteToHtml, safeHref } from "./markdown.ts";

const href = (path: string) => `#/job/1/vault?path=${encodeURIComponent(path)}`;

/** The links of rendered HTML, as [text, href] pairs, decoded as the browser would. */
function links(html: string): [string, string][] {
  return [...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((m) => [m[2], m[1]]);
}

Deno.test("noteToHtml() links a wikilink to a name with parentheses, spaces and marks intact", () => {
  const names = [
    "A library) (4)",
    "Notes (draft",
    "50% of *bees* _here_",
    "a<b>c & d",
    "back\\slash",
  ]; // never [ or ]: Obsidian refuses them in names, and gleaner never writes them
  for (const name of names) {
    const html = noteToHtml(`See [[Sources/${name}]] now.`, href);
    const [[text, url]] = links(html);
    const decoded = decodeURIComponent(url.replace(/&amp;/g, "&").split("path=")[1]);
    assert.equal(decoded, `Sources/${name}.md`, html);
    const shown = text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    assert.equal(shown, `Sources/${name}`, html);
  }
});

Deno.test("noteToHtml() keeps an alias as the link's text", () => {
  const [[text, url]] = links(noteToHtml("[[Maps/Bees (topic)|the bees)]]", href));
  assert.equal(text, "the bees)");
  assert.equal(decodeURIComponent(url.split("path=")[1]), "Maps/Bees (topic).md");
});

Deno.test("noteToHtml() shows properties as a table without source_hash", () => {
  const html = noteToHtml(
    '---\ntitle: "Bees"\ntags:\n  - "bees"\n  - "hives"\nsource_hash: "abc"\nwords: 3\n---\n# Bees\n',
    href,
  );
  assert.match(html, /<table class="properties"[^>]*><tbody>/);
  assert.match(html, /<th scope="row">tags<\/th><td>bees, hives<\/td>/);
  assert.match(html, /<th scope="row">words<\/th><td>3<\/td>/);
  assert.doesNotMatch(html, /source_hash|abc/);
});

Deno.test("noteToHtml() hides block ids and links a key point's time to its paragraph", () => {
  const note = "## Key points\n\n- [[#^t-0-1|00:00:05]] Bees swarm.\n\n## Transcript\n\n" +
    "[00:00:01] Spring came. ^t-0-0\n\n[00:00:05] Bees swarm in May. ^t-0-1\n";
  const html = noteToHtml(note, href, (id) => `#/job/1/vault?path=X.md&block=${id}`);
  assert.doesNotMatch(html, /\^t-|\u2063/);
  assert.match(html, /<a href="#\/job\/1\/vault\?path=X\.md&(amp;)?block=t-0-1">00:00:05<\/a>/);
  assert.match(html, /<p id="block-t-0-0">\[00:00:01\] Spring came\.<\/p>/);
  assert.match(html, /<p id="block-t-0-1">\[00:00:05\] Bees swarm in May\.<\/p>/);
  // Without a way to link blocks, the time stays text.
  assert.doesNotMatch(noteToHtml(note, href), /<a /);
});

/** What a browser would take as each link's target: attribute entities decoded. */
function hrefs(html: string): string[] {
  return [...html.matchAll(/\shref="([^"]*)"/g)].map((m) =>
    m[1].replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
      .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCharCode(parseInt(n, 16)))
      .replace(/&colon;/gi, ":").replace(/&amp;/g, "&").replace(/&quot;/g, '"')
  );
}

Deno.test("noteToHtml() turns javascript:, data: and other script links into a dead anchor", () => {
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
    const html = noteToHtml(attack, (p) => `#/vault?path=${p}`);
    for (const href of hrefs(html)) {
      assert.ok(safeHref(href), `${attack} -> ${html}`);
      assert.doesNotMatch(href.replace(/\s/g, ""), /^(javascript|data|vbscript|file):/i, attack);
    }
    assert.doesNotMatch(html, /\ssrc="\s*(javascript|data):/i, attack);
  }
});

Deno.test("noteToHtml() keeps web, mail, Obsidian and in-vault links", () => {
  const html = noteToHtml(
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

Deno.test("noteToHtml() reads `\\|` in a wikilink inside a table cell as the link's pipe", () => {
  const note = "| note | about |\n| --- | --- |\n" +
    "| [[Sources/Bees\\|the bees]] | hives |\n| [[Sources/Wasps#Nests\\|nests]] | paper |\n";
  const html = noteToHtml(note, href);
  assert.deepEqual(
    links(html).map(([text, url]) => [text, decodeURIComponent(url.split("path=")[1])]),
    [
      ["the bees", "Sources/Bees.md"],
      ["nests", "Sources/Wasps.md"],
    ],
  );
  // Still a table of two columns, the link whole in its cell.
  assert.equal(html.match(/<td>/g)?.length, 4, html);
  assert.match(html, /<td><a [^>]*>the bees<\/a><\/td>\s*<td>hives<\/td>/);
});

Deno.test("noteToHtml() renders bare <sub> and <sup> and shows every other tag as text", () => {
  const html = noteToHtml(
    'H<sub>2</sub>O and x<sup>2</sup>, <sup class="x">no</sup> <b>bold</b>',
    href,
  );
  assert.match(html, /H<sub>2<\/sub>O and x<sup>2<\/sup>/);
  assert.match(
    html,
    /&lt;sup class=&quot;x&quot;&gt;no<\/sup>|&lt;sup class=&quot;x&quot;&gt;no&lt;\/sup&gt;/,
  );
  assert.match(html, /&lt;b&gt;bold&lt;\/b&gt;/);
});

Deno.test("noteToHtml() shows a wikilink among the properties as a link, as Obsidian does", () => {
  const html = noteToHtml(
    '---\nrelated:\n  - "[[Sources/Bee <dances>|Bee <dances>]]"\n  - "[[Sources/Hives]]"\n' +
      'title: "[[not a whole link"\n---\n# Bees\n',
    href,
  );
  const shown = links(html).map(([text, url]) => [text, decodeURIComponent(url.split("path=")[1])]);
  assert.deepEqual(shown, [["Bee &lt;dances&gt;", "Sources/Bee <dances>.md"], [
    "Sources/Hives",
    "Sources/Hives.md",
  ]]);
  assert.match(html, /<td>\[\[not a whole link<\/td>/);
});

Deno.test("noteToHtml() shows a callout with its kind and title, as Obsidian does", () => {
  const html = noteToHtml(
    "> [!warning] Rough transcript\n> Four words in ten are *wrong*.\n\n> A plain quote.",
    href,
  );
  assert.equal(
    html,
    '<blockquote class="callout" data-callout="warning"><p class="callout-title">Rough ' +
      "transcript</p><p>Four words in ten are <em>wrong</em>.</p>\n</blockquote>\n" +
      "<blockquote>\n<p>A plain quote.</p>\n</blockquote>\n",
  );
});
