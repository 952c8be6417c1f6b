import assert from "node:assert/strict";
import { extractHtml, htmlToMarkdown } from "./html.ts";
import { LinkTable } from "./html_links.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);

Deno.test("extractHtml() resolves relative links against the input's own folder, never the app", () => {
  const page = "<html><head><title>Intro</title></head><body><h1>Intro</h1>" +
    '<p>See <a href="pruning.html#winter">pruning</a>, <a href="../top.html">the top</a>, ' +
    '<a href="../../../outside.html">outside</a>, <a href="/root.html">root</a>, ' +
    '<a href="file:///etc/passwd">a file</a> and <a href="https://example.org/x">the web</a>.</p>' +
    "</body></html>";
  const extracted = extractHtml(utf8(page), "intro.html", { source: "docs/guide/intro.html" });
  assert.deepEqual(extracted.links, [
    { path: "docs/guide/pruning.html", fragment: "winter" },
    { path: "docs/top.html" },
  ]);
  assert.equal(
    extracted.body,
    "See [pruning](gleaner-link:0), [the top](gleaner-link:1), outside, root, a file and " +
      "[the web](https://example.org/x).",
  );
  assert.doesNotMatch(extracted.body, /file:|stage_thread|sandbox/);
});

Deno.test("extractHtml() drops permalink marks and records which anchors lead to which heading", () => {
  const page = "<html><head><title>Guide</title></head><body><main>" +
    '<h1 id="guide">Guide<a class="headerlink" href="#guide">¶</a></h1>' +
    '<p>Jump to <a href="#soil">soil</a> or <a href="#guide">the top</a>.</p>' +
    '<section id="soil"><h2>Soil: <em>deep</em> loam<a href="#soil">¶</a></h2><p>Loam drains.</p>' +
    '</section><h3><a name="water"></a>Watering</h3><p>Water <a href="#">often</a>.</p>' +
    "</main></body></html>";
  const extracted = extractHtml(utf8(page), "guide.html", { source: "guide.html" });
  assert.doesNotMatch(extracted.body, /¶/);
  assert.match(extracted.body, /^## Soil: _deep_ loam$/m);
  assert.match(extracted.body, /^### Watering$/m);
  assert.deepEqual(extracted.anchors, {
    guide: "", // the heading that became the title: the top of the note
    soil: "Soil: deep loam",
    water: "Watering",
  });
  assert.deepEqual(extracted.links, [
    { path: "guide.html", fragment: "soil" },
    { path: "guide.html", fragment: "guide" },
  ]);
  assert.match(extracted.body, /Water often\.$/);
});

Deno.test("a <base> with a web address makes relative links web links; links in tables are marked", () => {
  const table = new LinkTable("a/page.html");
  const markdown = htmlToMarkdown(
    '<head><base href="https://docs.example.org/v2/"></head><p><a href="api.html">API</a></p>' +
      '<table><tr><td><a href="#x">cell</a></td></tr></table>',
    { links: table },
  );
  assert.match(markdown, /\[API\]\(https:\/\/docs\.example\.org\/v2\/api\.html\)/);
  assert.deepEqual(table.links, [{ path: "a/page.html", fragment: "x", inTable: true }]);
});

Deno.test("htmlToMarkdown() without a link table keeps web links and reduces file links to text", () => {
  assert.equal(
    htmlToMarkdown('<p><a href="other.html">other</a> <a href="mailto:a@b.org">mail</a></p>'),
    "other [mail](mailto:a@b.org)",
  );
});
