import assert from "node:assert/strict";
import { isUpkeep, withoutOwnNotes } from "./upkeep.ts";

Deno.test("isUpkeep() tells how a project is run from what it is about", () => {
  for (const phrase of ["mailing list", "Mailing-Lists", "bug reports", "home page", "website"]) {
    assert.equal(isUpkeep(phrase), true, phrase);
  }
  // And what it writes about itself: "zlib-faq", "asked-questions" of "Frequently Asked Questions".
  for (const phrase of ["FAQ", "asked questions", "Frequently Asked Questions", "README"]) {
    assert.equal(isUpkeep(phrase), true, phrase);
  }
  for (
    const phrase of ["GNU Lesser General Public License", "Free Software Foundation", "GNU Project"]
  ) {
    assert.equal(isUpkeep(phrase), true, phrase);
  }
  // Where its code is kept and how it ships, and how to write to it.
  for (const phrase of ["git repository", "snapshot tarball", "tarballs", "e-mail"]) {
    assert.equal(isUpkeep(phrase), true, phrase);
  }
  // A phrase with more in it says more: Git's maintainer reviews patches on the list.
  for (const phrase of ["mailing list review", "lamp wicks", "bug"]) {
    assert.equal(isUpkeep(phrase), false, phrase);
  }
});

Deno.test("withoutOwnNotes() takes the names of a project's notes on itself out of a title", () => {
  assert.equal(withoutOwnNotes("SQLite Frequently Asked Questions", "·"), "SQLite ·");
  assert.equal(withoutOwnNotes("General Python FAQ", "·"), "General Python ·");
  assert.equal(withoutOwnNotes("Faqir's lamps", "·"), "Faqir's lamps");
});
