import assert from "node:assert/strict";
import { extractHtml } from "./html.ts";
import { withoutSiteName } from "./html_title.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);
const page = (head: string, body = "<p>Some words of text.</p>") =>
  utf8(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`);

Deno.test("extractHtml() takes a JSON-LD headline first, though scripts are removed", () => {
  const head =
    '<title>Home | Example News</title><meta property="og:title" content="Example News">' +
    '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[' +
    '{"@type":"WebSite","name":"Example News"},' +
    '{"@type":"NewsArticle","headline":"Bridge reopens after repairs"}]}</script>';
  assert.equal(extractHtml(page(head), "a.html").title, "Bridge reopens after repairs");
  const broken = '<script type="application/ld+json">{not json</script><title>Kept</title>';
  assert.equal(extractHtml(page(broken), "b.html").title, "Kept");
});

Deno.test("extractHtml() takes <title> without the site's name, the whole title otherwise", () => {
  const titleOf = (head: string, body?: string) => extractHtml(page(head, body), "p.html").title;
  assert.equal(titleOf("<title>Enum HOWTO — Python 3.11.4 documentation</title>"), "Enum HOWTO");
  assert.equal(
    titleOf('<title>Pruning · Orchard</title><meta property="og:site_name" content="Orchard">'),
    "Pruning",
  );
  assert.equal(titleOf("<title>Chapter 1 - Introduction</title>"), "Chapter 1 - Introduction");
  // Six pages of one manual must not all become "the portable foreign function interface library)".
  assert.equal(
    titleOf(
      "<title>Closure Example (libffi: the portable foreign function interface library)</title>",
      "<h3>2.3.4 Closure Example</h3><p>Words.</p><h1>2.3.4 Closure Example</h1>",
    ),
    "Closure Example",
  );
});

Deno.test("extractHtml() passes over a placeholder <title> for the page's heading", () => {
  // SQLite's mingw.html: "<title>No Title</title>", its heading the real one.
  const titleOf = (head: string) =>
    extractHtml(page(head, "<h1>Building MinGW</h1><p>Words of text.</p>"), "mingw.html").title;
  assert.equal(titleOf("<title>No Title</title>"), "Building MinGW");
  assert.equal(titleOf('<meta property="og:title" content="Untitled">'), "Building MinGW");
  assert.equal(titleOf("<title>Notes on MinGW</title>"), "Notes on MinGW");
  // Sphinx's, before the site's name.
  assert.equal(
    titleOf("<title>&lt;no title&gt; &#8212; MinGW documentation</title>"),
    "Building MinGW",
  );
});

Deno.test("withoutSiteName() keeps the part the page's heading repeats", () => {
  assert.equal(
    withoutSiteName("Orchard Docs | Getting Started", "", "Getting Started"),
    "Getting Started",
  );
  assert.equal(withoutSiteName("A: B", "", ""), "A: B");
});

Deno.test("withoutSiteName() keeps the part a heading below repeats when the <h1> is the book's", () => {
  assert.equal(
    withoutSiteName("What is Ownership? - The Lamp Book", "", "The Lamp Book", [
      "What Is Ownership?",
      "The Stack and the Heap",
    ]),
    "What is Ownership?",
  );
  // A page that only repeats its own heading lower down keeps the part its <h1> says.
  assert.equal(
    withoutSiteName("Orchard Docs | Getting Started", "", "Getting Started", ["Install"]),
    "Getting Started",
  );
});

Deno.test("extractHtml() takes a book page's own title over the book's, whose <h1> is the menu's", () => {
  const body = (h: string) =>
    '<div class="menu-bar"><h1 class="menu-title">The Lamp Book</h1></div><main>' + h +
    "<p>Some words of text.</p></main>";
  const head = "<title>Programming a Wick - The Lamp Book</title>";
  assert.equal(
    extractHtml(page(head, body("<h1>Programming a Wick</h1>")), "a.html").title,
    "Programming a Wick",
  );
  assert.equal(
    extractHtml(page(head, body("<h2>Programming a Wick</h2>")), "a.html").title,
    "Programming a Wick",
  );
  // A heading that words it otherwise: the title without the book's name in the menu bar.
  const other = "<title>Trimming Wicks from the Shed with trim - The Lamp Book</title>";
  assert.equal(
    extractHtml(page(other, body("<h2>Trimming Wicks with trim</h2>")), "a.html").title,
    "Trimming Wicks from the Shed with trim",
  );
});

Deno.test("extractHtml() takes a chapter's heading under its book's title", () => {
  const titleOf = (title: string, h1: string) =>
    extractHtml(page(`<title>${title}</title>`, `<h1>${h1}</h1><p>Some words.</p>`), "c.html")
      .title;
  assert.equal(
    titleOf("Lamp Keepers' Questions", "Chapter 2: How do lamps differ?"),
    "Chapter 2: How do lamps differ?",
  );
  // A title that says the chapter, and a heading that is no chapter's, are read as before.
  assert.equal(
    titleOf("Chapter 2. Wicks - Lamp Guide", "Chapter 2. Wicks"),
    "Chapter 2. Wicks",
  );
  assert.equal(titleOf("Lamp Keepers' Questions", "Chapters of lamps"), "Lamp Keepers' Questions");
});

Deno.test("withoutSiteName() keeps the part the heading ends on, not a part the heading starts", () => {
  assert.equal(
    withoutSiteName("mod_ssl - Apache HTTP Server Version 2.4", "", "Apache Module mod_ssl"),
    "mod_ssl",
  );
  assert.equal(
    withoutSiteName("Tutorial - Orchard", "", "Tutorial: Getting Started"),
    "Tutorial - Orchard",
  );
});

Deno.test("extractHtml() reads valid UTF-8 as UTF-8 even when the page declares gb2312", () => {
  const html = '<html><head><meta charset="gb2312"><title>Café ☕ 咖啡</title></head>' +
    "<body><p>Crème brûlée.</p></body></html>";
  const result = extractHtml(utf8(html), "cafe.html");
  assert.equal(result.title, "Café ☕ 咖啡");
  assert.equal(result.body, "Crème brûlée.");
});
