import assert from "node:assert/strict";
import { fallbackTitle, ownedTitle } from "./extracted.ts";
import {
  casedLikeText,
  folderTitle,
  readableFolder,
  readableStem,
  withoutOwner,
} from "./readable_name.ts";

Deno.test("readableStem() turns a slug into a sentence-case title", () => {
  assert.equal(readableStem("revert-a-faulty-merge"), "Revert a faulty merge");
  assert.equal(readableStem("lecture-04"), "Lecture 04");
  assert.equal(readableStem("setup_git_server_over_http"), "Setup git server over HTTP");
  assert.equal(readableStem("notes"), "Notes");
  // A letter that ends a name is a label: "Appendix B", not "Appendix b".
  assert.equal(readableStem("appendix-b"), "Appendix B");
  assert.equal(readableStem("1972_richard_nixon_r"), "1972 richard nixon R");
  assert.equal(readableStem("a"), "A");
});

Deno.test("readableStem() keeps acronyms, inner capitals and numbers", () => {
  assert.equal(readableStem("README"), "README");
  assert.equal(readableStem("UIDS-GIDS"), "UIDS GIDS");
  assert.equal(readableStem("using-GitHub-actions-v2"), "Using GitHub actions v2");
  assert.equal(readableStem("python-3.11-notes"), "Python 3.11 notes");
});

Deno.test("readableStem() lowers a name written in capitals throughout, except short acronyms", () => {
  assert.equal(readableStem("CODING_STYLE"), "Coding style");
  assert.equal(readableStem("HTTP_API_NOTES"), "HTTP API notes");
});

Deno.test("readableStem() leaves a name its author wrote as text", () => {
  assert.equal(readableStem("My Meeting With Bob"), "My Meeting With Bob");
  assert.equal(readableStem("Report 2024"), "Report 2024");
});

Deno.test("readableFolder() title-cases a folder name, small words aside", () => {
  assert.equal(readableFolder("philosophy-185-heidegger"), "Philosophy 185 Heidegger");
  assert.equal(readableFolder("history_of_the_world"), "History of the World");
});

Deno.test("folderTitle() names a folder that only holds files together with its parent", () => {
  assert.equal(folderTitle(["git", "howto"]), "Git howto");
  assert.equal(folderTitle(["courses", "philosophy-185-heidegger"]), "Philosophy 185 Heidegger");
  assert.equal(folderTitle(["howto"]), "Howto");
  assert.equal(folderTitle([]), "");
  assert.equal(folderTitle(["C:", "docs"]), "Docs");
});

Deno.test("fallbackTitle() reads like a title, folder first, and tells two courses apart", () => {
  assert.equal(fallbackTitle("revert-a-faulty-merge.txt"), "Revert a faulty merge");
  assert.equal(
    fallbackTitle("philosophy-185-heidegger/lecture-04.srt"),
    "Philosophy 185 Heidegger – Lecture 04",
  );
  assert.notEqual(
    fallbackTitle("philosophy-6-merleau-ponty/lecture-04.srt"),
    fallbackTitle("philosophy-185-heidegger/lecture-04.srt"),
  );
  assert.equal(fallbackTitle("git/howto/maintain-git.txt"), "Git howto – Maintain git");
  // Sphinx ships its sources as "classes.rst.txt".
  assert.equal(fallbackTitle("tutorial/classes.rst.txt"), "Tutorial – Classes");
  assert.equal(fallbackTitle("notes/v1.2.txt"), "Notes – V1.2");
  // A folder that says only where files are kept adds nothing to a name that says what they are.
  assert.equal(fallbackTitle("misc/httplib2-README"), "Httplib2 README");
  // A folder named for the files' format keeps them as "misc" does.
  assert.equal(fallbackTitle("markdown/libffi8-README"), "Libffi8 README");
  assert.equal(fallbackTitle("misc/README"), "Misc – README");
  assert.equal(fallbackTitle("gzip/misc/gzip-NEWS"), "Gzip misc – Gzip NEWS");
  // A folder for a decade or a year says nothing a dated file name does not.
  assert.equal(fallbackTitle("1990s/1991_george_bush_r.txt"), "1991 george bush R");
  assert.equal(fallbackTitle("2024/2024-05-03-standup.md"), "2024 05 03 standup");
  assert.equal(fallbackTitle("1990s/speech.txt"), "1990s – Speech");
  assert.equal(fallbackTitle("2024/2023-12-31-review.md"), "2024 – 2023 12 31 review");
});

Deno.test("casedLikeText() spells a title's words as the text does when it writes them with capitals", () => {
  const text = "Today we read Heidegger. In Being and Time, Heidegger asks what being is. " +
    "The NASA report, which NASA published, uses time differently.\n\nTime is short.";
  assert.equal(casedLikeText("Lecture 04 heidegger", text), "Lecture 04 Heidegger");
  assert.equal(casedLikeText("Notes on nasa and time", text), "Notes on NASA and time");
});

Deno.test("casedLikeText() keeps a word the text writes in lower case, or capitalises only to start a sentence", () => {
  // "Time" twice, both at a sentence's start; "time" in lower case inside one.
  const text = "Time passes. We lose time.\nTime heals. The apple fell; an Apple laptop. An apple.";
  assert.equal(casedLikeText("Time and apple", text), "Time and apple");
  assert.equal(casedLikeText("On time", text), "On time");
});

Deno.test("readableStem() leaves out how a media file was encoded", () => {
  assert.equal(
    readableStem("sense_and_sensibility_01_austen_64kb-0870"),
    "Sense and sensibility 01 austen 0870",
  );
  assert.equal(readableStem("lecture-03-720p-x264"), "Lecture 03");
  // A name that is nothing else stays as it is.
  assert.equal(readableStem("128kbps"), "128kbps");
});

Deno.test("readableFolder() writes an acronym a folder's name has in lower case in capitals", () => {
  assert.equal(readableFolder("debian-faq"), "Debian FAQ");
  assert.equal(readableFolder("pdfs"), "PDFs");
  assert.equal(readableFolder("lamps"), "Lamps");
});

Deno.test("ownedTitle() tells whose a title naming only a kind of text is, from the file's name or folder", () => {
  assert.equal(ownedTitle("FAQ", "lampwick-FAQ.html"), "lampwick – FAQ");
  assert.equal(
    ownedTitle("Frequently Asked Questions", "lamp-oil/FAQ"),
    "lamp-oil – Frequently Asked Questions",
  );
  assert.equal(ownedTitle("Release Notes", "wick_release-notes.txt"), "wick – Release Notes");
  // A folder that only keeps files says nothing of whose.
  assert.equal(ownedTitle("FAQ", "lamp1-dev/html/FAQ.html"), "lamp1-dev – FAQ");
  assert.equal(ownedTitle("Index", "docs/index.html"), "Index");
  assert.equal(ownedTitle("README", "README.md"), "README");
  // Nor does a chapter's number.
  assert.equal(ownedTitle("Introduction", "ch00-00-introduction.html"), "Introduction");
  // Nor the kind cut short in the file's name.
  assert.equal(ownedTitle("Introduction", "lamp-api/intro.html"), "lamp-api – Introduction");
  assert.equal(
    ownedTitle("Installation", "lampbook/ch01-01-installation.html"),
    "lampbook – Installation",
  );
  // A title that names its subject stands.
  assert.equal(ownedTitle("Lampwick FAQ", "lamp/FAQ"), "Lampwick FAQ");
  assert.equal(ownedTitle("Trimming wicks", "lamp/FAQ"), "Trimming wicks");
});

Deno.test("withoutOwner() takes off the owner a plain title was given, and nothing else", () => {
  assert.equal(withoutOwner(ownedTitle("Getting started", "start/index.html")), "Getting started");
  assert.equal(withoutOwner(fallbackTitle("courses/heidegger/lecture-01.srt")), "Lecture 01");
  assert.equal(withoutOwner("Wicks and oil"), "Wicks and oil");
  assert.equal(withoutOwner(" – Wicks"), " – Wicks");
});
