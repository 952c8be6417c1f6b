import assert from "node:assert/strict";
import { cleanName, personNames, rankNames } from "./entities.ts";
import type { Span } from "./language.ts";

/** Spans in order, each at a later offset. */
const spans = (...texts: string[]): Span[] => texts.map((text, i) => ({ text, start: i * 100 }));

const MERGE = { mergeParts: true, limit: 30 };
const KEEP = { mergeParts: false, limit: 30 };

Deno.test("cleanName() keeps a plain name as it is", () => {
  for (const name of ["Ada Lovelace", "Émile Zola", "Ng", "Leonardo da Vinci", "Bank of England"]) {
    assert.equal(cleanName(name), name);
  }
});

Deno.test("cleanName() collapses white space and trims the ends", () => {
  assert.equal(cleanName("  Ada\n  Lovelace\t"), "Ada Lovelace");
});

Deno.test("cleanName() drops quotes, brackets and punctuation around a name", () => {
  assert.equal(cleanName('"Ada Lovelace,"'), "Ada Lovelace");
  assert.equal(cleanName("(Ada Lovelace)"), "Ada Lovelace");
  assert.equal(cleanName("“Ada”"), "Ada");
  assert.equal(cleanName("Luigi Menabrea;"), "Luigi Menabrea");
  assert.equal(cleanName("Ana Lopez:"), "Ana Lopez");
});

Deno.test("cleanName() drops a possessive", () => {
  assert.equal(cleanName("Ada Lovelace's"), "Ada Lovelace");
  assert.equal(cleanName("Babbage’s"), "Babbage");
});

Deno.test("cleanName() drops a full stop but keeps the one of an initial", () => {
  assert.equal(cleanName("Lovelace."), "Lovelace");
  assert.equal(cleanName("John F."), "John F.");
  assert.equal(cleanName("Washington D.C."), "Washington D.C.");
});

Deno.test("cleanName() writes a shouted name in title case", () => {
  assert.equal(cleanName("MARIA LOPEZ"), "Maria Lopez");
  assert.equal(cleanName("JEAN-PAUL SARTRE"), "Jean-Paul Sartre");
});

Deno.test("cleanName() keeps an acronym in capitals", () => {
  assert.equal(cleanName("IBM"), "IBM");
  assert.equal(cleanName("NASA"), "NASA");
  assert.equal(cleanName("BBC"), "BBC");
});

Deno.test("cleanName() rejects what is plainly no name", () => {
  const rejected = [
    "",
    "A",
    "ada lovelace",
    "the Beatles",
    "**Ana**",
    "Ana #1",
    "2Pac",
    "Ana - Lopez",
    "Ana Lopez Garcia Smith Jones Brown Black",
    "A" + "b".repeat(70),
  ];
  for (const raw of rejected) assert.equal(cleanName(raw), undefined, raw);
});

Deno.test("rankNames() ranks names by mentions, ties in order of first mention", () => {
  assert.deepEqual(
    rankNames(spans("Bob Stone", "Ana Lopez", "Cy Young", "Ana Lopez", "Cy Young"), KEEP),
    ["Ana Lopez", "Cy Young", "Bob Stone"],
  );
});

Deno.test("rankNames() takes no name of a menu's path for a person", () => {
  const text = 'The "Edit/Global Settings/Toggle Toolbar" menu item hides the toolbar; Ada ' +
    "Lovelace wrote it.";
  const found = ["Toggle Toolbar", "Ada Lovelace"].map((name) => ({
    text: name,
    start: text.indexOf(name),
  }));
  assert.deepEqual(rankNames(found, { ...KEEP, kind: "person", text }), ["Ada Lovelace"]);
});

Deno.test("rankNames() takes an office alone for no organisation", () => {
  const org = { limit: 10, mergeParts: false, kind: "organization" as const };
  assert.deepEqual(rankNames(spans("Vice President", "Senate", "Vice President"), org), [
    "Senate",
  ]);
  // A rank opening a sentence ("Private enterprise..."), two offices run together.
  assert.deepEqual(rankNames(spans("Private", "War and Secretary", "Democrats"), org), [
    "Democrats",
  ]);
});

Deno.test("rankNames() takes a body named only in an office's title for no organisation", () => {
  const text = "I asked the Secretary of the Treasury to report. The Treasury pays the keepers. " +
    "The Secretary of Lamps and Wicks will see to it.";
  const at = (name: string, from = 0) => ({ text: name, start: text.indexOf(name, from) });
  const org = { limit: 10, mergeParts: false, kind: "organization" as const, text };
  // "Treasury" stands alone once, as a body; "Lamps and Wicks" only in the office.
  assert.deepEqual(rankNames([at("Treasury"), at("Treasury", 40), at("Lamps and Wicks")], org), [
    "Treasury",
  ]);
  assert.deepEqual(rankNames([at("Lamps and Wicks")], org), []);
});

Deno.test("rankNames() takes an acronym the text spells out as a thing for no organisation", () => {
  const org = (text: string) => ({
    limit: 10,
    mergeParts: false,
    kind: "organization" as const,
    text,
  });
  const mode = "Use the cipher in a feedback mode, CBC (Cipher Block Chaining), not ECB.";
  assert.deepEqual(rankNames(spans("CBC"), org(mode)), []);
  const broadcaster = "The CBC (Canadian Broadcasting Corporation) aired the lamp talks.";
  assert.deepEqual(rankNames(spans("CBC"), org(broadcaster)), ["CBC"]);
});

Deno.test("rankNames() takes a kind of thing in capitals for no organisation", () => {
  const text = "Like many other Lamp Control Systems, the Harbour Lamp Trust trims its wicks.";
  const at = (name: string) => ({ text: name, start: text.indexOf(name) });
  const org = { limit: 10, mergeParts: false, kind: "organization" as const, text };
  assert.deepEqual(rankNames([at("Lamp Control Systems"), at("Harbour Lamp Trust")], org), [
    "Harbour Lamp Trust",
  ]);
});

Deno.test("rankNames() takes a word the text joins to another by a slash for no person", () => {
  const text =
    "It runs on X86/Linux and X86/Darwin; Darwin support is new, Kelly says. Kelly wrote it.";
  const at = (name: string, from = 0) => ({ text: name, start: text.indexOf(name, from) });
  const people = { limit: 10, mergeParts: false, kind: "person" as const, text };
  assert.deepEqual(
    rankNames([at("Darwin", 30), at("Darwin", 40), at("Kelly"), at("Kelly", 70)], people),
    ["Kelly"],
  );
});

Deno.test("rankNames() takes the end of a title in quotation marks for no organisation", () => {
  const text =
    "The lamp is named after the show “Harbour Keeper’s Lamp Circus” and the Lamp Trust.";
  const at = (name: string) => ({ text: name, start: text.indexOf(name) });
  const org = { limit: 10, mergeParts: false, kind: "organization" as const, text };
  assert.deepEqual(rankNames([at("Lamp Circus"), at("Lamp Trust")], org), ["Lamp Trust"]);
  // A body's whole name in quotes is the body's.
  const named = 'A board to be known as the "Harbour Lamp Administration" trims them.';
  const whole = { ...org, text: named };
  const start = named.indexOf("Harbour");
  assert.deepEqual(rankNames([{ text: "Harbour Lamp Administration", start }], whole), [
    "Harbour Lamp Administration",
  ]);
});

Deno.test("rankNames() takes an operating system or a programming language for no place", () => {
  const place = { limit: 10, mergeParts: false, kind: "place" as const };
  assert.deepEqual(rankNames(spans("Linux", "Pascal", "Ohio", "Linux"), place), ["Ohio"]);
});

Deno.test("rankNames() takes a name cut off inside a hyphenated word for no place", () => {
  const place = { limit: 10, mergeParts: false, kind: "place" as const };
  assert.deepEqual(rankNames(spans("Harbour Point-t", "Ohio", "New York-that"), place), [
    "Ohio",
    "New York",
  ]);
});

Deno.test("rankNames() counts names that differ only in case as one, first spelling kept", () => {
  assert.deepEqual(rankNames(spans("Ana de Souza", "Ana De Souza", "Bob Stone"), KEEP), [
    "Ana de Souza",
    "Bob Stone",
  ]);
});

Deno.test("rankNames() counts the same name with punctuation or a possessive as one", () => {
  assert.deepEqual(
    rankNames(spans("Bob Stone", "Ana Lopez,", "Ana Lopez's", "(Ana Lopez)"), KEEP),
    [
      "Ana Lopez",
      "Bob Stone",
    ],
  );
});

Deno.test("rankNames() leaves out spans that are no name", () => {
  assert.deepEqual(rankNames(spans("the man", "**Ana**", "Ana Lopez", "x"), KEEP), ["Ana Lopez"]);
  assert.deepEqual(rankNames([], KEEP), []);
});

Deno.test("rankNames() counts a surname or first name alone for the full name", () => {
  const names = spans(
    "Charles Babbage",
    "Ada Lovelace",
    "Lovelace",
    "Lovelace",
    "Ada",
    "Babbage",
    "Menabrea",
  );
  assert.deepEqual(rankNames(names, MERGE), ["Ada Lovelace", "Charles Babbage", "Menabrea"]);
});

Deno.test("rankNames() counts a surname for the full name it ends, past a suffix", () => {
  const person = { ...MERGE, kind: "person" as const };
  assert.deepEqual(rankNames(spans("Ada Lovelace, Jr.", "Lovelace", "Lovelace"), person), [
    "Ada Lovelace, Jr.",
  ]);
});

Deno.test("rankNames() merges parts of names only when asked", () => {
  assert.deepEqual(rankNames(spans("Ada Lovelace", "Lovelace"), KEEP), [
    "Ada Lovelace",
    "Lovelace",
  ]);
});

Deno.test("rankNames() keeps a lone word that could belong to two full names", () => {
  assert.deepEqual(rankNames(spans("Mary Shelley", "Percy Shelley", "Shelley", "Shelley"), MERGE), [
    "Shelley",
    "Mary Shelley",
    "Percy Shelley",
  ]);
});

Deno.test("rankNames() drops a first name alone that two people listed share", () => {
  const PEOPLE = { ...MERGE, kind: "person" as const };
  assert.deepEqual(
    rankNames(spans("Ian Murdock", "Ian Jackson", "Ian Murdock", "Ian", "Ian"), PEOPLE),
    ["Ian Murdock", "Ian Jackson"],
  );
  // Borne by one person listed, it is counted for them.
  assert.deepEqual(rankNames(spans("Ian Murdock", "Ian", "Ian"), PEOPLE), ["Ian Murdock"]);
});

Deno.test("rankNames() keeps at most `limit` names, the most mentioned", () => {
  const names = spans("Ana Lopez", "Bob Stone", "Bob Stone", "Cy Young", "Cy Young", "Cy Young");
  assert.deepEqual(rankNames(names, { mergeParts: false, limit: 2 }), ["Cy Young", "Bob Stone"]);
  assert.deepEqual(rankNames(names, { mergeParts: false, limit: 0 }), []);
});

Deno.test("rankNames() counts extra names once each, ahead of spans on a tie", () => {
  assert.deepEqual(rankNames(spans("Cy Young", "Bob Stone"), KEEP, ["Ana Lopez"]), [
    "Ana Lopez",
    "Cy Young",
    "Bob Stone",
  ]);
  assert.deepEqual(rankNames(spans("Cy Young", "Ana Lopez"), KEEP, ["Ana Lopez"]), [
    "Ana Lopez",
    "Cy Young",
  ]);
});

Deno.test("rankNames() merges a lone word into an extra name", () => {
  assert.deepEqual(rankNames(spans("Bob Stone", "Lopez", "Lopez"), MERGE, ["Ana Lopez"]), [
    "Ana Lopez",
    "Bob Stone",
  ]);
});

const PEOPLE = { mergeParts: true, limit: 30, kind: "person" } as const;

Deno.test("personNames() refuses acronyms, code identifiers, keys and cut-off words", () => {
  for (const name of ["ABI", "LANG", "Travis CI", "Page Up", "Ctrl", "F5", "Merle-", "WYSI-"]) {
    assert.deepEqual(personNames(name), [], name);
  }
  assert.deepEqual(personNames("JavaScript"), []);
  assert.deepEqual(personNames("Os.path"), []);
  assert.deepEqual(personNames("Ada Lovelace"), ["Ada Lovelace"]);
  assert.deepEqual(personNames("Gordon McMillan"), ["Gordon McMillan"]);
  assert.deepEqual(personNames("Conan O'Brien"), ["Conan O'Brien"]);
});

Deno.test("personNames() drops the verb of the next line after a name at a line's end", () => {
  assert.deepEqual(personNames("Howard Helman Compiled"), ["Howard Helman"]);
  assert.deepEqual(personNames("Fred L. Drake Written"), ["Fred L. Drake"]);
  // A name that is also a verb's past form elsewhere stays ("Ahmed", "Reed").
  assert.deepEqual(personNames("Lou Reed"), ["Lou Reed"]);
  // An adjective opening a sentence before a thing's name is no first name.
  assert.deepEqual(personNames("Arbitrary Unicode"), []);
  // Nor is a command's verb ("Add Amir to Sales"), unless it is a first name too.
  assert.deepEqual(personNames("Add Amir"), []);
  assert.deepEqual(personNames("Chase Smith"), ["Chase Smith"]);
  assert.deepEqual(personNames("Frank Whaley"), ["Frank Whaley"]);
  assert.deepEqual(personNames("Ali Ahmed"), ["Ali Ahmed"]);
  // Nor is a notice's word after the name it names.
  assert.deepEqual(personNames("Andrew L. Moore Copyright"), ["Andrew L. Moore"]);
});

Deno.test("personNames() refuses things in the plural, not surnames in -s", () => {
  assert.deepEqual(personNames("Bitstream Vera Fonts"), []);
  assert.deepEqual(personNames("Harbourline Brass Lamps"), []);
  // After a month's name, which is no first name there: "an April Fools' joke".
  assert.deepEqual(personNames("April Fools"), []);
  for (
    const name of [
      "Tom Roberts",
      "Henry Woods",
      "Robert Burns",
      "Jim Collins",
      "Sribatsa Das",
      "April Ryan",
      "June Collins",
    ]
  ) {
    assert.deepEqual(personNames(name), [name]);
  }
});

Deno.test("personNames() takes a first name the lexicon has only as a word, not before a place", () => {
  for (const name of ["Bill Gates", "Will Lowe"]) assert.deepEqual(personNames(name), [name]);
  assert.deepEqual(personNames("Pearl Harbor"), []);
});

Deno.test("personNames() drops conjunctions and contractions, and splits run-together lists", () => {
  assert.deepEqual(personNames("But Abraham"), ["Abraham"]);
  // A name cut off after its initial is no one's ("Phone T.", "[Senator Henry M.] Scoop").
  assert.deepEqual(personNames("Phone T. And"), []);
  assert.deepEqual(personNames("Henry M."), []);
  // A surname's particle may open it in lower case; a lower-case word may not.
  assert.deepEqual(personNames("General de Gaulle"), ["de Gaulle"]);
  assert.deepEqual(personNames("President-elect Marsh"), ["Marsh"]);
  assert.deepEqual(personNames("Mao Tse-tung"), ["Mao Tse-tung"]);
  assert.deepEqual(personNames("von Neumann"), ["von Neumann"]);
  assert.deepEqual(personNames("and Smith"), ["Smith"]);
  assert.deepEqual(personNames("the Smith"), []);
  assert.deepEqual(personNames("Harry S. Truman"), ["Harry S. Truman"]);
  assert.deepEqual(personNames("Homer I've"), ["Homer"]);
  assert.deepEqual(personNames("Eisenhower-in Cuba"), ["Eisenhower"]);
  assert.deepEqual(personNames("Merleau-Ponty"), ["Merleau-Ponty"]);
  assert.deepEqual(personNames("Eleanor Smith and Ravi Jones"), ["Eleanor Smith", "Ravi Jones"]);
});

Deno.test("personNames() takes a first name for a surname, not after a place's word", () => {
  assert.deepEqual(personNames("Dick Riley"), ["Dick Riley"]);
  assert.equal(cleanName("Usama bin Ladin"), "Usama bin Ladin");
  assert.deepEqual(personNames("Camp David"), []);
});

Deno.test("personNames() takes a group of kin for no one", () => {
  assert.deepEqual(personNames("Angel Moms"), []);
  assert.deepEqual(personNames("Wright Brothers"), []);
  assert.deepEqual(personNames("Gold Star Mothers"), []);
  assert.deepEqual(personNames("Jeff Sessions"), ["Jeff Sessions"]);
});

Deno.test("personNames() drops a month and a repeated word, and refuses fonts and adverbs", () => {
  assert.deepEqual(personNames("Ian Jackson January"), ["Ian Jackson"]);
  assert.deepEqual(personNames("Ian Ian Murdock"), ["Ian Murdock"]);
  assert.deepEqual(personNames("May"), ["May"]);
  assert.deepEqual(personNames("Theresa May"), ["Theresa May"]);
  for (
    const name of [
      "Roman No",
      "D. Alternately",
      "C. Finally",
      "F. Furthermore",
      "G. However",
      "Ctrl-V Tab",
      "C. Esc",
    ]
  ) {
    assert.deepEqual(personNames(name), [], name);
  }
  assert.deepEqual(personNames("Kelly Donnelly"), ["Kelly Donnelly"]);
  // A byline's authors run together, in pairs of first name and surname.
  assert.deepEqual(personNames("Anna Kovacs Peter Lind Maria Olsen"), [
    "Anna Kovacs",
    "Peter Lind",
    "Maria Olsen",
  ]);
  assert.deepEqual(personNames("Tollef Fog Heen"), ["Tollef Fog Heen"]);
  assert.deepEqual(personNames("Lamp Keepers Email"), []);
  assert.deepEqual(personNames("Martin Luther King Jr"), ["Martin Luther King Jr"]);
});

Deno.test("personNames() drops titles before a name, and roles and laws that are no person", () => {
  assert.deepEqual(personNames("Justice John Roberts"), ["John Roberts"]);
  assert.deepEqual(personNames("Leader Howard Baker"), ["Howard Baker"]);
  assert.deepEqual(personNames("Staff Sergeant Dan Clay"), ["Dan Clay"]);
  assert.deepEqual(personNames("Dr. Ada Lovelace"), ["Ada Lovelace"]);
  for (const role of ["Mr. President", "Vice President", "Mr. Speaker", "Madam Speaker"]) {
    assert.deepEqual(personNames(role), [], role);
  }
  for (
    const law of [
      "Ryan White Act",
      "Martin Luther King Day",
      "Nobel Prize",
      "First Amendment",
      "Rich Text Format",
      "Ada Language",
      "Uniform Resource Identifier",
      "Kali Linux",
    ]
  ) {
    assert.deepEqual(personNames(law), [], law);
  }
  // A surname that is also a title's word stays where it is not first.
  assert.deepEqual(personNames("Martin Luther King"), ["Martin Luther King"]);
  assert.deepEqual(personNames("John Major"), ["John Major"]);
});

Deno.test("rankNames() keeps a surname named once after a title, not a first name", () => {
  const names = rankNames(
    spans("President Eisenhower", "Kennedy", "Mr. President", "Justice Sandra"),
    PEOPLE,
  );
  assert.deepEqual(names, ["Eisenhower"]);
});

Deno.test("rankNames() keeps a first name after a title when a typed dash ended the name", () => {
  // "under President Truman-in the Formosa Straits": Truman is a first name too, but nothing
  // was cut from this one.
  const names = rankNames(spans("President Truman-in", "Justice Sandra"), PEOPLE);
  assert.deepEqual(names, ["Truman"]);
});

Deno.test("rankNames() keeps a first name after a title unless the name runs on", () => {
  const text = "We thank Justice Sandra Day O'Connor. I differed with President Truman. " +
    "Thank you, Speaker Albert.";
  const found = (name: string) => ({ text: name, start: text.indexOf(name) });
  const names = rankNames(
    [found("Justice Sandra"), found("President Truman"), found("Speaker Albert")],
    { ...PEOPLE, text },
  );
  assert.deepEqual(names, ["Truman", "Albert"]);
});

Deno.test("rankNames() reads a plural title as a title", () => {
  const names = rankNames(spans("Senators Frist", "Presidents Roosevelt"), PEOPLE);
  assert.deepEqual(names, ["Frist", "Roosevelt"]);
});

Deno.test("rankNames() keeps a first name alone named once for one of the family or spoken to", () => {
  const text = "Thank you, Hillary. I thank my wife Michelle. Hadiya's parents, Nate and Cleo, " +
    "are here. We met Grace in Virginia. Thank you, Laura Bush. I want to thank Marjorie. " +
    "Nancy, much credit belongs to you. Georgia, the peach state, grows fruit.";
  const found = (name: string) => ({ text: name, start: text.indexOf(name) });
  const names = rankNames(
    ["Hillary", "Michelle", "Nate", "Cleo", "Grace", "Virginia", "Marjorie", "Nancy", "Georgia"]
      .map(found),
    { ...PEOPLE, text },
  );
  assert.deepEqual(names, ["Hillary", "Michelle", "Nate", "Cleo", "Marjorie", "Nancy"]);
});

Deno.test("rankNames() keeps a lone name named once as the owner of a person's spirit", () => {
  const text = "In the spirit of Jefferson, let us affirm that no party sits here tonight.";
  assert.deepEqual(
    rankNames([{ text: "Jefferson", start: text.indexOf("Jefferson") }], { ...PEOPLE, text }),
    ["Jefferson"],
  );
});

Deno.test("rankNames() keeps a lone name named once that acts or is named beside another", () => {
  const text = "Leaders from Roosevelt to Truman rejected retreat. Lincoln spoke at Gettysburg. " +
    "Curie worked late. We sang with Kennedy at the hall.";
  const found = (name: string, sure = false) => ({
    text: name,
    start: text.indexOf(name),
    ...(sure ? { sure: true as const } : {}),
  });
  const names = rankNames(
    [found("Roosevelt"), found("Truman"), found("Lincoln", true), found("Kennedy")],
    { ...PEOPLE, text },
  );
  assert.deepEqual(names, ["Roosevelt", "Truman", "Lincoln"]);
});

Deno.test("rankNames() takes a name with and without its accents for one", () => {
  assert.deepEqual(rankNames(spans("José Ángel Núñez", "Jose Angel Nunez"), PEOPLE), [
    "José Ángel Núñez",
  ]);
});

Deno.test("rankNames() merges a shortened first name into the full one", () => {
  const names = rankNames(
    spans("Jeff Dean", "Jeffrey Dean", "Jeff Dean", "Sanjay Ghemawat"),
    PEOPLE,
  );
  assert.deepEqual(names, ["Jeffrey Dean", "Sanjay Ghemawat"]);
});

Deno.test("rankNames() merges misspelt variants of one surname under the most used", () => {
  const names = rankNames(
    spans("Merleau-Ponty", "Merleau-Ponty", "Merlot-Ponty", "Merleau-Ponty", "Husserl", "Husserl"),
    PEOPLE,
  );
  assert.deepEqual(names, ["Merleau-Ponty", "Husserl"]);
});

Deno.test("rankNames() keeps a lone word as a person only when it is named twice", () => {
  assert.deepEqual(rankNames(spans("Pascal", "Kant", "Kant"), PEOPLE), ["Kant"]);
  assert.deepEqual(rankNames(spans("Mozilla Firefox", "Ada Lovelace"), PEOPLE), ["Ada Lovelace"]);
});

Deno.test("rankNames() takes a government's programme for no organisation", () => {
  const names = rankNames(spans("Medicare", "Medicaid", "Peace Corps", "Commission on Lamps"), {
    mergeParts: false,
    limit: 10,
    kind: "organization",
  });
  assert.deepEqual(names, ["Peace Corps", "Commission on Lamps"]);
});

/** The organisations among `names` as they stand in `text`. */
const bodiesIn = (text: string, names: string[]) =>
  rankNames(names.map((name) => ({ text: name, start: text.indexOf(name) })), {
    mergeParts: false,
    limit: 10,
    kind: "organization",
    text,
  });

Deno.test("rankNames() reads an organisation's name on past where the language pass cut it", () => {
  // A company's first word in small letters and digits.
  assert.deepEqual(
    bodiesIn("Since 2001 g10 Code GmbH has funded it, as the Lamp Works Ltd did.", [
      "Code GmbH",
      "Lamp Works Ltd",
    ]),
    ["g10 Code GmbH", "Lamp Works Ltd"],
  );
  // The rest of the list a body is of, past its first comma.
  assert.deepEqual(
    bodiesIn("The Department of Lamps, Wicks, and Oil and the Board of Trade met.", [
      "Department of Lamps",
      "Board of Trade",
    ]),
    ["Department of Lamps, Wicks, and Oil", "Board of Trade"],
  );
});

Deno.test("rankNames() takes a body named with its kind first or last for one", () => {
  const names = rankNames(
    spans(
      "Commission on Social Security",
      "Social Security Commission",
      "Social Security Commission",
    ),
    { mergeParts: false, limit: 10, kind: "organization" },
  );
  assert.deepEqual(names, ["Social Security Commission"]);
});

Deno.test("rankNames() drops lone acronyms from organisations", () => {
  const kind = { mergeParts: false, limit: 20, kind: "organization" } as const;
  assert.deepEqual(rankNames(spans("SQL", "XML", "Library of Congress"), kind), [
    "Library of Congress",
  ]);
  // Two letters in capital and small, and a word said twice in a row, are no organisation.
  assert.deepEqual(rankNames(spans("Co", "ACAP ACAP Media", "X Desktop Group"), kind), [
    "X Desktop Group",
  ]);
  // A company's suffix cut from its name is none either.
  assert.deepEqual(rankNames(spans("Free Software Foundation", "Inc", "Ltd"), kind), [
    "Free Software Foundation",
  ]);
});

Deno.test("rankNames() merges initials and a missing middle name into the fullest name", () => {
  const names = rankNames(
    spans("Stephen C. North", "S.C. North", "Stephen North", "E. Okafor", "Emeka Okafor"),
    PEOPLE,
  );
  assert.deepEqual(names, ["Stephen C. North", "Emeka Okafor"]);
  // A first initial before the name a person goes by.
  assert.deepEqual(rankNames(spans("H. Michael Ji", "Michael Ji"), PEOPLE), ["H. Michael Ji"]);
});

Deno.test("rankNames() keeps initials that two people with one surname could bear", () => {
  const names = rankNames(spans("John Varga", "Jane Varga", "J. Varga", "Terry J. Reedy"), PEOPLE);
  assert.deepEqual(names, ["John Varga", "Jane Varga", "J. Varga", "Terry J. Reedy"]);
});

Deno.test("rankNames() keeps a credited handle named once, without its @", () => {
  assert.deepEqual(rankNames(spans("@qwerty42", "Ana Lopez", "Zed"), PEOPLE), [
    "qwerty42",
    "Ana Lopez",
  ]);
});

Deno.test("rankNames() keeps organisations in capitals that compromise knows, of three letters or more", () => {
  const kind = { mergeParts: false, limit: 20, kind: "organization" } as const;
  assert.deepEqual(rankNames(spans("IBM", "AT&T", "BP", "SQL"), kind), ["IBM", "AT&T"]);
});

Deno.test("rankNames() merges initials before a surname alone looks for its full name", () => {
  assert.deepEqual(
    rankNames(spans("Y. F. Okafor", "Okafor", "Okafor", "Yann F. Okafor"), PEOPLE),
    ["Yann F. Okafor"],
  );
});

Deno.test("rankNames() counts initials with and without spaces between as one name", () => {
  assert.deepEqual(
    rankNames(spans("E.R. Okafor", "E. R. Okafor", "K. P. Varga", "K.P. Varga"), PEOPLE),
    [
      "E.R. Okafor",
      "K. P. Varga",
    ],
  );
});

Deno.test("personNames() refuses a name ending in a role or in an everyday word after another", () => {
  for (const name of ["U.N. Secretary-General", "U.S. Employment", "Van Allen Radiation Belt"]) {
    assert.deepEqual(personNames(name), [], name);
  }
  // A surname that is also a word, after a first name or a rare word, is a person's.
  assert.deepEqual(personNames("Laura Bush"), ["Laura Bush"]);
  assert.deepEqual(personNames("Eryk Sun"), ["Eryk Sun"]);
});

Deno.test("rankNames() takes a country's or a level's government for no organisation's name", () => {
  const names = rankNames(
    spans("Federal Government", "Iraqi Government", "Government Accountability Office", "NATO"),
    { mergeParts: false, limit: 10, kind: "organization" },
  );
  assert.deepEqual(names, ["Government Accountability Office", "NATO"]);
});

Deno.test("rankNames() takes no initials and a word for an organisation, no verb for a first name", () => {
  const span = (text: string, start: number) => ({ text, start });
  assert.deepEqual(
    rankNames([span("B Lay", 0), span("D G Rough", 10), span("RAND Corp", 20)], {
      mergeParts: false,
      limit: 10,
      kind: "organization",
    }),
    ["RAND Corp"],
  );
  assert.deepEqual(personNames("Implementing Goldberg"), []);
  assert.deepEqual(personNames("Sterling Morrison"), ["Sterling Morrison"]);
  assert.deepEqual(personNames("Superstorm Sandy"), []);
  assert.deepEqual(personNames("Jr."), []);
  assert.deepEqual(personNames("Kay Report"), []);
  assert.deepEqual(personNames("Specialist James Allen Johnson"), ["James Allen Johnson"]);
  assert.deepEqual(personNames("Coach John Thompson"), ["John Thompson"]);
  assert.deepEqual(personNames("Hurricane Katrina"), []);
  assert.deepEqual(personNames("Lord God"), []);
  assert.deepEqual(personNames("Lord Byron"), ["Byron"]);
});

Deno.test("rankNames() keeps places and leaves headings, classes and products out of them", () => {
  const places = rankNames(
    spans(
      "Panama Canal",
      "North Carolina",
      "Latin America",
      "Los Angeles",
      "London",
      "Readable Stream",
      "Standard Library",
      "Managing Global State",
      "TeX",
      // A table's cells: "First Second Last field".
      "Last",
      "Main",
      "South",
      "US",
      "House Republicans",
      // Cut at an abbreviation's stop: "the Great Lakes-St. Lawrence River Basin".
      "Great Lakes-St",
    ),
    { mergeParts: false, limit: 30, kind: "place" },
  );
  assert.deepEqual(places, [
    "Panama Canal",
    "North Carolina",
    "Latin America",
    "Los Angeles",
    "London",
    "South",
    "US",
  ]);
});

Deno.test("rankNames() cuts a dash or a date run into a place's or an organisation's name", () => {
  assert.deepEqual(
    rankNames(spans("New York-that", "United States-then", "Indo-China"), {
      mergeParts: false,
      limit: 30,
      kind: "place",
    }),
    ["New York", "United States", "Indo-China"],
  );
  assert.deepEqual(
    rankNames(spans("Supreme Court of December"), {
      mergeParts: false,
      limit: 30,
      kind: "organization",
    }),
    ["Supreme Court"],
  );
});

Deno.test("personNames() ends a full name before the place its person works at", () => {
  assert.deepEqual(personNames("Derek Noonburg of Glyph"), ["Derek Noonburg"]);
  assert.deepEqual(personNames("Catherine of Aragon"), ["Catherine of Aragon"]);
});

Deno.test("personNames() keeps a hyphenated first name whole", () => {
  assert.deepEqual(personNames("Jean-loup Gailly"), ["Jean-loup Gailly"]);
  assert.deepEqual(personNames("Truman-in Korea"), ["Truman"]);
});

Deno.test("personNames() takes no nouns of process or state for a name", () => {
  assert.deepEqual(personNames("Minimization Maximization"), []);
  assert.deepEqual(personNames("Pluggable Authentication"), []);
  assert.deepEqual(personNames("Grace Hopper"), ["Grace Hopper"]);
  assert.deepEqual(personNames("Clement Attlee"), ["Clement Attlee"]);
});

Deno.test("rankNames() keeps a person's generational suffix", () => {
  const spans = [{ text: "Fred L. Drake, Jr.", start: 0 }, { text: "Ilse Brandvold", start: 30 }];
  assert.deepEqual(rankNames(spans, { mergeParts: true, limit: 10, kind: "person" }), [
    "Fred L. Drake, Jr.",
    "Ilse Brandvold",
  ]);
});

Deno.test("rankNames() merges a place's short form, initials and common name into its full name", () => {
  const places = rankNames(
    spans(
      "United States of America",
      "United States",
      "USA",
      "United States",
      "U.K.",
      "United Kingdom",
      "Gulf of Mexico",
      "Mexico",
      "NATO",
      "America",
      "Britain",
    ),
    { mergeParts: false, limit: 30, kind: "place" },
  );
  // The form said most is the one shown; "Mexico" is no short form of "Gulf of Mexico".
  assert.deepEqual(places, ["United States", "United Kingdom", "Gulf of Mexico", "Mexico", "NATO"]);
});
