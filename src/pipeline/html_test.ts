import assert from "node:assert/strict";
import { countMarkdownWords, extractHtml, htmlToMarkdown } from "./html.ts";
import { InputError, NothingToNoteError } from "../common/errors.ts";
import { type TableNode, tableRules } from "./html_tables.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);
const blog = await Deno.readFile(new URL("../../tests/fixtures/html/blog.html", import.meta.url));

function assertInputError(fn: () => unknown, message: RegExp) {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof InputError, `expected an InputError: got ${error}`);
    assert.equal(error.name, "InputError");
    assert.match(error.message, message);
    assert.ok(!error.message.endsWith("."), "message ends with a period");
    return true;
  });
}

/** A page long enough (over 500 characters of text) for Readability to call it an article. */
function articlePage(head: string, article: string): string {
  const filler = "<p>" +
    "Plenty of ordinary words fill this paragraph of the article. ".repeat(12) +
    "</p>";
  return `<!DOCTYPE html><html><head>${head}</head><body><nav><a href="/">Home</a></nav>` +
    `<article>${article}${filler}</article><footer>Footer text</footer></body></html>`;
}

Deno.test("extractHtml() keeps a blog post and drops its navigation, sidebar, footer and cookie banner", () => {
  const { title, type, body } = extractHtml(blog, "blog.html");
  assert.equal(title, "Tending a Sourdough Starter");
  assert.equal(type, "html");
  for (const text of ["living culture of wild yeast", "If it has not doubled after three days"]) {
    assert.ok(body.includes(text), `missing article text: ${text}`);
  }
  const chrome = [
    "All recipes", // nav
    "About the cooks",
    "Popular posts", // sidebar
    "Ten-minute focaccia",
    "Subscribe", // form in the sidebar
    "Copyright 2024", // footer
    "Privacy policy",
    "We use cookies", // cookie banner
    "Accept all cookies",
    "tracking pixel", // scripts
    "script text must never show",
    "font-family", // styles
  ];
  for (const text of chrome) assert.ok(!body.includes(text), `chrome leaked: ${text}`);
});

Deno.test("extractHtml() reads a book's short chapter, not the contents in its sidebar", () => {
  // mdBook: the whole book's contents in a <nav>, a menu bar with its theme menu, and a chapter
  // that opens a part in three lines.
  const chapters = Array.from(
    { length: 40 },
    (_, i) => `<li><a href="ch${i}.html"><strong>${i}.</strong> Trimming wicks, part ${i}</a></li>`,
  ).join("");
  const html = "<!DOCTYPE html><html><head><title>Getting Started - The Lamp Book</title></head>" +
    `<body><nav id="sidebar" class="sidebar"><ol class="chapter">${chapters}</ol></nav>` +
    '<div id="menu-bar" class="menu-bar"><ul id="theme-list" role="menu"><li><button>Light' +
    '</button></li><li><button>Coal</button></li></ul><h1 class="menu-title">The Lamp Book</h1>' +
    "</div><main><h1>Getting Started</h1><p>Let us start your journey with lamps. In this " +
    "chapter, we discuss:</p><ul><li>Installing a lamp</li><li>Trimming its wick</li></ul>" +
    "</main></body></html>";
  const { title, body } = extractHtml(new TextEncoder().encode(html), "ch01-00.html");
  assert.equal(title, "Getting Started");
  assert.match(body, /^Let us start your journey with lamps\./);
  assert.doesNotMatch(body, /part 12|Coal|The Lamp Book/);
});

Deno.test("extractHtml() keeps who the footer's copyright notice names as a property", () => {
  assert.deepEqual(extractHtml(blog, "blog.html").properties, { copyright: "The Slow Kitchen" });
  const page = articlePage("<title>Lamps</title>", "<h1>Lamps</h1><p>On lamps.</p>");
  assert.equal(extractHtml(new TextEncoder().encode(page), "lamps.html").properties, undefined);
});

Deno.test("extractHtml() writes the article as Markdown with headings, bullets, a link and fenced code", () => {
  const { body } = extractHtml(blog, "blog.html");
  assert.ok(!body.startsWith("#"), "the title is repeated as the first heading");
  assert.ok(!body.includes("# Tending a Sourdough Starter"));
  assert.match(body, /^## Feeding on a schedule$/m);
  assert.match(body, /^## Reading the signs$/m);
  assert.match(body, /^- Keep 50 g of starter and discard the rest\.$/m);
  assert.match(body, /^- Add 50 g of flour and 50 g of \*\*lukewarm\*\* water\.$/m);
  assert.ok(body.includes("[float test](https://example.org/float-test)"));
  assert.ok(
    body.includes(
      "```python\ndef doubling_hours(volumes):\n    return [t for t, v in volumes if v >= 2.0]\n```",
    ),
  );
  assert.doesNotMatch(body, /<\/?[a-z][^>]*>/i, "raw HTML left in the Markdown");
  assert.doesNotMatch(body, /\n\n\n/);
});

Deno.test("extractHtml() counts the words of the article, not of link addresses", () => {
  const { body, wordCount } = extractHtml(blog, "blog.html");
  assert.equal(wordCount, countMarkdownWords(body));
  assert.equal(countMarkdownWords("[two words](https://example.org/a/b/c)"), 2);
  assert.equal(countMarkdownWords("> [!warning] Mind the wick\n> Keep it trimmed."), 6);
  assert.equal(countMarkdownWords("1. one\n2. two\n   10) ten"), 3);
});

Deno.test("extractHtml() prefers og:title to <title> and drops a heading that repeats it", () => {
  const html = articlePage(
    '<title>Site name | A longer page title</title><meta property="og:title" content="The article">',
    "<h1>The article</h1><p>First paragraph.</p>",
  );
  const { title, body } = extractHtml(utf8(html), "page.html");
  assert.equal(title, "The article");
  assert.ok(body.startsWith("First paragraph."), body.slice(0, 80));
});

Deno.test("extractHtml() falls back to the body without its chrome on a short page", () => {
  const html = `<!DOCTYPE html><html><head><title>Opening hours</title></head><body>
    <header><a href="/">Logo</a></header>
    <nav role="navigation"><a href="/menu">Menu</a></nav>
    <div role="navigation">Breadcrumbs</div>
    <div aria-hidden="true">Hidden decoration</div>
    <div class="consent-dialog">Manage consent</div>
    <div class="content"><h2>Weekdays</h2><p>Open 9 to 5.</p></div>
    <aside>Related links</aside>
    <form><label>Search the site</label></form>
    <footer>Footer links</footer>
  </body></html>`;
  const { title, body } = extractHtml(utf8(html), "hours.html");
  assert.equal(title, "Opening hours");
  assert.equal(body, "## Weekdays\n\nOpen 9 to 5.");
});

Deno.test("extractHtml() keeps every section of a page that writes them side by side", () => {
  const para = (topic: string) =>
    `<p>${topic} is a good fit for ${
      "many small programs, devices and tools that ".repeat(5)
    }need it.</p>`;
  const long = Array.from(
    { length: 8 },
    (_, i) => `<li><p><b>Use ${i}</b></p>${para(`Use ${i}`)}${para("It")}`,
  )
    .join("");
  const html = `<html><head><title>Appropriate Uses</title></head><body>
    <div class="menu mainmenu"><ul><li><a href="index.html">Home</a><li><a href="about.html">About</a></ul></div>
    <div class="tagline">Small. Fast. Reliable.</div>
    <h1>Appropriate Uses</h1><p>${
    "This page weighs where the library works well and where not. ".repeat(3)
  }</p>
    <h2>Where It Works Well</h2><ul>${long}</ul>
    <h2>Where A Server May Work Better</h2>
    <ul><li><p><b>High concurrency</b></p><p>Only one writer at a time is allowed.</p></ul>
    <h2>Checklist</h2><ol><li><p>Is the data far away? Then choose a server.</p></ol>
  </body></html>`;
  const { body } = extractHtml(utf8(html), "uses.html");
  for (const kept of ["## Where A Server May Work Better", "Only one writer", "## Checklist"]) {
    assert.ok(body.includes(kept), kept);
  }
  assert.ok(!/Home|About|Small\. Fast/.test(body), body);
});

Deno.test("extractHtml() leaves out a page's own table of contents", () => {
  const section = (n: number) =>
    `<section id="q${n}"><h2>Why is question ${n} asked?</h2>` +
    `<p>${
      `Answer ${n} explains the design and its history at some length. `.repeat(6)
    }</p></section>`;
  const html = `<html><head><title>Design FAQ</title></head><body><main>
    <nav class="contents" id="contents"><p class="topic-title">Contents</p><ul>
      <li><a href="#q1">Why is question 1 asked?</a></li><li><a href="#q2">Why is question 2 asked?</a></li>
    </ul></nav>${section(1)}${section(2)}</main></body></html>`;
  const { body } = extractHtml(utf8(html), "design.html");
  assert.ok(!body.includes("Contents"), body);
  assert.equal(body.match(/Why is question 1 asked\?/g)?.length, 1, body);
});

Deno.test("extractHtml() keeps a short page that sits inside a <form>", () => {
  const html = "<html><body><form id='main'><div><h2>Hours</h2><p>Open 9 to 5.</p></div></form>" +
    "<footer>Footer</footer></body></html>";
  assert.equal(extractHtml(utf8(html), "form.html").body, "## Hours\n\nOpen 9 to 5.");
});

Deno.test("extractHtml() takes the title from the first <h1> and drops that heading", () => {
  const html = "<html><body><p>Intro line.</p><h1>Heading <em>title</em></h1><p>Text.</p>" +
    "<h1>Second</h1></body></html>";
  const { title, body } = extractHtml(utf8(html), "notes.html");
  assert.equal(title, "Heading title");
  assert.equal(body, "Intro line.\n\nText.\n\n# Second");
});

Deno.test("extractHtml() falls back to its folder and file name when the page has no title", () => {
  const { title, body } = extractHtml(utf8("<p>Just a sentence.</p>"), "dir/My page.htm");
  assert.equal(title, "Dir – My page");
  assert.equal(body, "Just a sentence.");
});

Deno.test("extractHtml() falls back to its file name past a placeholder title", () => {
  // Sphinx titles a page without a heading "<no title>", then the site's name.
  const html = "<html><head><title>&lt;no title&gt; &#8212; Lamps 3.1 documentation</title>" +
    "</head><body><p>This page stays until the wick guide covers it all.</p></body></html>";
  assert.equal(extractHtml(utf8(html), "lamps/_disclaimer.html").title, "Lamps – Disclaimer");
});

Deno.test("extractHtml() reads a page without <html>, <head> and <body> tags", () => {
  const html = "<!DOCTYPE html><title>Bare page</title><h2>Part</h2><p>Some <b>text</b>.</p>";
  const result = extractHtml(utf8(html), "bare.html");
  assert.equal(result.title, "Bare page");
  assert.equal(result.body, "## Part\n\nSome **text**.");
});

Deno.test("extractHtml() honours a meta charset such as windows-1252 or Shift_JIS", () => {
  const latin = new Uint8Array([
    ...utf8('<html><head><meta charset="windows-1252"><title>Caf'),
    0xe9,
    ...utf8("</title></head><body><p>Cr"),
    0xe8,
    ...utf8("me br"),
    0xfb,
    ...utf8("l"),
    0xe9,
    ...utf8(" "),
    0x80,
    ...utf8("5</p></body></html>"),
  ]);
  const first = extractHtml(latin, "latin.html");
  assert.equal(first.title, "Café");
  assert.equal(first.body, "Crème brûlé €5");

  // "日本" in Shift_JIS, declared the old way.
  const sjis = new Uint8Array([
    ...utf8('<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'),
    ...utf8("</head><body><p>"),
    0x93,
    0xfa,
    0x96,
    0x7b,
    ...utf8("</p></body></html>"),
  ]);
  assert.equal(extractHtml(sjis, "sjis.html").body, "日本");
});

Deno.test("extractHtml() decodes UTF-16 with a BOM and drops a UTF-8 BOM", () => {
  const html = "<html><body><p>Grüße 😀</p></body></html>";
  const le = new Uint8Array(2 + html.length * 2);
  const view = new DataView(le.buffer);
  view.setUint16(0, 0xfeff, true);
  for (let i = 0; i < html.length; i++) view.setUint16(2 + i * 2, html.charCodeAt(i), true);
  assert.equal(extractHtml(le, "u16.html").body, "Grüße 😀");
  const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(html)]);
  assert.equal(extractHtml(bom, "bom.html").body, "Grüße 😀");
});

Deno.test("extractHtml() reads undeclared bytes that are not UTF-8 as windows-1252", () => {
  const bytes = new Uint8Array([...utf8("<p>Na"), 0xef, ...utf8("ve caf"), 0xe9, ...utf8("</p>")]);
  assert.equal(extractHtml(bytes, "old.html").body, "Naïve café");
  // A UTF-8 page with one broken byte stays UTF-8.
  const damaged = new Uint8Array([...utf8("<p>Grüße, café, "), 0xff, ...utf8(" señor</p>")]);
  assert.equal(extractHtml(damaged, "damaged.html").body, "Grüße, café, \uFFFD señor");
});

Deno.test("extractHtml() rejects binary content with a clear message", () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
  assertInputError(
    () => extractHtml(png, "image.html"),
    /^binary content, not HTML: found a NUL byte at offset 8$/,
  );
  const noNul = new Uint8Array(256);
  for (let i = 0; i < noNul.length; i++) noNul[i] = (i * 37) % 255 + 1;
  assertInputError(() => extractHtml(noNul, "blob.html"), /^binary content, not HTML: \d+ control/);
});

Deno.test("extractHtml() rejects 100,000 nested <div>s instead of overflowing the stack", () => {
  const deep = "<html><body>" + "<div>".repeat(100_000) + "text" + "</div>".repeat(100_000) +
    "</body></html>";
  assertInputError(
    () => extractHtml(utf8(deep), "deep.html"),
    /^HTML nested too deeply to read: more than 512 levels of elements$/,
  );
  // Tags the parser leaves open nest just as deeply.
  assertInputError(() => extractHtml(utf8("<div/>".repeat(600)), "open.html"), /nested too deeply/);
  assertInputError(() => extractHtml(utf8("<li><p>x".repeat(600)), "li.html"), /nested too/);
});

Deno.test("htmlToMarkdown() reads HTML nested up to 512 levels and rejects deeper", () => {
  // <html> and <body> are two of the levels.
  const nest = (n: number) => "<div>".repeat(n) + "inside" + "</div>".repeat(n);
  assert.equal(htmlToMarkdown(nest(510)), "inside");
  assertInputError(() => htmlToMarkdown(nest(511)), /^HTML nested too deeply to read: /);
  // Siblings do not add up, and neither do elements the parser closes implicitly.
  assert.equal(htmlToMarkdown("<div>a</div>".repeat(2000)).split("\n\n").length, 2000);
  assert.equal(htmlToMarkdown("<ul>" + "<li>x".repeat(2000) + "</ul>").split("\n").length, 2000);
  assert.equal(htmlToMarkdown("<p>x".repeat(2000)).split("\n\n").length, 2000);
});

Deno.test("extractHtml() refuses a page that is both deep and wide instead of grinding", () => {
  // 3,000 paragraphs 500 levels down: Readability's time grows with depth squared per element.
  const html = "<ul><li>x".repeat(250) + "<p>line</p>".repeat(3000);
  assertInputError(
    () => extractHtml(utf8(html), "wide.html"),
    /^HTML nested too deeply to read: \d+\+ elements at depths up to \d+ would take too long$/,
  );
});

Deno.test("htmlToMarkdown() handles long runs of whitespace in linear time", () => {
  // Each of these made turndown's final trim quadratic: minutes, not milliseconds.
  assert.equal(htmlToMarkdown("<p>a" + "<br>".repeat(50_000) + "b</p>"), "a\n\nb");
  assert.equal(htmlToMarkdown("<p>a" + "&nbsp;".repeat(200_000) + "b</p>"), "a b");
  const code = "x" + "\n".repeat(50_000) + "y" + " ".repeat(50_000) + "z";
  const item = "- ```\n  x" + "\n".repeat(50_000) + "  y" + " ".repeat(50_000) + "z\n  ```";
  // Some blank lines of the code may carry the list's indentation, which Markdown ignores.
  const markdown = htmlToMarkdown(`<ul><li><pre>${code}</pre></li></ul>`);
  assert.equal(markdown.replace(/^ +$/gm, ""), item);
});

Deno.test("extractHtml() rejects a page with no readable text", () => {
  const pages = [
    "",
    "   ",
    "<html><body><nav>Menu</nav><script>x()</script></body></html>",
    "<html><body><header><a href='/'>Logo</a></header><footer>Footer</footer></body></html>",
  ];
  for (const html of pages) {
    assertInputError(
      () => extractHtml(utf8(html), "empty.html"),
      /^no readable text in this page$/,
    );
  }
});

Deno.test("extractHtml() finds nothing to note in a page that only redirects, and says where it points", () => {
  const moved = `<!DOCTYPE html><html><head><title>Redirecting...</title>
    <meta http-equiv="refresh" content="0;URL='./vec/vec-alloc.html'"></head>
    <body><p>Redirecting to... <a href="./vec/vec-alloc.html">./vec/vec-alloc.html</a>.</p>
    </body></html>`;
  assert.throws(
    () => extractHtml(utf8(moved), "vec-alloc.html"),
    (error: unknown) =>
      error instanceof NothingToNoteError &&
      error.message === "only a redirect to ./vec/vec-alloc.html, no text of its own",
  );
  // HTML lets the refresh leave "url=" out (SQLite's `sqlite.html`, now `cli.html`).
  const bare = `<html><head><meta http-equiv="refresh" content="0; ./cli.html"></head>
    <body>Redirect to <a href="./cli.html">./cli.html</a></body></html>`;
  assert.throws(
    () => extractHtml(utf8(bare), "sqlite.html"),
    (error: unknown) =>
      error instanceof NothingToNoteError &&
      error.message === "only a redirect to ./cli.html, no text of its own",
  );
  // So does a script alone that sends the reader on (the Rust Reference's old sections).
  const script = `<script>var target = {"#never-type": "types/never.html"}[location.hash];
    if (target) { window.location.replace(target); }</script>`;
  assert.throws(
    () => extractHtml(utf8(script), "types-redirect.html"),
    (error: unknown) =>
      error instanceof NothingToNoteError &&
      error.message === "only a redirect to another page (by a script), no text of its own",
  );
  // A page that refreshes itself, or says more than where it went, is read.
  const live = `<html><head><meta http-equiv="Refresh" content="300"></head>
    <body><p>The harbour's tide table, refreshed every five minutes.</p></body></html>`;
  assert.match(extractHtml(utf8(live), "tides.html").body, /tide table/);
  const said = `<html><head><meta http-equiv="refresh" content="10; url=/new/"></head><body>
    <p>${
    "This page has moved to a new address, and this paragraph says why at length. ".repeat(4)
  }</p>
    </body></html>`;
  assert.match(extractHtml(utf8(said), "moved.html").body, /says why/);
  const scripted = `<html><body><p>${"The tide table of the harbour, read aloud. ".repeat(8)}</p>
    <script>if (location.hash) location.href = "#top";</script></body></html>`;
  assert.match(extractHtml(utf8(scripted), "tides.html").body, /read aloud/);
});

Deno.test("extractHtml() finds nothing to note in a site's search page", () => {
  // Sphinx's search.html links to itself as the site's search.
  const page = (href: string) =>
    `<html><head><title>Search</title><link rel="search" title="Search" href="${href}" />` +
    "</head><body><h1>Search</h1><p>Searching for multiple words only shows matches that " +
    'contain all words.</p><form action=""><input type="text" name="q" /></form></body></html>';
  assert.throws(
    () => extractHtml(utf8(page("#")), "search.html"),
    (error: unknown) =>
      error instanceof NothingToNoteError && /the site's search page/u.test(error.message),
  );
  // Every other page of the site links to the search page: each is read.
  assert.match(extractHtml(utf8(page("search.html")), "index.html").body, /multiple words/u);
});

Deno.test("extractHtml() finds nothing to note in mdBook's page that prints a whole book", () => {
  const page = (robots: string) =>
    `<!DOCTYPE HTML><html lang="en"><head><!-- Book generated using mdBook -->
    <title>The lamp book</title>${robots}</head><body><main>
    <h1 id="wicks">Wicks</h1><p>Trim the wicks of the harbour lamps every morning.</p>
    <h1 id="oil">Oil</h1><p>Fill the lamps with oil before the sun goes down.</p>
    </main></body></html>`;
  const print = page('<meta name="robots" content="noindex" />');
  assert.throws(
    () => extractHtml(utf8(print), "book/print.html"),
    (error: unknown) =>
      error instanceof NothingToNoteError && /prints the whole book/.test(error.message),
  );
  // A chapter named so (Rust by Example's "Formatted print"), or the page saved under its title,
  // is read.
  assert.match(extractHtml(utf8(page("")), "hello/print.html").body, /Trim the wicks/);
  assert.match(extractHtml(utf8(print), "The lamp book.html").body, /Trim the wicks/);
});

Deno.test("extractHtml() finds nothing to note in a page that is its title alone", () => {
  // An mdBook part's page: its heading, linked to itself, and nothing under it.
  const part = `<html><head><title>Appendices - The Lamp Book</title></head><body><main>
    <h1 id="appendices"><a class="header" href="#appendices">Appendices</a></h1></main></body></html>`;
  assert.throws(
    () => extractHtml(utf8(part), "appendices.html", { source: "appendices.html" }),
    (error: unknown) =>
      error instanceof NothingToNoteError &&
      error.message === "only its title, no text of its own",
  );
  // A line under it is text of its own.
  const one = part.replace("</h1>", "</h1><p>Tables of lamp oils.</p>");
  assert.match(extractHtml(utf8(one), "appendices.html").body, /lamp oils/);
});

Deno.test("extractHtml() gives the same result every time", () => {
  assert.deepEqual(extractHtml(blog, "blog.html"), extractHtml(blog, "blog.html"));
});

Deno.test("extractHtml() converts a 1 MB page completely", () => {
  const sections = Array.from(
    { length: 5000 },
    (_, i) =>
      `<section><h2>Section ${i}</h2><p>Paragraph ${i} with <a href="/s/${i}">a link</a>, ` +
      `<em>emphasis</em> and enough ordinary words to read like prose.</p>` +
      `<ul><li>item ${i}a</li><li>item ${i}b</li></ul><pre><code>x = ${i}</code></pre></section>`,
  );
  const html = articlePage("<title>Big page</title>", sections.join(""));
  assert.ok(html.length > 1_000_000);
  const { body } = extractHtml(utf8(html), "big.html");
  assert.match(body, /^## Section 0$/m);
  assert.match(body, /^## Section 4999$/m);
  assert.match(body, /^- item 4999b$/m);
  assert.ok(body.includes("```\nx = 4999\n```"));
});

Deno.test("htmlToMarkdown() writes lists with dashes, numbers from start and indented nesting", () => {
  const html = "<ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul>" +
    '<ol start="3"><li>three</li><li><p>four</p><p>more</p></li></ol>';
  assert.equal(
    htmlToMarkdown(html),
    "- one\n- two\n  - nested\n\n3. three\n4. four\n\n   more",
  );
});

Deno.test("htmlToMarkdown() fences code longer than any backtick run and keeps its blank lines", () => {
  const html = '<pre class="lang-js">let a = "```";\n\n\n\nlet b = 2;\n</pre>';
  assert.equal(htmlToMarkdown(html), '````js\nlet a = "```";\n\n\n\nlet b = 2;\n````');
  assert.equal(htmlToMarkdown("<p>Run <code>deno fmt</code> first.</p>"), "Run `deno fmt` first.");
});

Deno.test("htmlToMarkdown() collapses runs of blank lines outside code", () => {
  assert.equal(
    htmlToMarkdown(
      "<ul><li><pre>a\n\n\nb</pre></li></ul><blockquote><pre>c\n\n\nd</pre></blockquote>",
    ),
    "- ```\n  a\n\n\n  b\n  ```\n\n> ```\n> c\n> \n> \n> d\n> ```",
  );
  assert.equal(
    htmlToMarkdown("<p>a<br><br><br><br>b</p><p></p><p></p><div>c</div>"),
    "a\n\nb\n\nc",
  );
});

Deno.test("htmlToMarkdown() keeps links, escaping their addresses, and drops script links", () => {
  assert.equal(
    htmlToMarkdown(
      '<p><a href="https://x.org/a b(1)">spaced</a> <a href="javascript:go()">go</a></p>',
    ),
    "[spaced](https://x.org/a%20b%281%29) go",
  );
  assert.equal(htmlToMarkdown('<p><a href="https://x.org"><span>\n</span></a>x</p>'), "x");
});

Deno.test("htmlToMarkdown() puts a link written inside a code span around it", () => {
  assert.equal(
    htmlToMarkdown(
      '<p>The <code><a href="https://x.org/lamps#wick">wick_length</a></code> setting and ' +
        '<code><a href="https://x.org/a">a`b</a></code>.</p>',
    ),
    "The [`wick_length`](https://x.org/lamps#wick) setting and [`` a`b ``](https://x.org/a).",
  );
});

Deno.test("extractHtml() reads a page that is a plain text in <pre> as that text", () => {
  const prose = "Before you light the lamp the wick has to be trimmed to an even height.\n" +
    "A wick that is cut unevenly gives a smoky flame and blackens the glass.\n\n" +
    '<a href="wick.html">trim</a> the wick with the scissors kept for it.\n';
  const page = (pre: string) =>
    new TextEncoder().encode(
      "<html><head><title>Lamp documentation: lamp_03</title></head><body>" +
        `<h1>Lamp documentation: lamp_03</h1><a href="index.html">main help file</a><pre>${pre}</pre>`,
    );
  const typed = extractHtml(page(`\t\t\t     Trimming wicks\n\n${prose}`), "lamp_03.html");
  assert.equal(typed.title, "Trimming wicks");
  assert.ok(typed.body.startsWith("Before you light the lamp the wick"), typed.body);
  assert.ok(!typed.body.includes("main help file"), typed.body);
  // Without a title of its own, the page's; code in <pre> stays code.
  assert.equal(extractHtml(page(prose), "lamp_03.html").title, "Lamp documentation: lamp_03");
  const code = extractHtml(page("int wick = 3;\nif (wick > 2) {\n  trim(wick);\n}"), "c.html");
  assert.ok(code.body.includes("```"), code.body);
});

Deno.test("extractHtml() reads a <pre> of one long line without spaces as code", () => {
  // Matched against the prose pattern, such a line took time growing with its square.
  const line = "w".repeat(200_000);
  const page = new TextEncoder().encode(`<html><body><pre>${line}\n${line}</pre></body></html>`);
  assert.ok(extractHtml(page, "long.html").body.startsWith("```"));
});

Deno.test("htmlToMarkdown() writes a code span's text alone, whatever markup it holds", () => {
  assert.equal(
    htmlToMarkdown(
      '<p>Name it <code class="literal"><em class="replaceable"><code>lamp</code></em></code>_' +
        '<code><span class="pre">wick</span> <span class="pre">oil</span></code>.</p>',
    ),
    "Name it `lamp`\\_`wick oil`.",
  );
});

Deno.test("htmlToMarkdown() keeps absolute images and drops relative and embedded ones", () => {
  const html = '<p><img src="https://example.org/a.png" alt="A [chart]">' +
    '<img src="/relative.png" alt="rel"><img src="data:image/png;base64,AAAA" alt="data"></p>';
  assert.equal(htmlToMarkdown(html), "![A \\[chart\\]](https://example.org/a.png)");
});

Deno.test("htmlToMarkdown() writes ATX headings on one line and drops empty ones", () => {
  assert.equal(htmlToMarkdown("<h3>Two<br>lines</h3><h4> </h4><p>x</p>"), "### Two lines\n\nx");
});

Deno.test("htmlToMarkdown() leaves no raw HTML for ordinary markup but <sub> and <sup>", () => {
  const html = "<div><section><blockquote><p>Quote <mark>marked</mark> <sup>1</sup></p>" +
    "</blockquote><table><tr><td>cell</td></tr></table><details><summary>More</summary>x" +
    "</details><hr><button>Click</button><iframe src=x></iframe><svg><text>svg</text></svg>" +
    "</section></div>";
  const markdown = htmlToMarkdown(html);
  assert.doesNotMatch(markdown.replace(/<\/?su[bp]>/g, ""), /<\/?[a-z][^>]*>/i);
  assert.ok(markdown.includes("> Quote marked <sup>1</sup>"));
  assert.ok(!markdown.includes("Click") && !markdown.includes("svg"));
});

Deno.test("htmlToMarkdown() leaves out a first heading that only repeats the title", () => {
  assert.equal(htmlToMarkdown("<h1>My  Note</h1><p>Body</p>", { title: "my note" }), "Body");
  assert.equal(
    htmlToMarkdown("<h2>Other</h2><p>Body</p>", { title: "My note" }),
    "## Other\n\nBody",
  );
});

Deno.test("htmlToMarkdown() writes tables as GFM tables, merged and missing cells padded", () => {
  const html = "<table><caption>Tools</caption><thead><tr><th>Tool</th><th>Use</th></tr></thead>" +
    "<tbody><tr><td>Saw</td><td><p>Big | wood</p><p>only</p></td></tr>" +
    '<tr><td colspan="2">Shared</td></tr><tr><td>Short</td></tr></tbody></table>';
  assert.equal(
    htmlToMarkdown(html),
    "Tools\n\n| Tool | Use |\n| --- | --- |\n| Saw | Big \\| wood<br>only |\n" +
      "| Shared |   |\n| Short |   |",
  );
});

Deno.test("htmlToMarkdown() heads a table with its row of <th> or labels, else with an empty row", () => {
  assert.equal(
    htmlToMarkdown(
      "<table><tr><th>Knot</th><th>Use</th></tr><tr><td>Bowline</td><td>Loop</td></tr></table>",
    ),
    "| Knot | Use |\n| --- | --- |\n| Bowline | Loop |",
  );
  assert.equal(
    htmlToMarkdown(
      "<table><tr><td>Knot</td><td>Use</td></tr><tr><td>Bowline</td><td>Loop</td></tr></table>",
    ),
    "| Knot | Use |\n| --- | --- |\n| Bowline | Loop |",
  );
  // Terms and what they mean, from the first row on: no row of labels.
  const terms = "<table><tr><td>SLACK</td><td>The tide is turning. Nothing moves.</td></tr>" +
    "<tr><td>FLOOD</td><td>The tide is coming in.</td></tr></table>";
  assert.equal(
    htmlToMarkdown(terms),
    "|   |   |\n| --- | --- |\n| SLACK | The tide is turning. Nothing moves. |\n" +
      "| FLOOD | The tide is coming in. |",
  );
});

Deno.test("htmlToMarkdown() writes a one-column layout table as its paragraphs", () => {
  assert.equal(
    htmlToMarkdown("<table><tr><td><p>One</p></td></tr><tr><td>Two</td></tr></table>"),
    "One\n\nTwo",
  );
});

Deno.test("tableRules() write rows and cells outside a table as their blocks", () => {
  // What Readability leaves of a layout table: it makes the <table> a <div>, which no parser
  // of HTML text would.
  const node = (nodeName: string, parentNode: TableNode | null): TableNode => ({
    nodeName,
    parentNode,
    getAttribute: () => null,
  });
  const row = node("TR", node("TBODY", node("DIV", null)));
  const { tableCell, tableRow } = tableRules();
  assert.equal(tableCell.replacement("One\n\n- Two", node("TD", row)), "\n\nOne\n\n- Two\n\n");
  assert.equal(tableRow.replacement("\n\nOne\n\n", row), "\n\nOne\n\n");
  // In a table, a cell's blocks are one line of it.
  const inTable = node("TR", node("TABLE", null));
  assert.doesNotMatch(tableCell.replacement("One\n\nTwo", node("TD", inTable)), /\n/u);
});

Deno.test("extractHtml() leaves out a column of menus beside the page's text", () => {
  // libxslt's pages: "Main Menu", "Related links" and "API Indexes" in a column of their own.
  const menu = ["Home", "Wicks", "Oil", "Glass", "Keepers", "Tides", "Bugs", "Help"]
    .map((name) => `<li><a href="${name}.html">${name}</a></li>`).join("");
  const text = "<p>This document describes the harbour lamps, the lights kept for the fleet.</p>" +
    "<ul><li>The lamps burn colza oil all night</li></ul>" +
    "<p>The lamp room is cleaned every morning, and the lenses are polished with soft cloth so " +
    "that the beam carries far out to sea on a clear night. The keepers log the hours.</p>";
  const page = `<html><head><title>Lamps</title></head><body><table><tr><td width="200"><ul>` +
    `${menu}</ul></td><td>${text}</td></tr></table></body></html>`;
  const { body } = extractHtml(utf8(page), "lamps.html");
  assert.doesNotMatch(body, /Keepers|\|/u);
  assert.match(body, /^This document describes the harbour lamps/u);
  // Not a column of a table of links beside another (SQLite's table of the Tcl methods).
  const columns = (names: string[]) =>
    `<td><ul>${names.map((n) => `<li><a href="${n}.html">${n}</a></li>`).join("")}</ul></td>`;
  const methods = `<html><head><title>Lamps</title></head><body>${text}<table><tr>${
    columns(["trim", "light", "douse", "fill", "clean", "polish", "wind", "log"])
  }${
    columns(["tide", "gale", "fog", "dusk", "dawn", "noon", "night", "storm", "calm", "ebb"])
  }</tr></table></body></html>`;
  assert.match(
    extractHtml(utf8(methods), "lamps.html", { source: "lamps.html" }).body,
    /trim[\s\S]*storm/u,
  );
  // However short the text beside it, where the column is laid out narrow.
  const short = page.replace(text, "<p>Three lamps.</p>");
  assert.equal(extractHtml(utf8(short), "lamps.html").body, "Three lamps.");
});

Deno.test("htmlToMarkdown() writes a table of one filled column, or of headings, as its blocks", () => {
  // An empty margin cell beside the content, as a page of book covers lays itself out.
  assert.equal(
    htmlToMarkdown("<table><tr><td></td><td><p>One</p><p>Two</p></td></tr></table>"),
    "One\n\nTwo",
  );
  assert.equal(
    htmlToMarkdown(
      "<table><tr><td><b>Cover</b></td><td><h2>Lamp Oils (2018)</h2>Author: Ilse Brandvold<br>" +
        "Publisher: Harbour Press</td></tr></table>",
    ),
    "**Cover**\n\n## Lamp Oils (2018)\n\nAuthor: Ilse Brandvold\n\nPublisher: Harbour Press",
  );
  // Data keeps its table.
  assert.match(
    htmlToMarkdown(
      "<table><tr><th>Oil</th><th>Hours</th></tr><tr><td>Whale</td><td></td></tr></table>",
    ),
    /^\| Oil \| Hours \|/u,
  );
});

Deno.test("htmlToMarkdown() writes footnotes as [^n] and strikethrough as ~~", () => {
  const html = '<p>Fish<a href="#fn1" id="r1" class="footnote-ref"><sup>1</sup></a> and ' +
    '<s>Salmon</s> sold out.</p><section class="footnotes"><hr><ol><li id="fn1"><p>Fresh ' +
    'today. <a href="#r1" class="footnote-back">↩︎</a></p></li></ol></section>';
  assert.equal(htmlToMarkdown(html), "Fish[^1] and ~~Salmon~~ sold out.\n\n[^1]: Fresh today.");
  // mdBook's note prints its number first, which the mark says already.
  const mdbook = '<p>Fish<sup class="footnote-reference"><a href="#†">1</a></sup>.</p>' +
    '<div class="footnote-definition" id="†"><sup class="footnote-definition-label">1</sup>' +
    "<p>Fresh today.</p></div>";
  assert.equal(htmlToMarkdown(mdbook), "Fish[^1].\n\n[^1]: Fresh today.");
});

Deno.test("htmlToMarkdown() writes a <picture> of many <source>s as its image, not indented code", () => {
  const source = '\n        <source srcset="https://e.org/a.webp" type="image/webp">';
  const html = `<p>Before.</p><figure>\n      <picture>${source.repeat(5)}\n        ` +
    '<img src="https://e.org/a.png" alt="A">\n      </picture>\n      <figcaption>The caption' +
    "</figcaption>\n    </figure><p>After.</p>";
  assert.equal(
    htmlToMarkdown(html),
    "Before.\n\n![A](https://e.org/a.png)\n\nThe caption\n\nAfter.",
  );
});

Deno.test("htmlToMarkdown() keeps sub- and superscripts as the <sub> and <sup> Obsidian renders", () => {
  assert.equal(
    htmlToMarkdown("<p>H<sub>2</sub>O, E = mc<sup>2</sup>, x<sup> *n* </sup>, y<sup> </sup>z</p>"),
    // turndown moves the spaces inside an element out of it.
    "H<sub>2</sub>O, E = mc<sup>2</sup>, x <sup>\\*n\\*</sup> , y z",
  );
});

Deno.test("htmlToMarkdown() escapes text that Obsidian would read as HTML, tags or math", () => {
  assert.equal(
    htmlToMarkdown("<h2>The &lt;img&gt; tag</h2><p>#include costs $5 ==hi== %%x%%</p>"),
    "## The \\<img> tag\n\n\\#include costs \\$5 \\==hi\\== \\%%x\\%%",
  );
});

Deno.test("extractHtml() keeps a page whose only text is its heading", () => {
  const page = "<html><head></head><body><h1>Only a heading</h1></body></html>";
  const { title, body } = extractHtml(utf8(page), "only.html");
  assert.equal(title, "Only a heading");
  assert.equal(body, "# Only a heading");
});

Deno.test("extractHtml() leaves out Texinfo and Sphinx navigation blocks", () => {
  const filler = "<p>" + "A closure wraps a function with the data it needs to run. ".repeat(12) +
    "</p>";
  const page = "<html><head><title>Closure Example (libffi: the portable foreign function " +
    "interface library)</title></head><body>" +
    '<div class="header"><p>Next: <a href="Multiple-ABIs.html">Multiple ABIs</a>, Previous: ' +
    '<a href="Simple-Example.html">Simple Example</a>, Up: <a href="Using.html">Using</a></p></div>' +
    '<div class="related"><ul><li><a href="index.html">index</a></li></ul></div>' +
    `<h4>2.3.4 Closure Example</h4>${filler}` +
    '<div class="footer">© Copyright 2001, Python Software Foundation.</div></body></html>';
  const { title, body } = extractHtml(utf8(page), "Closure-Example.html");
  assert.equal(title, "Closure Example");
  assert.doesNotMatch(body, /Next:|Previous:|Copyright|index/);
  assert.match(body, /A closure wraps a function/);
});

Deno.test("extractHtml() leaves out a skip link and the links that open a menu", () => {
  // As Node.js's API index heads its list of modules.
  const page = '<html><head><title>Lamps</title></head><body><a href="#list" ' +
    'class="skip-to-content">Skip to content</a><ul><li><a href="#alt" aria-controls="alt">' +
    'Other versions</a></li></ul><ul id="list"><li><a href="wicks.html">Wicks</a></li>' +
    '<li><a href="oil.html">Oil</a></li></ul></body></html>';
  const { body } = extractHtml(utf8(page), "index.html");
  assert.doesNotMatch(body, /Skip to content|Other versions/);
  assert.match(body, /Wicks/);
});

Deno.test("extractHtml() leaves out what a short page hides", () => {
  const page = "<html><head><title>Hours</title></head><body><p>Open from nine to five.</p>" +
    '<div hidden>Secret draft text</div><p style="display: none">Old prices</p></body></html>';
  const { body } = extractHtml(utf8(page), "hours.html");
  assert.equal(body, "Open from nine to five.");
});

Deno.test("extractHtml() ends a list item or paragraph where HTML implies it, as browsers do", () => {
  const html = "<html><body><h1>Lamps</h1><ol><li><p>Trim the wick.<li><p>Fill the oil." +
    "<li><p>Light the lamp at dusk.</ol><p>Then walk the quay.</body></html>";
  const { body } = extractHtml(new TextEncoder().encode(html), "lamps.html");
  // Items of paragraphs make a loose list, as pandoc writes it.
  assert.equal(
    body,
    "1. Trim the wick.\n\n2. Fill the oil.\n\n3. Light the lamp at dusk.\n\nThen walk the quay.",
  );
});

Deno.test("extractHtml() keeps sections whose ids read like page chrome, and their links", () => {
  const page = articlePage(
    "<title>Fetching URLs</title>",
    '<section id="intro"><h2>Introduction</h2><p>See <a href="#headers">the headers</a>.</p>' +
      '</section><section id="headers"><h2>Headers</h2><p>The User-Agent header names ' +
      "the client that asks.</p></section>" +
      '<section id="cookies"><h2>Cookies</h2><p>A cookie jar keeps what servers set.</p>' +
      '</section><h2 id="use_of_wal_without_shared_memory">Use of WAL Without Shared-Memory</h2>' +
      "<p>Exclusive locking mode lets WAL work without shared memory.</p>" +
      '<h4 id="data_pagination">Pagination</h4><p>Large doclists are split across pages.</p>',
  );
  const { body, anchors } = extractHtml(utf8(page), "urllib.html", { source: "urllib.html" });
  for (
    const kept of [
      "## Headers",
      "User-Agent header",
      "## Cookies",
      "cookie jar",
      "## Use of WAL Without Shared-Memory",
      "#### Pagination",
    ]
  ) assert.ok(body.includes(kept), `${kept} in\n${body}`);
  assert.equal(anchors?.headers, "Headers");
  assert.equal(anchors?.data_pagination, "Pagination");
});

Deno.test("extractHtml() keeps a Sphinx page's abstract, not its local contents", () => {
  const page = articlePage(
    "<title>Regular Expression HOWTO</title>",
    '<aside class="topic"><p class="topic-title">Abstract</p><p>This document is an ' +
      "introductory tutorial to regular expressions.</p></aside>" +
      '<aside class="topic contents"><p><a href="#intro">Introduction</a></p></aside>' +
      "<h2>Introduction</h2><p>Regular expressions are a small language.</p>",
  );
  const { body } = extractHtml(utf8(page), "regex.html");
  assert.ok(body.includes("This document is an introductory tutorial"), body);
  assert.ok(!body.includes("[Introduction]"), body);
});

Deno.test("extractHtml() sets a Sphinx page's See also box as a callout", () => {
  const page = articlePage(
    "<title>lamp — Harbour lamps</title>",
    "<p>The lamp module keeps the harbour lamps lit through the night, as keepers do.</p>" +
      '<div class="admonition seealso"><p class="admonition-title">See also</p><dl><dt>' +
      '<a href="https://example.org/wicks">Wicks</a></dt><dd><p>A keeper\'s paper on wicks.' +
      "</p></dd></dl></div><p>Lamps burn colza oil, which the keepers fetch each week.</p>",
  );
  const { body } = extractHtml(utf8(page), "lamp.html");
  assert.match(
    body,
    /\n> \[!seealso\] See also\n(?:>.*\n)*> \*\*\[Wicks\]\(https:\/\/example\.org\/wicks\)\*\*: A keeper's paper on wicks\./u,
  );
  assert.doesNotMatch(body, /^See also$/mu);
  // One of links only is kept too: Readability dropped such a div as a list of links.
  const linked = articlePage(
    "<title>lamp — Harbour lamps</title>",
    "<p>The lamp module keeps the harbour lamps lit through the night, as keepers do.</p>" +
      '<div class="admonition seealso"><p class="admonition-title">See also</p><dl><dt>' +
      '<a class="reference internal" href="wick.html">Module <code>wick</code></a></dt>' +
      "<dd><p>API reference.</p></dd></dl></div>" +
      "<p>Lamps burn colza oil, which the keepers fetch each week.</p>",
  );
  assert.match(extractHtml(utf8(linked), "lamp.html").body, /> \[!seealso\] See also\n> /u);
});

Deno.test("extractHtml() sets a Sphinx or MkDocs note or warning as a callout of its kind", () => {
  const page = articlePage(
    "<title>lamp — Harbour lamps</title>",
    "<p>The lamp module keeps the harbour lamps lit through the night, as keepers do.</p>" +
      '<div class="admonition warning"><p class="admonition-title">Warning</p><p>Never leave ' +
      "a lamp burning unattended.</p><p>Keep the oil away from the wick.</p></div>" +
      '<div class="admonition"><p class="admonition-title">Colza oil</p><p>Keepers fetch ' +
      "it each week.</p></div><p>Lamps burn colza oil, which the keepers fetch each week.</p>",
  );
  const { body } = extractHtml(utf8(page), "lamp.html");
  assert.match(
    body,
    /\n> \[!warning\] Warning\n> Never leave a lamp burning unattended\.\n>\n> Keep the oil/u,
  );
  assert.match(body, /\n> \[!note\] Colza oil\n> Keepers fetch it each week\./u);
  assert.doesNotMatch(body, /^Warning$/mu);
  // A page that writes our class itself gets a note, never its own text in the callout's type.
  const forged = articlePage(
    "<title>lamp</title>",
    "<p>The lamp module keeps the harbour lamps lit through the night, as keepers do.</p>" +
      '<blockquote class="gleaner-callout-x]] [[Home"><p>Forged</p><p>Text of the quote.</p>' +
      "</blockquote><p>Lamps burn colza oil, which the keepers fetch each week.</p>",
  );
  const quoted = extractHtml(utf8(forged), "forged.html").body;
  assert.match(quoted, /> \[!note\] Forged\n/u);
  assert.doesNotMatch(quoted, /\[\[Home/u);
});

Deno.test("extractHtml() sets a box whose class is its kind as a callout, titled by its kind", () => {
  const page = articlePage(
    "<title>mod_lamp</title>",
    '<div class="warning">Use this module with care: the lamps run hot.</div>' +
      "<p>The lamp module keeps the harbour lamps lit through the night, as keepers do.</p>" +
      '<div class="note"><h3>Oil</h3><p>Keepers fetch colza oil each week.</p></div>',
  );
  const { body } = extractHtml(utf8(page), "mod_lamp.html");
  assert.match(body, /> \[!warning\] Warning\n> Use this module with care: the lamps run hot\./u);
  assert.match(body, /> \[!note\] Oil\n> Keepers fetch colza oil each week\./u);
});

Deno.test("extractHtml() keeps a book's titled sidebar as a callout", () => {
  const page = articlePage(
    "<title>Packages</title>",
    "<p>The lamp package keeps the harbour lamps lit through the night, as keepers do.</p>" +
      '<div class="sidebar"><div class="titlepage"><div><p class="title"><strong><em>TOOLS' +
      "</em> <code>wickcut</code> and <code>oilgauge</code></strong></p></div></div>" +
      '<div class="para"><code>wickcut</code> is the program that trims the wicks.</div></div>' +
      "<p>Keepers fetch colza oil each week, and the lamps burn it all night long.</p>",
  );
  const { body } = extractHtml(utf8(page), "packages.html");
  assert.match(body, /> \[!note\] TOOLS wickcut and oilgauge\n> `wickcut` is the program that/u);
  // A page too short for Readability, read whole, keeps it so too.
  const short = "<!DOCTYPE html><html><head><title>Oil</title></head><body><p>Keepers fetch " +
    'oil.</p><div class="sidebar"><div class="titlepage"><p class="title"><strong>TIP Colza' +
    '</strong></p></div><div class="para">Colza oil burns clean.</div></div></body></html>';
  const { body: whole } = extractHtml(utf8(short), "oil.html");
  assert.match(whole, /> \[!note\] TIP Colza\n> Colza oil burns clean\./u);
});

Deno.test("extractHtml() keeps an acronym or teletype text in its paragraph", () => {
  const page = articlePage(
    "<title>Boot</title>",
    '<div class="para">The firmware looks for a partition labelled with a globally unique ' +
      'identifier (<acronym class="acronym">GUID</acronym>) that marks it as the system ' +
      "partition, where the lamps' boot loaders are kept by the <tt>keeper</tt> program.</div>" +
      "<p>Keepers fetch colza oil each week, and the lamps burn it all night long.</p>",
  );
  const { body } = extractHtml(utf8(page), "boot.html");
  assert.match(body, /identifier \(GUID\) that marks it as the system partition/u);
  assert.match(body, /kept by the `keeper` program\./u);
});

Deno.test("extractHtml() drops breadcrumb trails, lists of translations and the page's banner", () => {
  const page = "<!DOCTYPE html><html><head><title>mod_lamp - Harbour Server 2.4</title></head>" +
    '<body><div id="page-header"><p class="site">Harbour Server Version 2.4</p></div>' +
    '<div id="path"><a href="/">Harbour</a> &gt; <a href="/docs/">Documentation</a> &gt; ' +
    '<a href="/docs/mod/">Modules</a></div><div id="page-content"><h1>Module mod_lamp</h1>' +
    '<div class="toplang"><p><span>Available Languages: </span><a href="en">en</a> | ' +
    '<a href="fr">fr</a></p></div>' +
    "<p>The lamp module keeps the harbour lamps lit through the night, as keepers do. ".repeat(4) +
    '</p><p>See <a href="a">lamps</a> and <a href="b">wicks</a> for more.</p></div>' +
    '<div id="footer"><p class="apache">Copyright 2026 The Harbour Foundation.<br>Licensed ' +
    'under the <a href="l">Lamp Licence</a>.</p></div></body></html>';
  const { body, properties } = extractHtml(utf8(page), "mod_lamp.html");
  for (const gone of ["Version 2.4", "Documentation", "Available Languages", "Licensed"]) {
    assert.doesNotMatch(body, new RegExp(gone, "u"), gone);
  }
  // Links amid prose are prose.
  assert.match(body, /See lamps and wicks for more\./u);
  // A list of links, each an item, is a page's contents: Sphinx's index of Python's FAQs.
  const index = "<!DOCTYPE html><html><head><title>Lamp FAQs</title></head><body>" +
    '<h1>Lamp FAQs</h1><div class="toctree-wrapper compound"><ul><li><a href="wick.html">Wick ' +
    'FAQ</a></li><li><a href="oil.html">Oil FAQ</a></li></ul></div></body></html>';
  const faqs = (html: string) => extractHtml(utf8(html), "index.html", { source: "index.html" });
  assert.match(faqs(index).body, /Wick FAQ[\s\S]*Oil FAQ/u);
  // Not one of the page's own parts (SQLite's list of math functions, "#acos"...).
  const own = index.replace('"wick.html"', '"index.html#wick"').replace('"oil.html"', '"#oil"');
  assert.doesNotMatch(faqs(own).body, /Wick FAQ/u);
  // Not a menu's list in its item (Node.js's "View on single page", "View as JSON").
  const menu = index.replace(
    "<h1>",
    '<ul><li class="picker-header"><div class="picker"><ul><li><a href="all.html">View on one ' +
      'page</a></li><li><a href="i.json">View as JSON</a></li></ul></div></li></ul><h1>',
  );
  assert.doesNotMatch(faqs(menu).body, /View/u);
  // The footer's holder is the page's.
  assert.deepEqual(properties, { copyright: "The Harbour Foundation" });
});

Deno.test("extractHtml() keeps rustdoc's stability notice as an aside and drops the links around an item", () => {
  const page = "<!DOCTYPE html><html><head><title>lamp::trim - Rust</title></head><body>" +
    '<main><section id="main-content" class="content">' +
    '<div class="main-heading"><h1>Function lamp::trim</h1><span class="out-of-band">' +
    '<span class="since">1.0.0</span> · <a class="srclink" href="s">source</a> · ' +
    '<a id="toggle-all-docs" href="#">[<span class="inner">−</span>]</a></span></div>' +
    '<span class="item-info"><div class="stab unstable"><span class="emoji">🔬</span> This ' +
    "is a nightly-only experimental API. (<code>lamp_trim</code>)</div></span>" +
    '<details class="rustdoc-toggle top-doc" open><summary class="hideme"><span>Expand ' +
    'description</span></summary><div class="docblock"><p>Trims the wick of a lamp.</p>' +
    '<pre class="rust">lamp::trim(&amp;wick);</pre><a class="test-arrow" ' +
    'href="https://play.example.org/?code=lamp">Run</a></div></details></section></main>' +
    "</body></html>";
  const { body } = extractHtml(utf8(page), "fn.trim.html");
  assert.match(
    body,
    /^> \[!note\] 🔬 This is a nightly-only experimental API\. \(`lamp_trim`\)\n\nTrims the/mu,
  );
  for (const gone of ["source", "1.0.0", "Expand description", "Run", "play.example.org"]) {
    assert.doesNotMatch(body, new RegExp(gone, "u"), gone);
  }
});

Deno.test("extractHtml() keeps an API page's notices, though they are short lists of links", () => {
  const ref = (name: string) =>
    `<a class="reference internal" href="#lamp.${name}" title="lamp.${name}"><code ` +
    `class="xref py py-meth docutils literal notranslate"><span class="pre">${name}()</span>` +
    `</code></a>`;
  const page = articlePage(
    "<title>lamp — Harbour lamps</title>",
    ["dim", "cover", "wick", "trim", "fill"].map((name) =>
      `<dl class="py method"><dt id="lamp.${name}">Lamp.${name}()</dt><dd><p>The lamp's ` +
      `${name}, as the harbour master sets it each evening.</p></dd></dl>`
    ).join("") +
      `<dl class="py method"><dt id="lamp.snuff">Lamp.snuff()</dt><dd><p>Put the lamp out.</p>` +
      `<div class="deprecated"><p><span class="versionmodified deprecated">Deprecated since ` +
      `version 3.10: </span>Use ${ref("dim")} or ${ref("cover")}, as ${ref("snuff")} ` +
      `leaves ${ref("wick")} hot.</p></div>` +
      `<div class="admonition note"><p class="admonition-title">Note</p><p>See ${ref("trim")}` +
      ` and ${ref("fill")}.</p></div></dd></dl>`,
  );
  const { body } = extractHtml(utf8(page), "lamp.html");
  assert.match(body, /Deprecated since version 3\.10: Use `dim\(\)` or `cover\(\)`/);
  assert.match(body, /See `trim\(\)` and `fill\(\)`\./);
});

Deno.test("extractHtml() sets DocBook's note beside its icon as a quotation, not a table", () => {
  const page = articlePage(
    "<title>Harbour lamps</title>",
    "<p>Keepers trim the harbour lamps at dusk and at dawn, every day of the year.</p>" +
      `<div class="warning"><table border="0" summary="Warning"><tr><td rowspan="2">` +
      `<img alt="[Warning]" src="images/warning.png"/></td><th align="left">Warning</th></tr>` +
      `<tr><td align="left"><p>Never trim a lamp that is still hot.</p></td></tr></table></div>`,
  );
  const { body } = extractHtml(utf8(page), "lamps.html");
  assert.match(body, /^> \*\*Warning\*\*\n> \n> Never trim a lamp that is still hot\.$/m);
  assert.doesNotMatch(body, /\|/);
});

Deno.test("extractHtml() sets an API entry's signature as one piece of code", () => {
  const page = articlePage(
    "<title>lamp — Harbour lamps</title>",
    `<dl class="py function"><dt class="sig sig-object py" id="lamp.trim"><span ` +
      `class="sig-prename descclassname"><span class="pre">lamp.</span></span><span ` +
      `class="sig-name descname"><span class="pre">trim</span></span><span class="sig-paren">(` +
      `</span><em class="sig-param"><span class="n"><span class="pre">wick</span></span></em>` +
      `<span class="optional">[</span>, <em class="sig-param"><span class="pre">length=2</span>` +
      `</em><span class="optional">]</span><span class="sig-paren">)</span><a ` +
      `class="headerlink" href="#lamp.trim" title="Permalink to this definition">¶</a></dt>` +
      `<dd><p>Trim the <em>wick</em> to its length.</p></dd></dl>`,
  );
  const { body } = extractHtml(utf8(page), "lamp.html");
  assert.match(body, /^`lamp\.trim\(wick\[, length=2\]\)`\n\nTrim the _wick_ to its length\.$/m);
});

Deno.test("extractHtml() sets a manual page's options as code, its glossary's terms not", () => {
  const page = articlePage(
    "<title>lamp-trim(1)</title>",
    '<div class="dlist"><dl><dt class="hdlist1">-e</dt><dt class="hdlist1">--edit</dt><dd>' +
      '<p>With this option, the lamp asks first.</p></dd><dt class="hdlist1">harbour lamp</dt>' +
      "<dd><p>A lamp on the quay.</p></dd></dl></div>",
  );
  const { body } = extractHtml(utf8(page), "lamp-trim.html");
  assert.match(body, /^`-e`$/m);
  assert.match(body, /^`--edit`$/m);
  assert.doesNotMatch(body, /`harbour lamp`/);
});

Deno.test("extractHtml() opens a definition with its term", () => {
  const page = articlePage(
    "<title>Lamps</title>",
    '<dl class="simple"><dt>Paraffin lamp</dt><dd><p>A lamp that burns paraffin.</p>' +
      "<p>It smokes.</p></dd><dt><code>--trim</code></dt><dd><p>Trims the wick.</p></dd>" +
      "<dt>wick</dt><dt>wicks</dt><dd><p>What burns.</p></dd><dt><b>ROLLBACK</b></dt><dd><p>" +
      "Undoes it.</p></dd><dt>\n  trim.length\n</dt><dd><p>How long.</p></dd>" +
      "<dt>Chimney</dt><dd>A glass tube over the <em>flame</em>.<br>See: Wicks</dd></dl>",
  );
  const { body } = extractHtml(utf8(page), "lamps.html");
  assert.match(body, /^\*\*Paraffin lamp\*\*: A lamp that burns paraffin\.\n\nIt smokes\.$/m);
  assert.match(body, /^`--trim`\n\nTrims the wick\.$/m);
  assert.match(body, /^wicks\n\nWhat burns\.$/m);
  assert.match(body, /^\*\*ROLLBACK\*\*: Undoes it\.$/m);
  assert.match(body, /^\*\*trim\.length\*\*: How long\.$/m);
  // A definition written without a paragraph of its own.
  assert.match(body, /^\*\*Chimney\*\*: A glass tube over the _flame_\. {2}\nSee: Wicks$/m);
});

Deno.test("extractHtml() keeps a short section of links between two it keeps", () => {
  const prose = (topic: string) =>
    `<p>${`The keepers of the harbour lamps write about ${topic} at length. `.repeat(15)}</p>`;
  const links = ["wicks", "oil", "glass", "brass"].map((w) =>
    `<a href="https://example.org/${w}">the ${w} list</a>`
  ).join(", ");
  const section = (title: string, body: string) =>
    `<div class="section"><div class="titlepage"><h2 class="title">${title}</h2></div>${body}` +
    "</div>";
  const page = '<html><head><title>Lamps</title></head><body><div class="chapter">' +
    section("5.4. Trimming", prose("trimming")) +
    section("5.5. What is missing?", `<p>See ${links}.</p>`) +
    section("5.6. Lighting", prose("lighting")) + "</div></body></html>";
  const { body } = extractHtml(utf8(page), "lamps.html");
  assert.match(body, /5\.5\. What is missing\?/);
  assert.match(body, /\[the oil list\]\(https:\/\/example\.org\/oil\)/);
});

Deno.test("extractHtml() keeps a page's introduction that comes before the sections kept", () => {
  // Readability took the one section with the most paragraphs, the way it read Git's
  // "Reviewing Patches" page without its introduction.
  const paragraphs = (topic: string, sentences: number, count: number) =>
    `<div class="paragraph"><p>${
      `The keepers of the harbour write about ${topic}, and they do so, with care. `
        .repeat(sentences)
    }</p>`.repeat(count) + "</div>";
  const section = (level: number, title: string, body: string) =>
    `<div class="sect${level - 1}"><h${level}>${title}</h${level}><div class="sectionbody">` +
    `${body}</div></div>`;
  const page = '<html><head><title>Trimming Lamps</title></head><body class="article">' +
    '<div id="header"><h1>Trimming Lamps</h1></div><div id="content">' +
    section(2, "Introduction", paragraphs("why lamps are trimmed", 3, 2)) +
    section(
      2,
      "Principles",
      section(3, "Choosing a wick", paragraphs("choosing a wick", 5, 4)) +
        section(3, "Cutting it", paragraphs("cutting the wick", 5, 4)) +
        section(3, "Lighting it", paragraphs("lighting the wick", 5, 4)),
    ) + "</div></body></html>";
  const { body } = extractHtml(utf8(page), "trimming.html");
  assert.match(body, /^## Introduction\n\nThe keepers of the harbour write about why lamps/m);
  assert.match(body, /^## Principles\n\n### Choosing a wick$/m);
  assert.match(body, /^### Lighting it$/m);
});

Deno.test("extractHtml() keeps the NAME line of an AsciiDoc manual page", () => {
  const section = (id: string, title: string, words: string) =>
    `<div class="sect1"><h2 id="${id}">${title}</h2><div class="sectionbody"><p>` +
    `${words.repeat(12)}</p></div></div>`;
  const page = '<html><head><title>lamp-trim(1)</title></head><body class="manpage">' +
    '<div id="header"><h1>lamp-trim(1) Manual Page</h1><h2>NAME</h2><div class="sectionbody">' +
    "<p>lamp-trim -\n   Trim the wicks of the harbour lamps\n</p></div></div>" +
    '<div id="content">' +
    section("_description", "DESCRIPTION", "The command trims each wick of the harbour. ") +
    section("_options", "OPTIONS", "Each option names a lamp of the harbour to trim. ") +
    "</div></body></html>";
  const { body } = extractHtml(utf8(page), "lamp-trim.html");
  assert.match(
    body,
    /^## NAME\n\nlamp-trim - Trim the wicks of the harbour lamps\n\n## DESCRIPTION/,
  );
  // A page too short for Readability is read whole, without the heading that only repeats
  // the title.
  const short = page.replace(/(?<=<p>)(?:The command|Each option)[^<]*/g, "Trims a wick.");
  const whole = extractHtml(utf8(short), "lamp-trim.html").body;
  assert.match(whole, /^## NAME\n\nlamp-trim - Trim the wicks of the harbour lamps\n/);
});

Deno.test("extractHtml() keeps a short page's section whose id reads like a banner", () => {
  const page = "<html><body><p>Notes on the HTTP state of a client.</p>" +
    '<section id="cookies"><h2>Cookies</h2><p>A cookie jar keeps what servers set.</p>' +
    "</section></body></html>";
  const { body } = extractHtml(utf8(page), "cookies.html");
  assert.ok(body.includes("cookie jar"), body);
});

Deno.test("htmlToMarkdown() reads typewriter quotes as quotation marks, except in code", () => {
  const html = "<h2>How is it `frozen'?</h2><p>Upgrades reach the <em>`stable'</em> lamp " +
    "after ``trimming''. Run <code>trim `wick'</code> to see.</p>";
  assert.equal(
    htmlToMarkdown(html),
    "## How is it ‘frozen’?\n\nUpgrades reach the _‘stable’_ lamp after “trimming”. Run " +
      "``trim `wick'`` to see.",
  );
});
