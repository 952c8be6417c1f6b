import assert from "node:assert/strict";
import {
  authorLines,
  citedSurnames,
  creditedHandles,
  creditedNames,
  initialledNames,
  labelledNames,
  namedBeside,
  nicknamedNames,
  referenceAuthors,
  signedNames,
  sourceNames,
} from "./written_names.ts";

Deno.test("initialledNames() finds authors written with initials, not everyday words", () => {
  const text =
    "Thanks to A. M. Kuchling and E.R. Gansner; see K.P. Vo. The U.S. Army. A. Note here.\n\n" +
    "A. Achieving compliance would be tricky.";
  assert.deepEqual(initialledNames(text).map((s) => s.text), [
    "A. M. Kuchling",
    "E.R. Gansner",
    "K.P. Vo",
  ]);
});

Deno.test("initialledNames() reads hyphenated initials", () => {
  assert.deepEqual(initialledNames("A layout by J.-L. Moreau and others.").map((s) => s.text), [
    "J.-L. Moreau",
  ]);
});

Deno.test("initialledNames() turns a surname written first in a reference list round", () => {
  const text = "[4] Okafor, B. and Lindqvist, E. M. Drawing trees. Journal, 1998.\n" +
    "[5] Tanabe, R.-K. (2001). Layered layouts.";
  assert.deepEqual(initialledNames(text).map((s) => s.text), [
    "B. Okafor",
    "E. M. Lindqvist",
    "R.-K. Tanabe",
  ]);
});

Deno.test("initialledNames() does not read the next author's initials as a surname's", () => {
  const text = "[6] P. Quiroga, M. Oduya, and T. Varga. Some paper. Work by Quiroga, Oduya, et al.";
  assert.deepEqual(initialledNames(text).map((s) => s.text), [
    "P. Quiroga",
    "M. Oduya",
    "T. Varga",
  ]);
});

Deno.test("initialledNames() reads an everyday surname as a name in a list of authors", () => {
  const text = "[7] E.K. Haddad, S.C. North, and R. Page. Graphs. Then the U.S. Army left.";
  assert.deepEqual(initialledNames(text).map((s) => s.text), [
    "E.K. Haddad",
    "S.C. North",
    "R. Page",
  ]);
});

Deno.test("initialledNames() refuses a surname the text writes in lower case elsewhere", () => {
  const text = "Keep the mainline clean. Reverting W. Mainline's history undoes X. Trunkfield.";
  assert.deepEqual(initialledNames(text).map((s) => s.text), ["X. Trunkfield"]);
});

Deno.test("authorLines() cuts a title page's line of authors into names", () => {
  const text =
    "Laying out trees\n\nMaria T. Lindqvist Emeka Okafor David B. Harrington Ines Moreau\n" +
    "March 2004";
  assert.deepEqual(authorLines(text), [
    { text: "Maria T. Lindqvist", start: 18 },
    { text: "Emeka Okafor", start: 37 },
    { text: "David B. Harrington", start: 50 },
    { text: "Ines Moreau", start: 70 },
  ]);
});

Deno.test("authorLines() leaves headings and names that do not pair up", () => {
  const text = "Drawing Graphs With Dot Today\nPython Software Foundation Trust\n" +
    "Maria Lindqvist Emeka\nSee Maria Lindqvist Emeka Okafor here";
  assert.deepEqual(authorLines(text), []);
});

Deno.test("creditedHandles() finds handles a credit names, and the ones listed with them", () => {
  const text = "A benchmark by @qwerty42 and scripts by [@ZedK](https://example.org/ZedK). " +
    "Thanks to @ana, @bo and @cy. Use the @property decorator; mail ana@example.org. " +
    "Types come from @types/node.";
  assert.deepEqual(creditedHandles(text).map((h) => h.text), [
    "@qwerty42",
    "@ZedK",
    "@ana",
    "@bo",
    "@cy",
  ]);
});

Deno.test("initialledNames() leaves a first name's middle initials to the language pass", () => {
  assert.deepEqual(
    initialledNames("Written by Thomas M. J. Okonkwo in 1991.").map((s) => s.text),
    [],
  );
});

Deno.test("referenceAuthors() reads the authors of a reference list's entries", () => {
  const text = "[KT89] Hoshiko Tanabe and Satoru Ikeda. Drawing graphs. Letters, 1989.\n" +
    "12. Ana M. Lopez, Boris Varga, and Cyril de Vries. A title. 2001.";
  assert.deepEqual(referenceAuthors(text).map((s) => s.text), [
    "Hoshiko Tanabe",
    "Satoru Ikeda",
    "Ana M. Lopez",
    "Boris Varga",
    "Cyril de Vries",
  ]);
  for (const s of referenceAuthors(text)) {
    assert.equal(text.slice(s.start, s.start + s.text.length), s.text);
  }
});

Deno.test("referenceAuthors() leaves titles and numbered steps", () => {
  const text = "[3] Python Documentation. The tutorial.\n1. Install Git Now. Then run it.\n" +
    "2. Open the file. Save it.\n3. Linux Kernel. The core.";
  assert.deepEqual(referenceAuthors(text), []);
});

Deno.test("citedSurnames() reads surnames whose letters make the citation key after them", () => {
  const text = "The layout of Okafor and Tanabe [OT89], as Lindqvist et al. [LMV93] and Harrow " +
    "[Har91] did. Graphviz [GN00], SQLite [1] and Python [Gu91] are tools.";
  assert.deepEqual(citedSurnames(text).map((s) => s.text), [
    "Okafor",
    "Tanabe",
    "Lindqvist",
    "Harrow",
  ]);
});

Deno.test("initialledNames() takes an everyday surname after initials as said or writing", () => {
  const said = '"Civilization," said H. G. Wells, "is a race between education and catastrophe."';
  assert.deepEqual(initialledNames(said).map((s) => s.text), ["H. G. Wells"]);
  const wrote = "In 1920, H. L. Field once wrote that the weather is English.";
  assert.deepEqual(initialledNames(wrote).map((s) => s.text), ["H. L. Field"]);
  // Without a verb of saying, an everyday word after initials is no surname.
  assert.deepEqual(initialledNames("Draw the water from U. S. Wells in the valley.").length, 0);
});

Deno.test("initialledNames() reads initials after a heading's everyday word as a name", () => {
  const text = "References I. S. Duff, J. K. Reid, Algorithm 529: Permutations to block form.";
  assert.deepEqual(initialledNames(text).map((s) => s.text), ["I. S. Duff", "J. K. Reid"]);
  // After a first name they are its middle initials.
  assert.deepEqual(initialledNames("Terry J. Reedy wrote it.").map((s) => s.text), []);
  assert.deepEqual(initialledNames("Kounavis and Frank L. Berry wrote it.").length, 0);
});

Deno.test("authorLines() reads authors with footnote marks and 'and' between them", () => {
  const text = "Everything we know about CRC\n\nAndrew Kadatch1 and Bob Jenkins2\n\nAbstract text.";
  assert.deepEqual(authorLines(text).map((s) => s.text), ["Andrew Kadatch", "Bob Jenkins"]);
});

Deno.test("initialledNames() takes no variable ending a sentence for an initial", () => {
  const text = "It returns NULL if no lamp is found in any harbour of X. Errors are thrown " +
    "otherwise. The wicks follow the work of D. Knuth.";
  assert.deepEqual(initialledNames(text).map((n) => n.text), ["D. Knuth"]);
});

Deno.test("nicknamedNames() reads a name around its nickname, without it", () => {
  const text = "Dedicated to Joel 'Espy' Klecker. Ask Jon \"maddog\" Hall. Use 'strict' Mode here.";
  assert.deepEqual(nicknamedNames(text).map((s) => s.text), ["Joel Klecker", "Jon Hall"]);
  assert.deepEqual(
    nicknamedNames("We miss him. “Mister Sam” Rayburn is gone.").map((s) => s.text),
    ["Sam Rayburn"],
  );
});

Deno.test("signedNames() reads the names signed with an e-mail address", () => {
  const text = [
    "Lampwick is kept by Tomasz Wielkopolski,",
    "<tomasz at harbour dot example>, and Jia Tan <jia@lamps.example>.",
    "Copyright (C) 2019 Ilse Brandvold <ilse@lamps.example>",
    "Maintainer: Oyelaran Adebisi (oyelaran@wicks.example)",
    "Lampwick Developers <devel@lampwick.example>",
    "GNU Project <bug@gnu.example>",
  ].join("\n");
  assert.deepEqual(signedNames(text).map((s) => s.text), [
    "Tomasz Wielkopolski",
    "Jia Tan",
    "Ilse Brandvold",
    "Oyelaran Adebisi",
  ]);
});

Deno.test("signedNames() reads a web page's credits, each address a mail link in code", () => {
  const text = [
    "Significant contributions were made to this document by",
    "",
    "- Tomasz Wielkopolski `<[tomasz@lamps.example](mailto:tomasz@lamps.example)>`",
    "",
    "- Bdale Garbee `<[bdale@lamps.example](mailto:bdale@lamps.example)>`",
  ].join("\n");
  assert.deepEqual(signedNames(text).map((s) => s.text), ["Tomasz Wielkopolski", "Bdale Garbee"]);
});

Deno.test("creditedNames() reads the names of a credits table, and no other table's", () => {
  const credits = [
    "Ports were contributed by the following developers:",
    "",
    "    arm64        Tomasz Wielkopolski, Ma Jun",
    "    mips         Ilse Brandvold",
    "    sparc        Hackers at Lampwick Labs",
    "    x86          Oyelaran Adebisi,",
    "                 Pan Xuefeng",
  ].join("\n");
  assert.deepEqual(creditedNames(credits).map((s) => s.text), [
    "Tomasz Wielkopolski",
    "Ma Jun",
    "Ilse Brandvold",
    "Oyelaran Adebisi",
    "Pan Xuefeng",
  ]);
  const options = [
    "    --verbose    Print More",
    "    --quiet      Print Less",
    "    --help       Show Help",
  ].join("\n");
  assert.deepEqual(creditedNames(options), []);
});

Deno.test("creditedNames() reads names before what they did, after a colon or a dash", () => {
  const keyed = [
    "Ilse Brandvold\tMain author",
    "",
    "Tomasz Wielkopolski\t\tOriginal version of wick.c, trim.c,",
    "\t\t\tand lamp.c",
    "",
    "Oyelaran Adebisi\tHarbour port",
  ].join("\n");
  assert.deepEqual(creditedNames(keyed).map((s) => s.text), [
    "Ilse Brandvold",
    "Tomasz Wielkopolski",
    "Oyelaran Adebisi",
  ]);
  const listed = [
    "- Ilse Brandvold: Wrote the first wick code.",
    "- Carsten Hoeger: Trimming scope handling.",
    "- Hery Rakotoarisoa: Patches for lamp glass.",
  ].join("\n");
  assert.deepEqual(creditedNames(listed).map((s) => s.text), [
    "Ilse Brandvold",
    "Carsten Hoeger",
    "Hery Rakotoarisoa",
  ]);
  const colon = "trim: Ilse Brandvold, Q. Frank Xia\nlight: H. Peter Anvin\nsnuff: Ma Jun";
  assert.deepEqual(creditedNames(colon).map((s) => s.text), [
    "Ilse Brandvold",
    "Q. Frank Xia",
    "H. Peter Anvin",
    "Ma Jun",
  ]);
  const dashed = [
    "Ilse Brandvold - Creator of Lampwick",
    "Tomasz Wielkopolski <tomasz@lamps.example> - Initial Harbour Maintainer",
    "Oyelaran Adebisi - wick support",
  ].join("\n");
  assert.deepEqual(creditedNames(dashed).map((s) => s.text), [
    "Ilse Brandvold",
    "Tomasz Wielkopolski",
    "Oyelaran Adebisi",
  ]);
});

Deno.test("initialledNames() takes initials that open the next full name for no surname's", () => {
  assert.deepEqual(initialledNames("trim: Ilse Brandvold, Q. Frank Xia").map((s) => s.text), []);
  assert.deepEqual(
    initialledNames("[K73] Knuth, D. E. The Art of Computer Programming.").map((s) => s.text),
    ["D. E. Knuth"],
  );
});

Deno.test("labelledNames() takes the people a line labels as authors, translators...", () => {
  const text = [
    "## Lamp Oils (2010)",
    "Author: Jay A. Brandvold",
    "Authors: Sunny Kumar Okonkwo and Vikash Kumar Karn",
    "**Translator:** Rick F. van der Lans",
    "Author: Gene Da Rocha.",
    "Publisher: Harbour Press",
    "Author: see the harbour master for details",
  ].join("\n");
  assert.deepEqual(labelledNames(text).map((n) => n.text), [
    "Jay A. Brandvold",
    "Sunny Kumar Okonkwo",
    "Vikash Kumar Karn",
    "Rick F. van der Lans",
    "Gene Da Rocha",
  ]);
  for (const name of labelledNames(text)) {
    assert.equal(text.slice(name.start, name.start + name.text.length), name.text);
  }
});

Deno.test("sourceNames() takes no name from a code sample", () => {
  const body = [
    "Lampwick is kept by Ilse Brandvold <ilse@lamps.example>.",
    "",
    "```",
    'gpg: Good signature from "Con Tributor <nitfol@example.com>"',
    "Author: Inte Grator",
    "```",
  ].join("\n");
  assert.deepEqual(sourceNames(body, body).map((n) => n.text), ["Ilse Brandvold"]);
  // A list's item indents its sample.
  const item = [
    "- Add the co-maintainer to the `Uploaders` field:",
    "",
    "  ```",
    "  Uploaders: Con Tributor <con@lamps.example>, Inte Grator <inte@lamps.example>",
    "  ```",
  ].join("\n");
  assert.deepEqual(sourceNames(item, item), []);
});

Deno.test("namedBeside() finds a lone name 'and' joins to a person of two words", () => {
  const text = "It would put men like bin Laden and Zarqawi in charge. Thor and Jupiter " +
    "missiles flew. Grant Wood and Caen met. The keeper and Ada Lovelace spoke. Hymns by " +
    "Tallis and Ada Lovelace rang. Whitby and Ada Lovelace, and Zarqawi's men.";
  const at = (name: string, from = 0) => ({ text: name, start: text.indexOf(name, from) });
  const people = [
    at("bin Laden"),
    at("Thor"),
    at("Grant Wood"),
    at("Ada Lovelace"),
    at("Ada Lovelace", text.indexOf("Tallis")),
    at("Ada Lovelace", text.indexOf("Whitby")),
  ];
  // A place or a body is none; nor a word opening a sentence, nor a lone name's neighbour.
  const places = [at("Caen")];
  assert.deepEqual(namedBeside(text, people, places).map((p) => p.text), ["Zarqawi", "Tallis"]);
});

Deno.test("namedBeside() keeps the initials and particle of the name it finds", () => {
  const text = "Treemaps. In W. de Leeuw and Ada Lovelace, editors, Proceedings.";
  const people = [{ text: "Ada Lovelace", start: text.indexOf("Ada") }];
  assert.deepEqual(namedBeside(text, people, []).map((p) => p.text), ["W. de Leeuw"]);
  // The end of a longer name the language pass read whole is no lone name.
  const credit = "[FR91] Thomas M. J. Fruchterman and Ada Lovelace. Graph Drawing.";
  const ada = [{ text: "Ada Lovelace", start: credit.indexOf("Ada") }];
  assert.deepEqual(namedBeside(credit, ada, []), []);
});
