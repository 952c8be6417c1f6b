import assert from "node:assert/strict";
import {
  codeNameWords,
  definesSubject,
  instructs,
  introducesItself,
  lacksSubject,
  leansBack,
  listsAddresses,
  namedAsInCode,
  namesManPage,
  namesThingBefore,
  opensWithDefinition,
  opensWithFiller,
  ordersOrPlans,
  pointsAhead,
  pointsBack,
  speaksAsAuthor,
  speaksOfOccasion,
  statesPurpose,
  titleWords,
  trimOpeners,
  turnsFromBefore,
  unfitReason,
  unresolved,
} from "./sentences.ts";

Deno.test("opensWithFiller() spots spoken openers and leaves plain sentences alone", () => {
  for (const s of ["So the tide turns twice a day.", "And then we left.", "But that was later."]) {
    assert.equal(opensWithFiller(s), true, s);
  }
  assert.equal(opensWithFiller("I mean, the tide turns twice a day."), true);
  assert.equal(opensWithFiller("You know, the moon pulls the sea."), true);
  assert.equal(opensWithFiller("Sorting is stable in Python."), false);
  assert.equal(opensWithFiller("Andrew wrote the parser."), false);
});

Deno.test("trimOpeners() drops fillers and list numbers, capitalising what is left", () => {
  assert.equal(
    trimOpeners("So, first, let us make a distinction between sockets."),
    "First, let us make a distinction between sockets.",
  );
  assert.equal(
    trimOpeners("And I mean the moon pulls the sea twice a day."),
    "The moon pulls the sea twice a day.",
  );
  assert.equal(
    trimOpeners("3. Make or override any decision of a Delegate."),
    "Make or override any decision of a Delegate.",
  );
  // A label and its value.
  assert.equal(
    trimOpeners("Package Option: lowwick Ordinarily, all wicks are trimmed level."),
    "Ordinarily, all wicks are trimmed level.",
  );
  // A chat log's speaker.
  assert.equal(
    trimOpeners("<ada> The trimming heuristic is really simple."),
    "The trimming heuristic is really simple.",
  );
  // Too little would be left: kept whole.
  assert.equal(trimOpeners("So that is it."), "So that is it.");
  // A release note's credit and tracking notes; not an aside that says something.
  assert.equal(
    trimOpeners("Add lamp.trim(): cut the wick to x. (Contributed by Ada Marsh in bpo-45917.)"),
    "Add lamp.trim(): cut the wick to x.",
  );
  assert.equal(
    trimOpeners("Some tests used wicks that burn badly (merge ff7a1c6 km/wicks later to maint)."),
    "Some tests used wicks that burn badly.",
  );
  assert.equal(
    trimOpeners("The lamps (these used to burn oil) are lit at dusk."),
    "The lamps (these used to burn oil) are lit at dusk.",
  );
  // An item's place in a list said before.
  assert.equal(
    trimOpeners("Second, I will ask the keepers to trim the wicks."),
    "I will ask the keepers to trim the wicks.",
  );
  assert.equal(trimOpeners("Finally, the lamp is lit at dusk."), "The lamp is lit at dusk.");
  // The occasion as an aside before the point.
  assert.equal(
    trimOpeners("As we gather tonight, our harbour is closed and our lamps are out."),
    "Our harbour is closed and our lamps are out.",
  );
});

Deno.test("trimOpeners() drops the label of a quoted law's article, not the word", () => {
  assert.equal(
    trimOpeners("ART.-Congress may buy lamps for the quay."),
    "Congress may buy lamps for the quay.",
  );
  assert.equal(trimOpeners("Article 2. Every keeper trims a wick."), "Every keeper trims a wick.");
  assert.equal(trimOpeners("Sec. 4. The board meets at dusk."), "The board meets at dusk.");
  assert.equal(trimOpeners("Section Headers are set in bold."), "Section Headers are set in bold.");
  assert.equal(trimOpeners("Art galleries open at noon."), "Art galleries open at noon.");
});

Deno.test("trimOpeners() drops an admonition's label run into its text, not the word", () => {
  assert.equal(
    trimOpeners("Tip You can mend a net with a shuttle and some twine."),
    "You can mend a net with a shuttle and some twine.",
  );
  assert.equal(
    trimOpeners("Note File names on the card are case-sensitive."),
    "File names on the card are case-sensitive.",
  );
  assert.equal(
    trimOpeners("Note 1: Lampwick no longer supports the version 1 wick interface."),
    "Lampwick no longer supports the version 1 wick interface.",
  );
  assert.equal(
    trimOpeners("NOTE: The lamp build runs in parallel on every wick."),
    "The lamp build runs in parallel on every wick.",
  );
  assert.equal(
    trimOpeners("Note: if your lamp defines a wick then the wick is trimmed first."),
    "If your lamp defines a wick then the wick is trimmed first.",
  );
  for (
    const kept of [
      "Note the tide, which turns twice a day here.",
      "Note G described an algorithm for the engine, step by step.",
    ]
  ) assert.equal(trimOpeners(kept), kept);
});

Deno.test("unfitReason() refuses table rows, code and captions", () => {
  assert.equal(unfitReason("| zstd 1.5.1 | 2.887 | 530 MB/s | 1700 MB/s |"), "table row");
  assert.equal(unfitReason("Cluster A B Chunkservers 342 227 Available 72 TB 180 TB"), "table row");
  assert.equal(
    unfitReason("fa.setcolor = function (gt, node) { node.attr.style = 'filled'; }"),
    "code",
  );
  assert.equal(unfitReason("x = foo_bar(baz_qux, spam_eggs) if a_b else c_d"), "code");
  assert.equal(unfitReason("Figure 3: Write control and data flow in the cluster."), "caption");
  assert.equal(
    unfitReason("22 5.3 Lighting the lamps of the outer quay . . . . . . . . 23 5.4 Wicks"),
    "table of contents",
  );
  assert.equal(
    unfitReason(". . . . 12 4.9 Trimming a wick by hand on a windy night . . ."),
    "table of contents",
  );
  assert.equal(
    unfitReason("Lighting the lamps of the outer quay.......... 23"),
    "table of contents",
  );
});

Deno.test("unfitReason() refuses a manual's definition lines, synopses and C declarations", () => {
  assert.equal(
    unfitReason(
      "[Function] int tree_read (const char * name, node * root, size_t len) root: the tree.",
    ),
    "code",
  );
  assert.equal(
    unfitReason(
      "Synopsis void lamp set wick(lamp lamp *L, int j, double len); Description The routine " +
        "lamp set wick sets the length of the wick of the specified lamp to the given length.",
    ),
    "code",
  );
  assert.equal(
    unfitReason("[Context struct] struct lamp ctx The state of one lamp while it burns on."),
    "code",
  );
  assert.equal(unfitReason("Synopsis The routine trims the wick of the named lamp."), undefined);
  assert.equal(
    unfitReason("Usage: lampctl [OPTION] FILE Switches the lamps named in FILE."),
    "code",
  );
  assert.equal(
    unfitReason("The call takes const char * name and unsigned int * count and fills both."),
    "code",
  );
  assert.equal(
    unfitReason(
      "Chapter 4 lamp on [Function] int lamp_on (lamp node * lamp) lamp: the lamp to light.",
    ),
    "code",
  );
  assert.equal(
    unfitReason("The function returns a pointer to the first lamp that is still lit."),
    undefined,
  );
  assert.equal(
    unfitReason("The project moved to a more permissive license in its third year."),
    undefined,
  );
});

Deno.test("unfitReason() refuses a free book's permission to copy it as boilerplate", () => {
  assert.equal(
    unfitReason(
      "This document may be freely redistributed or modified in any form provided your changes are clearly documented.",
    ),
    "boilerplate",
  );
  assert.equal(
    unfitReason("This manual may be redistributed for fee or free, and may be translated."),
    "boilerplate",
  );
  // What a document says it may be used for is no permission.
  assert.equal(
    unfitReason("This document may be used as a checklist before a release."),
    undefined,
  );
});

Deno.test("unfitReason() refuses a line that is a name and an e-mail address", () => {
  for (
    const line of [
      "Bdale Garbee `<[bdale@lamps.example](mailto:bdale@lamps.example)>`",
      "<ilse@lamps.example>",
      "Tomasz Wielkopolski tomasz@lamps.example",
    ]
  ) assert.equal(unfitReason(line), "signature", line);
  assert.equal(
    unfitReason("Write to ilse@lamps.example to ask for the lamp trimming schedule."),
    undefined,
  );
  // A heading in capitals with a stop, and no address, is no signature.
  assert.equal(unfitReason("Single-File Lamp Documents."), "too short");
});

Deno.test("unfitReason() refuses an API entry's stability note as boilerplate", () => {
  assert.equal(
    unfitReason("Stability: 3 - Legacy: Use the WHATWG URL API instead."),
    "boilerplate",
  );
});

Deno.test("unfitReason() refuses mail headers, navigation and licence boilerplate", () => {
  assert.equal(
    unfitReason("Date: Fri, 19 Dec 2008 00:45:19 From: Linus about merging branches"),
    "mail header",
  );
  assert.equal(
    unfitReason("Copyright 2001-2023, Python Software Foundation and its many contributors."),
    "boilerplate",
  );
  assert.equal(unfitReason("© 2024 The Example Team, all rights reserved here."), "boilerplate");
  assert.equal(
    unfitReason("Found a bug in this page of the manual? Tell us today."),
    "boilerplate",
  );
  assert.equal(
    unfitReason("Please file bug reports on the harbour package if you find any issues."),
    "boilerplate",
  );
  assert.equal(
    unfitReason("Please report bugs to the list, with the version you run."),
    "boilerplate",
  );
  for (
    const s of [
      "Report bugs to: help-lamps@example.org Lamps home page: the harbour site.",
      "Everyone is permitted to copy and distribute verbatim copies of this license document.",
      "Copying and distribution of this file, with or without modification, are permitted.",
      "Raises an auditing event lamp.light with argument wick.",
      "Changed in version 3.4: Use a shorter wick if the lamp is new.",
      "New in version 3.11: The wick can be trimmed by hand.",
      "Deprecated since version 3.10: This method is deprecated in favor of trim().",
    ]
  ) assert.equal(unfitReason(s), "boilerplate", s);
  for (
    const s of [
      "A copy of the license is included in the section entitled “GNU Free Documentation License”.",
      "This manual is distributed in the hope that it will be useful, but WITHOUT ANY WARRANTY.",
      "This library is free software; you can redistribute it and modify it as you wish.",
      "The manual has no Invariant Sections and no Back-Cover Texts at all.",
      "Termination of your rights under this section does not terminate the rights under this License.",
      "You may add a passage of up to five words as a Front-Cover Text to a Modified Version.",
      "The Lampwick package is part of the GNU Project released under the aegis of GNU.",
      "Licensed under the Harbour Lamp License, Version 2.0.",
      "TODO Cover the brass lamps of the north quay.",
    ]
  ) assert.equal(unfitReason(s), "boilerplate", s);
});

Deno.test("unfitReason() refuses the greetings and thanks of a show", () => {
  for (
    const s of [
      "Ruth, thanks for coming in so early this morning.",
      "Thank you so much for having me on the show today.",
      "Welcome back to the second half of the harbour history course.",
      "Good morning everyone, and sorry about the broken projector.",
      "So see you next week, when we turn to the spring tides.",
    ]
  ) assert.equal(unfitReason(s, { speech: true }), "small talk", s);
  for (
    const s of [
      "Thanks to the new sensors, the forecasts now come a week earlier.",
      "The harbour welcomed its first steamship in the spring of 1838.",
    ]
  ) assert.equal(unfitReason(s, { speech: true }), undefined, s);
});

Deno.test("unfitReason() refuses fragments, headings and sentences that point elsewhere", () => {
  assert.equal(
    unfitReason("Each decision in the Project is made by one of the following:"),
    "fragment",
  );
  assert.equal(unfitReason("propose themselves as a candidate in elections; 4."), "fragment");
  assert.equal(unfitReason("and then the lamps of the quay were lit again."), "fragment");
  // A list's item: a function's name and who gave it.
  assert.equal(
    unfitReason("Lamp_TrimCurrentWick() (Contributed by Ada Keeper in bpo-12345.)"),
    "fragment",
  );
  assert.equal(unfitReason("Lamp_Trim() trims the wick (contributed by Ada Keeper)."), undefined);
  // A name its makers write in lower case opens a sentence of its own.
  assert.equal(
    unfitReason("gleaner turns a folder of recordings and documents into an Obsidian vault."),
    undefined,
  );
  assert.equal(unfitReason("zstd compresses the logs of the lamp keepers every night."), undefined);
  assert.equal(unfitReason("Many Small Queries Are Efficient In SQLite"), "heading");
  assert.equal(
    unfitReason("(Otherwise the lamp would go out at once, and nobody would relight it.)"),
    "fragment",
  );
  assert.equal(
    unfitReason("Running the command below will write a lamps.out file with the counts."),
    "refers elsewhere",
  );
  assert.equal(
    unfitReason("Send messages of severity DEBUG and above to the file app.log"),
    "unterminated",
  );
  assert.equal(
    unfitReason("so we kept going down the coast until the tide turned", { speech: true }),
    undefined,
  );
  assert.equal(unfitReason("Single-File Documents"), "too short");
  assert.equal(
    unfitReason("If the lamp is not lit, be aware that you have to trim the wick first!)"),
    "fragment",
  );
  assert.equal(unfitReason("1) Trim the wick of the lamp at dusk and light it."), undefined);
  assert.equal(
    unfitReason("The keeper trims the wick at dusk and smiles :-) every night."),
    undefined,
  );
  assert.equal(
    unfitReason("To summarize the previous section: a string is a sequence of code points."),
    "refers elsewhere",
  );
  assert.equal(
    unfitReason("The rules in section 3.7 above apply to every lock as well."),
    "refers elsewhere",
  );
  assert.equal(
    unfitReason("The trim makes a new wick that is circle (3) in the diagram above."),
    "refers elsewhere",
  );
  assert.equal(
    unfitReason("Look at Section 2.7.1 for information on how to trim other wicks."),
    "refers elsewhere",
  );
  // A book's numbered listing or figure, which the sentence is read without.
  assert.equal(
    unfitReason("We need to add to the code in Listing 9-3 to trim the wick first."),
    "refers elsewhere",
  );
  assert.equal(
    unfitReason("The lamp does not look like Figure 4-3, which shows an older lamp."),
    "refers elsewhere",
  );
  assert.equal(
    unfitReason("The lampwick distribution contains the following files: (Not the ones in Git.)"),
    "announces",
  );
  // Which release a reader needs, of something the sentence does not name.
  for (
    const note of [
      "This feature is available in Lampwick version 2.1 and later.",
      "This document describes features that require Lampwick version 2.0 or later.",
      "This requires Lampwick 2.9 or later.",
      "Wick support was added with Lampwick version 2.8.",
    ]
  ) assert.equal(unfitReason(note), "release needed", note);
  for (
    const said of [
      "This article explains the new features in Lampwick 2.1.",
      "This document describes the wick cache, which is available with Lampwick version 2.2 and later.",
      "It was founded in 1990 by the harbour's lamp keepers.",
    ]
  ) assert.equal(unfitReason(said), undefined, said);
  // What a line of a listing does.
  assert.equal(
    unfitReason('Line 2: Send mail as "keeper@lamps.example" from every harbour.'),
    "entry",
  );
  assert.equal(unfitReason("Lines 2-3: Trim the wick and light the lamp at dusk."), "entry");
  assert.equal(unfitReason("Default: verbatim (addresses are not reordered)."), "entry");
  // How the examples are written.
  assert.equal(
    unfitReason('In the examples we will use "example.com" as the harbour that keeps the lamps.'),
    "convention",
  );
  assert.equal(
    unfitReason("The examples use Perl Compatible Regular Expressions, but also give POSIX ones."),
    "convention",
  );
  assert.equal(
    unfitReason("The examples in the tutorial teach the reader how lamps work."),
    undefined,
  );
  assert.equal(
    unfitReason("In the following, “wick object” refers to any object with a trim() method."),
    "convention",
  );
  assert.equal(unfitReason("This file is part of the GNU Lampwick Library."), "boilerplate");
  assert.equal(unfitReason("Copyright © 2000-2022 Lamp Keepers"), "boilerplate");
  assert.equal(unfitReason("Email: keepers@lamps.example"), "boilerplate");
  assert.equal(unfitReason("Release 3.19.0 11 Apr 2022"), "boilerplate");
  assert.equal(unfitReason("Release 3.19.0 trims the wicks of all the harbour lamps."), undefined);
  assert.equal(
    unfitReason("If not, see https://www.gnu.org/licenses/ or write to the lamp keepers."),
    "boilerplate",
  );
  assert.equal(unfitReason("34to35.html → 34to35."), "table row");
  assert.equal(
    unfitReason("{lamp wicks} lamps.html#trim → {trimming} {wick trimming} harbour.html → {quay}"),
    "table row",
  );
  // A thing described before; not a kind of thing told by what follows, nor a speech's praise.
  assert.equal(
    unfitReason("Once you have lit such a lamp, you are well on the way to the harbour."),
    "refers elsewhere",
  );
  assert.equal(
    unfitReason("Trim the wick in such a way that the flame stays low all night."),
    undefined,
  );
  assert.equal(
    unfitReason("It is such a privilege to keep the harbour lamps of this town.", { speech: true }),
    undefined,
  );
  assert.equal(
    unfitReason("The C function to the right demonstrates how to trim a harbour lamp."),
    "refers elsewhere",
  );
  assert.equal(
    unfitReason("The Lamp Trimming API was created to address these concerns."),
    "refers elsewhere",
  );
  assert.equal(
    unfitReason("No keeper has ever said those words from this lighthouse.", { speech: true }),
    "refers elsewhere",
  );
  // The way, the pattern and the query were told before (SQLite's pages).
  for (
    const leaning of [
      "The harbour lamps of the north quay do not burn colza oil this way.",
      "This guide strives to break that pattern by being short and useful.",
      "The query above will use the wick index to find the answer quickly.",
      "It turns out that the harbour lamp kit supports this.",
    ]
  ) assert.equal(unfitReason(leaning), "refers elsewhere", leaning);
  assert.equal(
    unfitReason("This way of trimming the wick keeps the harbour lamps lit all night."),
    undefined,
  );
  assert.equal(
    unfitReason("The keeper differs from the pilot in two ways: (a) He trims the wicks."),
    "refers elsewhere",
  );
  assert.equal(unfitReason("Turn to the right of the harbour and walk to the lamp."), undefined);
  assert.equal(
    unfitReason("Before you light it the wick has to be moved to the right place."),
    undefined,
  );
  assert.equal(
    unfitReason("The third field ('unstable' in the above example) names the distribution."),
    "refers elsewhere",
  );
  assert.equal(
    unfitReason("Each of the lamps listed above burns whale oil through the night."),
    "refers elsewhere",
  );
  assert.equal(
    unfitReason("Each of these points will be described in more detail below, after that."),
    "refers elsewhere",
  );
  assert.equal(
    unfitReason('For an example, see ecc7c8841d ("lamps: trim the wicks", 2022-02-25).'),
    "refers elsewhere",
  );
  assert.equal(unfitReason("See the keeper's guide for how to trim a lamp."), "refers elsewhere");
  assert.equal(unfitReason("Seen from the sea, the lamp burns all night long."), undefined);
  assert.equal(
    unfitReason("[5] https://lamps.example/keepers A discussion of trimming wicks at dusk."),
    "reference",
  );
  assert.equal(
    unfitReason("$ touch lamp $ git add lamp $ git reset --hard error: Path 'lamp' not uptodate."),
    "code",
  );
  assert.equal(unfitReason("$5 buys the keeper enough oil for a whole night."), undefined);
  assert.equal(
    unfitReason("Q. After trimming my lamp recently, I noticed that the wick was black."),
    "question",
  );
});

Deno.test("unfitReason() accepts ordinary sentences, with a call or an acronym in them", () => {
  for (
    const s of [
      "Both list.sort() and sorted() accept a reverse parameter with a boolean value.",
      "SQLite only supports one writer at a time per database file.",
      "The Debian Project is an association of individuals who share a goal.",
      "iPhone owners can repair the screen with a kit bought online.",
    ]
  ) assert.equal(unfitReason(s), undefined, s);
});

Deno.test("leansBack() spots a sentence adverb before a pronoun told of before", () => {
  assert.equal(leansBack("Essentially, they eliminate the need to build a lamp by hand."), true);
  assert.equal(leansBack("Basically, these trim the wick."), true);
  assert.equal(leansBack("Usually, it does not matter if the wick is short."), false);
  assert.equal(leansBack("Essentially, lamps eliminate the need to trim by hand."), false);
});

Deno.test("leansBack() spots a pronoun subject after a prepositional phrase", () => {
  // Python's tutorial: "In interactive mode, it then returns to the primary prompt".
  assert.equal(leansBack("In interactive mode, it then returns to the lamp room."), true);
  assert.equal(leansBack("Unlike paraffin, they burn without smoke."), true);
  assert.equal(leansBack("In 1841, he lit the harbour lamp."), true);
  // The empty "it", and a clause whose own noun the pronoun may name.
  assert.equal(leansBack("In a gale, it is hard to keep the flame."), false);
  assert.equal(leansBack("In a gale, it's hard to keep the flame."), false);
  assert.equal(leansBack("When the keeper climbs, he trims the wick."), false);
  assert.equal(leansBack("In order for the lamp to burn, it needs a trimmed wick."), false);
  assert.equal(leansBack("For the lamp to burn, it needs a trimmed wick."), false);
  assert.equal(leansBack("In a gale, the keeper trims the wick."), false);
});

Deno.test("leansBack() spots a handbook's openers that need what came before", () => {
  for (
    const sentence of [
      "In both cases, APT will automatically install the necessary dependencies.",
      "On the other hand, an automated installation can adapt to each machine.",
      "As we have already mentioned, dpkg can be told not to ask.",
      "In our case, installing dahdi-dkms is all that is needed.",
      "By default it downloads Contents files.",
      "The variables are also used as a mechanism to talk to scripts.",
      "The lamp module also provides a wick trimmer.",
    ]
  ) assert.equal(leansBack(sentence), true, sentence);
  assert.equal(leansBack("By default, APT installs recommended packages."), false);
  assert.equal(leansBack("On the command line, apt-cache searches the cache."), false);
  // "In this field, ..." after the field was named; not the text's part, nor the speaker's place.
  assert.equal(leansBack("In this field, the keepers seek the end of waste."), true);
  assert.equal(leansBack("In that spirit, I ask the keepers to trim the lamps."), true);
  assert.equal(leansBack("In this document, we explore the lamps."), false);
  assert.equal(leansBack("In this country, the keepers are many."), false);
});

Deno.test("leansBack() spots a step, an addition and a thing named before the sentence", () => {
  for (
    const sentence of [
      "The kernel is then initialized, and starts to search for the root filesystem.",
      "From then on, the BIOS is usually not involved.",
      "From there on the daily run of wickcut will trim the wicks.",
      "Since then, we have released seven other editions.",
      "The keepers' official blog (lamps.example) is also a good source of news.",
      "The BIOS/UEFI also contains a piece of software called Setup.",
      "Rust also has another kind of comment, documentation comments.",
      "As we stated in the last chapter, the keeper trims the wick.",
      "Next we assign execute rights for other users and repeat the operation.",
      "More alternatives exist and can be found by searching for the virtual package.",
      "As already mentioned, the keepers' guild evolves in a very organic way.",
      "The laboratory, for its part, uses design software that runs on OS X.",
      "When invoked with no argument, this command lists all open connections.",
      "When you include lamps based on Lampwick, this number is closer to 20%.",
    ]
  ) assert.equal(leansBack(sentence), true, sentence);
  for (
    const sentence of [
      "If the wick is short then the lamp smokes.",
      "Lampwick is also known as the keeper's tool.",
      "In the years ahead, this Nation must keep its lamps lit.",
      "When you trim a wick, this is what happens.",
      "The keeper trims the wick at dusk.",
    ]
  ) assert.equal(leansBack(sentence), false, sentence);
});

Deno.test("leansBack() spots openers that need the sentence before", () => {
  assert.equal(leansBack("However, the lock is released at once."), true);
  assert.equal(leansBack("This UID is hence not available."), true);
  assert.equal(leansBack("SQLite provides isolation between connections."), false);
  assert.equal(leansBack("As an exception, r is used for a local state variable."), true);
  assert.equal(leansBack("In this situation you might as well trim the wick first."), true);
  assert.equal(leansBack("Related to this: when you define a destructor, return NULL."), true);
  assert.equal(leansBack("As an exception handler runs, the lamp stays lit."), false);
  assert.equal(leansBack("Thistle grows on the cliffs."), false);
  assert.equal(leansBack("The solution is to use a longer wick."), true);
  assert.equal(leansBack("The rest of this guide covers the lamps."), true);
  assert.equal(leansBack("The restaurant on the quay opens at six."), false);
  assert.equal(leansBack("For we are not building the lighthouse for its own sake."), true);
  assert.equal(leansBack("For the first time the lamp runs on gas."), false);
  assert.equal(leansBack("Further, you will learn to trim the wicks."), true);
  assert.equal(leansBack("In that same decade the keepers paid for the oil."), true);
  assert.equal(leansBack("In like fashion the tides rose for ninety-nine years."), true);
  assert.equal(leansBack("The third is freedom from the fog."), true);
  assert.equal(leansBack("The third lamp is lit at dusk."), false);
  assert.equal(leansBack("Vice versa, a dark lamp can wreck a ship."), true);
  assert.equal(leansBack("Next, I found that the lamp could burn colza oil."), true);
  assert.equal(leansBack("Next year the keepers trim the wicks."), false);
  assert.equal(leansBack("All of this was made possible by the keepers."), true);
  assert.equal(leansBack("Each day since, we have trimmed the wicks."), true);
  assert.equal(leansBack("All keepers trim the wicks each day."), false);
  assert.equal(leansBack("The remainder of this page shows two lamps."), true);
  assert.equal(leansBack("The problem is that the wicks are not of equal length."), true);
  assert.equal(leansBack("The problem of trimming a wick is old."), false);
  assert.equal(leansBack("A third keeper comes along and trims the wick."), true);
  assert.equal(leansBack("A thirdhand lamp is cheap."), false);
  assert.equal(leansBack("Failing that, the keeper lights a candle."), true);
  assert.equal(leansBack("Because of this, the lamps burn longer."), true);
  assert.equal(leansBack("Other lamps take colza oil."), true);
  assert.equal(leansBack("Otters swim by the lamp."), false);
});

Deno.test("speaksOfOccasion() finds the room a speech is given in, and its hour when asked", () => {
  assert.equal(speaksOfOccasion("We meet here tonight at a time of great challenge."), true);
  assert.equal(speaksOfOccasion("We meet tonight at a moment of unlimited potential."), true);
  assert.equal(speaksOfOccasion("No keeper has spoken from this podium before."), true);
  assert.equal(speaksOfOccasion("Every keeper who is sitting here tonight loves the lamps."), true);
  assert.equal(speaksOfOccasion("Tonight I propose a new lighthouse."), false);
  assert.equal(speaksOfOccasion("Tonight I propose a new lighthouse.", { hour: true }), true);
  // The address itself, when asked as for its hour.
  const address = "I present my assessment of the State of the Union to the keepers.";
  assert.equal(speaksOfOccasion(address), false);
  assert.equal(speaksOfOccasion(address, { hour: true }), true);
  assert.equal(speaksOfOccasion("The keepers meet at the harbour each year."), false);
});

Deno.test("unfitReason() reads a line of 10,000 underscored characters in one pass", () => {
  // Nested quantifiers over \w once made such a line take exponential time.
  assert.equal(unfitReason("a_".repeat(5000) + "b and some words after it"), "code");
});

Deno.test("unfitReason() takes speech as it was written down", () => {
  const said = "and then the tide comes in over the flats twice a day";
  assert.equal(unfitReason(said), "fragment");
  assert.equal(unfitReason(said, { speech: true }), undefined);
  assert.equal(unfitReason("the ones we saw were these:", { speech: true }), "fragment");
});

Deno.test("trimOpeners() drops a writer's aside to the reader before the point", () => {
  assert.equal(
    trimOpeners("As you can see, the finally clause is executed in any event."),
    "The finally clause is executed in any event.",
  );
  assert.equal(
    trimOpeners("As you can see the result, it works."),
    "As you can see the result, it works.",
  );
});

Deno.test("trimOpeners() drops a speech's opening address, not a clause before a colon", () => {
  assert.equal(
    trimOpeners(
      "Mr. Speaker, Mr. President, Members of the House and the Senate, my fellow Americans: " +
        "I come before you tonight to report on the State of the Union.",
    ),
    "I come before you tonight to report on the State of the Union.",
  );
  assert.equal(
    trimOpeners("Ladies and gentlemen: the results of the vote are in and they are clear."),
    "The results of the vote are in and they are clear.",
  );
  assert.equal(
    trimOpeners(
      "Fellow-Citizens of the Senate and House of Representatives: The lamps of the harbour " +
        "burn all night.",
    ),
    "The lamps of the harbour burn all night.",
  );
  // A transcript may set the address off with dashes.
  assert.equal(
    trimOpeners("Madam Speaker, Madam Vice President— —no one has stood here before us two."),
    "No one has stood here before us two.",
  );
  assert.equal(
    trimOpeners("President Lincoln -- the great emancipator -- signed the proclamation."),
    "President Lincoln -- the great emancipator -- signed the proclamation.",
  );
  assert.equal(
    trimOpeners(
      "Mr. Speaker, Vice President Cheney, Members of Congress, distinguished guests, and " +
        "fellow citizens: Every year, by law and by custom, we meet here.",
    ),
    "Every year, by law and by custom, we meet here.",
  );
  assert.equal(
    trimOpeners(
      "Mr. President and Mr. Speaker and Members of the United States Congress: I come to " +
        "this House of the people.",
    ),
    "I come to this House of the people.",
  );
  assert.equal(
    trimOpeners(
      "Mr. Speaker, Vice President Cheney, Members of Congress, distinguished guests, fellow " +
        "citizens: As we gather tonight, our Nation is at war.",
    ),
    // The occasion goes too, as an aside before the point.
    "Our Nation is at war.",
  );
  assert.equal(
    trimOpeners("To the Congress: This Nation in the past two years has fought."),
    "This Nation in the past two years has fought.",
  );
  assert.equal(
    trimOpeners("V. I have referred to the inescapable facts of life."),
    "I have referred to the inescapable facts of life.",
  );
  for (
    const kept of [
      "Mr. Smith said the result was wrong: the figures had been copied twice.",
      "Rule: this sentence about rules has a label before its colon.",
      "President Lincoln said it best: a house divided cannot stand, and he was right.",
    ]
  ) assert.equal(trimOpeners(kept), kept);
});

Deno.test("trimOpeners() drops a heading in capitals run into the sentence, not acronyms", () => {
  assert.equal(
    trimOpeners(
      "THE NEW AND DEVELOPING NATIONS Our efforts to help other nations have made progress.",
    ),
    "Our efforts to help other nations have made progress.",
  );
  assert.equal(
    trimOpeners("AGRICULTURE Despite the difficulties, the past eight years brought advances."),
    "Despite the difficulties, the past eight years brought advances.",
  );
  for (
    const kept of [
      "US GDP Growth was slower in the third quarter than the year before.",
      "NASA Administrator Smith said the launch went well on the day.",
      "NEW Harbour lamps were lit along the whole of the quay.",
    ]
  ) assert.equal(trimOpeners(kept), kept);
});

Deno.test("trimOpeners() drops what a transcriber notes of the room", () => {
  assert.equal(
    trimOpeners("[Laughter] This year, let's all come together and get it done."),
    "This year, let's all come together and get it done.",
  );
  assert.equal(
    trimOpeners("We will win (applause) and we will build it together."),
    "We will win and we will build it together.",
  );
  assert.equal(
    trimOpeners("The United States has become great because [p.2] we have worked together."),
    "The United States has become great because we have worked together.",
  );
  const kept = "See the [Docs](https://example.org) and reference [3] for the details.";
  assert.equal(trimOpeners(kept), kept);
});

Deno.test("trimOpeners() keeps 'so long as' and a comparison with 'like'", () => {
  assert.equal(
    trimOpeners("But like many other nations, we have been deeply concerned by the violence."),
    "Like many other nations, we have been deeply concerned by the violence.",
  );
  assert.equal(
    trimOpeners("So long as we continue to trust the people, our economy will grow."),
    "So long as we continue to trust the people, our economy will grow.",
  );
  assert.equal(
    trimOpeners("Like, the thing is that nobody came."),
    "The thing is that nobody came.",
  );
});

Deno.test("trimOpeners() keeps an opener that a clause hangs on ('Now that', 'So as')", () => {
  const now = "Now that Python sorting provides key-functions, this technique is rarely needed.";
  assert.equal(trimOpeners(now), now);
  assert.equal(
    trimOpeners("So as I said, the list is sorted in place."),
    "So as I said, the list is sorted in place.",
  );
  assert.equal(trimOpeners("So that is the whole point of it."), "That is the whole point of it.");
  // "Now is the time": the opener is the sentence's subject.
  const time = "Now is the time for the keepers to trim every lamp.";
  assert.equal(trimOpeners(time), time);
});

Deno.test("leansBack() catches openers that need the sentence before", () => {
  for (
    const s of [
      "Another example is a call to the print() function.",
      "If that also is NULL, the new lamp burns whale oil.",
      "If so, the keeper trims the wick.",
      "If true, the lamp keeps burning until dawn.",
      "Each one corresponds to a different harbour.",
      "If not specified, the wick is trimmed at dusk.",
      "In fact, this is the notation keepers use unless two lamps share a name.",
      "In fact--not a wick--in fact, the plan gives a lamp to every keeper.",
      "Specifically, I propose that we give a lamp to every keeper.",
      "Most notably, make sure that the keeper's address is up to date.",
      "Actually, you may have guessed the answer: the wick is trimmed first.",
      "To this is to be added the oil of the northern lamps.",
      "To that end, the board buys wicks.",
      "For example the original list could contain complex numbers.",
      "In this case the list is left alone.",
      "The latter is faster by far.",
      "The second one starts to display the usefulness of the argparse module.",
      "Both take a list of names.",
      "Third, we must cut the deficit in half by the end of the decade.",
      "Fourth: a new program for the cities.",
      "In such cases the keeper trims the wick twice.",
      "To cope with such a situation, the keeper lights a second lamp.",
      "To do this, run the trimmer before dusk.",
      "As an example, consider a lamp that burns whale oil.",
      "Recall that a wick burns faster in wind.",
      "Any other exit code will abort the watch.",
      "In prior discussion, it was assumed that each lamp burns once.",
      "You may recall (from Trimming wicks) that a wick burns faster in wind.",
      "Use the new lamp.trim() method instead.",
      "As mentioned at the beginning of the section, wicks burn faster in wind.",
      "As noted above, the keeper trims the wick first.",
    ]
  ) assert.ok(leansBack(s), s);
  // What it is instead of is in the sentence.
  assert.ok(!leansBack("Wicks are no longer cut with knives; use shears instead."));
  assert.ok(!leansBack("The lamp.cut() method is deprecated: use lamp.trim() instead."));
  assert.ok(!leansBack("Sorting is stable in Python."));
  assert.ok(!leansBack("To trim a wick, the keeper uses shears."));
  assert.ok(!leansBack("The second argument is the port number."));
  assert.ok(!leansBack("Second World War veterans came home to a new country."));
});

Deno.test("unresolved() catches a pronoun near the start with no name before it", () => {
  assert.ok(unresolved("You'll need to know how they work before dealing with sockets."));
  assert.ok(unresolved("He wrote the first draft in 1998."));
  assert.ok(!unresolved("Linus says he merged the branch."));
  // A capital that only opens the sentence names no one.
  assert.ok(unresolved("Together, they form an algebra of lamps."));
  assert.ok(unresolved("Often their wicks burn down."));
  // "their" of the plural before it.
  assert.ok(!unresolved("lamptrim cuts wicks into their shortest lengths."));
  assert.ok(!unresolved("The socket module offers a low-level interface; many use them."));
  // "these principles": which ones was said before.
  assert.ok(unresolved("We have held to these principles in all our dealings."));
  assert.ok(!unresolved("Help is given to those who keep the lighthouse."));
});

Deno.test("unfitReason() reads a numbered line without a stop as a heading", () => {
  assert.equal(
    unfitReason("2.1 glp read cnfsat — read CNF-SAT problem data in DIMACS format"),
    "heading",
  );
  assert.equal(
    unfitReason("3.5 million lines of code were read by the tool in an hour."),
    undefined,
  );
});

Deno.test("unfitReason() reads a line opening with a range and an arrow as a table row", () => {
  assert.equal(
    unfitReason("60001…60513 → UIDs for home directories managed by systemd-homed."),
    "table row",
  );
});

Deno.test("trimOpeners() drops an opening address that names someone, and a heading before 'I'", () => {
  assert.equal(
    trimOpeners(
      "Mr. Vice President, my old colleague from Massachusetts and your new Speaker, John " +
        "McCormack, Members of the 87th Congress, ladies and gentlemen: This week we begin anew.",
    ),
    "This week we begin anew.",
  );
  assert.equal(
    trimOpeners("FEDERAL LAND BANKS I recommend that the Congress act on the banks."),
    "I recommend that the Congress act on the banks.",
  );
  // A clause before a colon that is no address stays.
  const clause = "Mr. Smith, the author of the guide, wrote this: see below for more.";
  assert.equal(trimOpeners(clause), clause);
});

Deno.test("unfitReason() refuses a declaration a reference manual opens a field's line with", () => {
  assert.equal(unfitReason("char \\*name; Symbolic name assigned to the graph object."), "code");
  assert.equal(unfitReason("int na; The number of arcs in the graph, na 0 or more."), "code");
  assert.equal(unfitReason("struct glp_arc \\*tail; Pointer to the tail of the arc."), "code");
  assert.equal(
    unfitReason("If no name is assigned, this field is NULL. int nv; The number of vertices."),
    "code",
  );
  // Prose that opens with the word "int" or a type's name stays.
  assert.equal(unfitReason("Char is the type that holds one byte in the C language."), undefined);
});

Deno.test("unfitReason() refuses an API reference's signatures and C type definitions", () => {
  for (
    const entry of [
      "gt.findnode (gt, vt) asks for a node name or label.",
      "dotty.pushbusy (gt, views) dotty.popbusy (gt, views) These functions implement a stack.",
      "glp_add_arc(G, i, j) adds a new arc to the specified graph.",
      "isSubg(g : graph_t, s : string) : graph_t returns the subgraph in graph g with name s.",
      "Edges edge(t : node_t, h : node_t) : edge_t creates an edge with tail node t.",
      "$tvedge : edge_t For BFS and DFS traversals, this is set to the edge used.",
      "For each input lamp L { For each wick { Set L as the current lamp and trim it.",
      "reply = ask (prompt [, type, args]) Prompts the keeper for a wick's length; it shows " +
      "the prompt in a box and waits for the keeper to type a length, which is returned.",
      "typedef struct { /* arc data block */ ... double low, cap, cost; ... The line must come first.",
      "ip {string} The IP which the socket is attempting to connect to.",
      "{boolean} Indicates whether or not the server is listening for connections.",
      "Returns: {net.Socket} The newly created socket used to start the connection.",
      "Emitted when a new connection is made to the server by a client.",
      '<?xml version="1.0" encoding="utf-8"?> <mime-type type="text/x-diff"> The file lists types.',
      '<comment xml:lang="de">Unterschiede zwischen Dateien</comment> names the type in German.',
    ]
  ) assert.equal(unfitReason(entry), "code", entry);
  // A manual section's number and an ordinary sentence about a call are prose.
  assert.notEqual(unfitReason("ls(1) lists the files of a directory in a table."), "code");
  assert.equal(unfitReason("The routine findnode (gt, vt) asks for a node name."), undefined);
  assert.equal(unfitReason("lampwick (formerly wicktrim) is a trimmer of wicks."), undefined);
  assert.equal(unfitReason("The options object {a, b} is copied before the call."), undefined);
  assert.equal(unfitReason("The <mime-type> element names one type of file."), undefined);
});

Deno.test("trimOpeners() drops a reference manual's heading run into its first sentence", () => {
  assert.equal(
    trimOpeners("Returns The routine glp_add_vertices returns the number of the first vertex."),
    "The routine glp_add_vertices returns the number of the first vertex.",
  );
  assert.equal(
    trimOpeners("Description If the graph is empty, the routine does nothing at all."),
    "If the graph is empty, the routine does nothing at all.",
  );
  // "Returns" before a value, and "Note" before "that", are the sentence's own words.
  for (
    const kept of [
      "Returns True if the value is set in the table.",
      "Note the graph, which is copied.",
    ]
  ) {
    assert.equal(trimOpeners(kept), kept);
  }
});

Deno.test("statesPurpose() finds the sentence in which a text says what it is about", () => {
  for (
    const sentence of [
      "This paper describes a lamp for harbours.",
      "The purpose of this document is to give an overview of the lamps of the harbour.",
      "This document strives to highlight the differences between oil lamps and gas lamps.",
      "This document provides background on how the lamps are trimmed.",
      "This module implements a number of lamp building blocks.",
      "The lamp module provides tools for harbour lamps.",
      "The functools module is for higher-order functions.",
      "I propose that the council rebuild the quay.",
      "This chapter touches on the lower levels of lamp trimming.",
      "This is Lampwick, a library for trimming harbour lamps.",
      "This is lampwick - A small tool to trim wicks.",
      "This repository contains the lamp protocol's definitions.",
      "This document gathers tips for keepers who trim wicks.",
      "Here are some guidelines for keepers who want to trim the harbour lamps.",
      'This page is a "brief" summary of the many changes to the harbour lamps in 1912.',
      "This is a tutorial demonstrating how a lamp is trimmed, lit and put out.",
      "In this document, we explore the ways of trimming a harbour lamp.",
      "In this article, JC describes how to trim a harbour lamp.",
      "In this article, Ada Lovelace demonstrates how a keeper trims the wick.",
      "In this how-to article, JC talks about how he trims the lamps.",
      "This how-to explains a method for keeping the lamps lit.",
      "This is how-to documentation for keepers who want to trim lamps.",
      "This glossary defines some of the common terms of harbour lamps.",
      "This FAQ answers nothing, but this appendix describes the wicks.",
      "This section details the public API for lamp and wick objects.",
    ]
  ) assert.ok(statesPurpose(sentence), sentence);
  for (
    const sentence of [
      "The lamp burns oil.",
      "This module is old.",
      "This is the lamp the keeper trims.",
      "The program defines what arguments it requires.",
      "The lamp.ascii module supplies lamp names.",
      "In this harbour, we explore the wrecks at low tide.",
      "The remainder of this page contains two examples of trimming a lamp.",
    ]
  ) assert.ok(!statesPurpose(sentence), sentence);
  assert.ok(statesPurpose("This folder contains Harbour Lamp Library examples."));
  assert.ok(statesPurpose("This module constructs higher-level wick interfaces on the lamp."));
  assert.ok(!speaksAsAuthor("This module allows efficient I/O multiplexing for lamps."));
  assert.ok(speaksAsAuthor("In this guide we trim the wicks of the harbour lamps."));
  assert.ok(statesPurpose("This repository contains the interface definitions for lamps."));
});

Deno.test("unfitReason() takes the end of an aside a sentence split began for a fragment", () => {
  assert.equal(
    unfitReason(") , may be computed with the table of the harbour lamps described above."),
    "fragment",
  );
});

Deno.test("turnsFromBefore() finds a sentence that answers or turns from the one before", () => {
  assert.ok(turnsFromBefore("On the other hand, the lamps burn longer in winter."));
  assert.ok(turnsFromBefore("If this is the case, you might want to trim the wick."));
  assert.ok(turnsFromBefore("If so, the keeper logs it."));
  assert.ok(!turnsFromBefore("If the wick is long, the keeper trims it."));
});

Deno.test("instructs() finds a sentence that tells the reader what to do", () => {
  assert.ok(instructs("Please read the lamp manual, included in the docs folder."));
  assert.ok(instructs("Check the lamp web page for updates."));
  assert.ok(instructs("Try to make your lamp so clean that the keeper reports no soot."));
  assert.ok(instructs("If you're interested mainly in trimming, skip to chapter 8."));
  assert.ok(instructs("If you build Lampwick with old compilers, do not use -flto."));
  assert.ok(!instructs("If you trim the wick, the lamp burns longer."));
  assert.ok(instructs("Suppose you want to design a set of lamps for a whole harbour."));
  assert.ok(instructs("Just remember, even though the lamp looks lit, it is not."));
  // After "if you", an order opens with any verb; a gerund is a subject.
  assert.ok(instructs("If you see a lamp flicker, report it to the keeper's log."));
  assert.ok(!instructs("If you trim often, trimming the wick takes longer."));
  assert.ok(!instructs("Checking the lamps is the keeper's first task."));
  assert.ok(!instructs("The keeper reads the lamp manual each night."));
  assert.ok(instructs("Just run the usual make command in the lamp folder."));
  assert.ok(instructs("Send bug reports, questions, comments, etc. to lamps@example.org."));
  assert.ok(instructs("Report bugs to the keeper of the harbour lamps at once."));
  assert.ok(!instructs("Reporting lamps that went out is the keeper's first duty."));
  assert.ok(instructs("For general discussion about the lamps, please use the keepers' list."));
  assert.ok(instructs("For talk about the lamps (wicks, oil) please use the keepers' list."));
  assert.ok(!instructs("For the keeper, the lamp is the centre of the harbour."));
});

Deno.test("definesSubject() finds a sentence that opens saying what the title's subject is", () => {
  const title = titleWords("Lampwick -- Information for keepers");
  for (
    const sentence of [
      "Lampwick implements the harbour light protocol.",
      "The Lampwick tool is used to trim harbour lamps.",
      // What a program does, as its manual page says it.
      "Lampwick decomposes harbour lamps into their wicks and glasses.",
    ]
  ) assert.ok(definesSubject(sentence, title), sentence);
  // The name spelled out in brackets is the subject's.
  const spelled = titleWords("Harbour Lamp Kit Reference Manual");
  assert.ok(definesSubject("HLK (Harbour Lamp Kit) is a set of routines for lamps.", spelled));
  assert.ok(!definesSubject("XQ (see below) is a set of routines for lamps.", spelled));
  // An aside in brackets between the subject and its verb.
  const vpn = titleWords("10.3. Harbour Lamp Network");
  assert.ok(definesSubject("A Harbour Lamp Network (HLN for short) is a way to light quays.", vpn));
  assert.ok(!definesSubject("A keeper (HLN for short) is a way to light quays.", vpn));
  // ... or in commas after a name of several words, its closing comma inside a quote.
  const model = titleWords("lamp.hlm — The Harbour Lamp Model API");
  assert.ok(definesSubject("The Harbour Lamp Model, or “HLM,” is an API for quays.", model));
  for (
    const sentence of [
      "In a Lampwick session, the keeper trims each lamp.",
      "Keepers use Lampwick every night.",
      "Lampwick, the keepers say, is old.",
      "END LAMPWICK is an alias for STOP.",
    ]
  ) assert.ok(!definesSubject(sentence, title), sentence);
  // A code name whose words are the title's, after its namespace, as Markdown escapes it.
  const wick = titleWords("Lamp wick");
  assert.ok(definesSubject("The harbour:lamp\\_wick module provides trimming tools.", wick));
  assert.ok(definesSubject("The harbour:lamp_wick module provides trimming tools.", wick));
  assert.ok(!definesSubject("The harbour:lamp_oil module provides trimming tools.", wick));
  assert.deepEqual(codeNameWords("node:child\\_process"), ["child", "process"]);
  assert.deepEqual(codeNameWords("node:os"), ["os"]);
  assert.equal(codeNameWords("lamp.wick"), undefined);
  // A title's everyday words name its subject only when written as a name.
  const select = titleWords("The SELECT lamp");
  assert.ok(definesSubject("The SELECT lamp is used to light the quay.", select));
  assert.ok(!definesSubject("A select lamp is used to light the quay.", select));
  // Two of the title's everyday words in a row are its name for the subject, plural or not.
  const compound = titleWords("8. Compound lamps");
  assert.ok(
    definesSubject("Compound lamps contain (groups of) other lamps; they light quays.", compound),
  );
  assert.ok(definesSubject("The compound lamp is a lamp of several wicks.", compound));
  assert.ok(!definesSubject("Lamps contain oil and wicks.", compound));
  assert.ok(definesSubject("“Compound” lamps are used to light several quays.", compound));
  assert.ok(!definesSubject("“Smoky” lamps are trimmed in these cases.", titleWords("Lamps")));
  assert.ok(!definesSubject("Compound lamps support a number of convenient wicks.", compound));
  // Everyday words both ("access", "control"): a verb of what it is, no modal.
  const access = titleWords("Access Control");
  assert.ok(!definesSubject("Access control can be done by several different keepers.", access));
  assert.ok(definesSubject("Access control refers to any means of keeping lamps locked.", access));
  const slices = titleWords("Slice types");
  assert.ok(!definesSubject("Slice types are generally used through pointer types.", slices));
  assert.ok(!definesSubject("Slice types are written as the keyword then a bound.", slices));
  assert.ok(definesSubject("Slice types are the views into a sequence of lamps.", slices));
  // Two of the title's names joined; a title's dotted name whole.
  const tools = titleWords("Watching Lamps with Wickwatch and LampTap");
  assert.ok(definesSubject("Wickwatch and LampTap are monitoring tools for lamps.", tools));
  assert.ok(definesSubject("Lampwick.js comes with many options.", titleWords("Lampwick.js")));
});

Deno.test("namesManPage() finds a manual page's NAME line", () => {
  const title = titleWords("lamp-trim(1)");
  assert.ok(namesManPage("lamp-trim - Trim the wicks of harbour lamps", title));
  // groff prints the dash as a minus sign.
  assert.ok(namesManPage("lamp-trim − trim the wicks of harbour lamps", title));
  assert.ok(!namesManPage("wick-oil - Pour oil into harbour lamps", title));
});

Deno.test("pointsAhead() finds a sentence that announces what follows", () => {
  assert.ok(pointsAhead("The following list of options is taken from the lamp manual."));
  assert.ok(pointsAhead("The wick is trimmed as follows."));
  assert.ok(pointsAhead("Later we will see more lamps that burn whale oil."));
  assert.ok(pointsAhead("Before introducing wicks, I first have to tell you about oil."));
  assert.ok(pointsAhead("The next two patterns combine a lamp and a wick."));
  assert.ok(!pointsAhead("The next keeper trims the wick."));
  assert.ok(pointsAhead("I now turn to a subject which may well become the keepers' concern."));
  assert.ok(!pointsAhead("The tide turns to the west at noon."));
  assert.ok(pointsAhead("The lamp module defines the following wick sizes for use with trim()."));
  assert.ok(pointsAhead("The lamp module defines the following user-callable items."));
  assert.ok(!pointsAhead("The keeper follows the lamp rules."));
  assert.ok(pointsAhead("Below is an example of a lamp's log, taken from the keeper's book."));
  assert.ok(pointsAhead("The wick sizes are shown below."));
  assert.ok(!pointsAhead("Here the tide turns to the west."));
  assert.ok(pointsAhead("Following are some example lamps intended to help keepers get started."));
  assert.ok(!pointsAhead("Following the storm, the keeper trimmed every lamp on the coast."));
  assert.ok(pointsAhead("The C code below implements a simple lamp timer."));
  assert.ok(pointsAhead("The example queries below trim every wick."));
  assert.ok(!pointsAhead("The code of the lamp below the cliff is old."));
});

Deno.test("lacksSubject() finds the sentences of an entry that leave out their subject", () => {
  for (
    const text of [
      "Can be used to continue after resolving conflicts.",
      "May not be combined with --trim.",
      "Matches the empty string, but only at the start of a word.",
      "Attempts to match the lamp as if it was lit.",
      "Returns the wick's length.",
      "Created by lamp_open() and destroyed by lamp_close().",
      "Always trimmed by the keeper.",
      "Always returns a wick longer than zero.",
      // A label's entry, its subject the label's thing.
      "Starts with a wick, night context: Always treated as an oil lamp.",
      "Night context: Returns the wick's length.",
    ]
  ) assert.ok(lacksSubject(text), text);
  for (
    const text of [
      "Sometimes the wick is too short.",
      "Perhaps the best lamp is the oldest.",
      "Lampwick trims wicks.",
      "This returns the length.",
      "Canada has many harbours.",
      "Based on the tests, the keepers chose the longer wick.",
      "Night context: The keeper trims the wick.",
      "Fully trimmed wicks burn longer.",
      "Always the keeper trims the wick.",
    ]
  ) assert.ok(!lacksSubject(text), text);
});

Deno.test("pointsBack() finds things the sentences before named", () => {
  assert.ok(pointsBack("This article describes those alternatives and how to use them."));
  assert.ok(pointsBack("The keeper solved these two issues at dawn."));
  assert.ok(!pointsBack("This article describes the harbour's lamps."));
  assert.ok(pointsBack("In the last war such meetings did not begin until the shooting stopped."));
  assert.ok(!pointsBack("The keeper takes such measures as the storm needs."));
  assert.ok(pointsBack("The frontier in that quarter has not been free of raids."));
  assert.ok(pointsBack("No word on the subject came from that government."));
  assert.ok(pointsBack("The wicks on the north side of that row of lamps were trimmed."));
  assert.ok(pointsBack("This guide shows the problems of such per-lamp oil and a safer way."));
  assert.ok(!pointsBack("Ours must be a harbour of such light and safety as no storm dims."));
  for (
    const sentence of [
      "The lamp differs in that it burns oil.",
      "The keeper trims the wick so that the lamp burns.",
      "He wrote to that effect of which we spoke.",
      "The lamp burns brighter than that of the quay.",
      "The lamp's light is similar to that of a candle.",
      "The wick module has an interface similar to that in other harbours.",
      "The keeper lights lamps that look like candles, then trims those lamps at dawn.",
      "The wick's oil is the same as that used by the quay lamps.",
      "At that time the quay had no lamps.",
    ]
  ) assert.ok(!pointsBack(sentence), sentence);
});

Deno.test('trimOpeners() leaves out "Note that" before the point', () => {
  assert.equal(
    trimOpeners("Note that relative imports are based on the lamp's name."),
    "Relative imports are based on the lamp's name.",
  );
  assert.equal(
    trimOpeners("Please note many wick files are changed in the harbour."),
    "Many wick files are changed in the harbour.",
  );
  // Code keeps its case.
  assert.equal(
    trimOpeners("Note that m.start(group) will equal m.end(group) here."),
    "m.start(group) will equal m.end(group) here.",
  );
});

Deno.test("definesSubject() takes a name that runs together the starts of the title's words", () => {
  // "Zsh" of "The Z Shell Manual", "HLK" of "Harbour Lamp Kit".
  assert.equal(
    definesSubject("Zsh is a UNIX command interpreter.", titleWords("The Z Shell Manual")),
    true,
  );
  assert.equal(
    definesSubject("HLK is a set of routines.", titleWords("Harbour Lamp Kit: Reference")),
    true,
  );
  // Not an English word that happens to: "Hal" of "Harbour Lamps".
  assert.equal(definesSubject("Hal is a keeper.", titleWords("Harbour Lamps")), false);
});

Deno.test("definesSubject() reads past an aside between the subject and its verb", () => {
  const subject = titleWords("lwf — LWF encoder and decoder");
  assert.ok(definesSubject(
    "LWF (Lamp Wick Format), specified by RFC 9999 and by ECMA-999, is a small format.",
    subject,
  ));
  assert.ok(!definesSubject("In LWF, as in most formats, keys are strings.", subject));
});

Deno.test("opensWithDefinition() finds a sentence that says what its subject is", () => {
  for (
    const defining of [
      "The wick trimming method used by harbour keepers is a variation of the scissor cut.",
      "Lampwick is a library for trimming harbour lamps.",
      "Harbour lamps are one of the oldest aids to navigation.",
    ]
  ) assert.ok(opensWithDefinition(defining), defining);
  for (
    const other of [
      "It is a variation of the scissor cut.",
      "This is a library for trimming harbour lamps.",
      "There is a lamp on every pier.",
      "The keeper trims the wick, and the lamp is a little brighter.",
      "The following is a list of the lamps.",
    ]
  ) assert.ok(!opensWithDefinition(other), other);
});

Deno.test("ordersOrPlans() finds a sentence that says what to do", () => {
  assert.ok(ordersOrPlans("Add functions for a C code file generation of the lamp tables."));
  assert.ok(ordersOrPlans("Use the trim() function to cut a wick."));
  assert.ok(!ordersOrPlans("Support for wicks was added in version 2."));
  assert.ok(!ordersOrPlans("Lampwick trims the wicks of harbour lamps."));
});

Deno.test("unfitReason() takes a sentence announcing a list it does not hold for no sentence", () => {
  assert.equal(unfitReason("Lamp objects have the following public methods."), "announces");
  assert.equal(unfitReason("The wick is trimmed as follows: cut it, then light it."), undefined);
  assert.equal(
    unfitReason("In short, you can use the following code to light the lamp at dusk."),
    "announces",
  );
});

Deno.test("unfitReason() takes a parameter's entry of an API reference for no sentence", () => {
  assert.equal(unfitReason("len: number of bytes of *value to use to set the lamp."), "entry");
  assert.equal(
    unfitReason("max wick len: pointer to an integer giving the wick's length."),
    "entry",
  );
  assert.equal(unfitReason("Returns: LAMP_SUCCESS if successful or an error value."), "entry");
  assert.equal(
    unfitReason("Return values: 0 for a lit lamp, 1 for a trimmed wick, 2 for none."),
    "entry",
  );
  assert.equal(unfitReason("Lampwick reads the tables of harbour lamps: all of them."), undefined);
  // Sphinx's parameter, and what an entry is, said without its name.
  assert.equal(
    unfitReason("wick (str | None) – The name of the wick or lamp from which the keeper took oil."),
    "entry",
  );
  assert.equal(unfitReason("Decorator to indicate that a lamp is lit at dusk."), "entry");
  assert.equal(
    unfitReason("The decorator to use for lamps is lamp.lit, as the keepers say."),
    undefined,
  );
});

Deno.test("unfitReason() takes an AsciiDoc list's term and its text for an entry", () => {
  assert.equal(
    unfitReason("lamp.wick:: If this string-valued key exists, then the lamp is trimmed at dusk."),
    "entry",
  );
  assert.equal(unfitReason("The keeper writes lamp::wick to name the wick of a lamp."), undefined);
});

Deno.test("unfitReason() reads manual pages named in prose as words, not code", () => {
  const text =
    "Lampwick can use a directory as a source for any of its tables: tides(5), wicks(5), " +
    "lamps(5), etc.";
  assert.equal(unfitReason(text), undefined);
  assert.equal(unfitReason("x = foo(a) + bar(b) * baz(c) - qux(d) + quux(e);"), "code");
  assert.equal(
    unfitReason("This module provides the functions trim(), light(), douse() and relight()."),
    undefined,
  );
});

Deno.test("trimOpeners() drops a FAQ's answer label, not an initial", () => {
  assert.equal(
    trimOpeners("A. If you are running the night shift, trim the lamps at dusk."),
    "If you are running the night shift, trim the lamps at dusk.",
  );
  assert.equal(
    trimOpeners("A. Lincoln trimmed the lamps of the harbour at dusk."),
    "A. Lincoln trimmed the lamps of the harbour at dusk.",
  );
});

Deno.test("trimOpeners() drops an entry's field label run into its sentence", () => {
  assert.equal(
    trimOpeners("Description : Support for harbour keepers who speak Cornish."),
    "Support for harbour keepers who speak Cornish.",
  );
});

Deno.test("trimOpeners() drops a manual page's section head run into its first sentence", () => {
  assert.equal(
    trimOpeners("DESCRIPTION Lampwick trims the wicks of harbour lamps at dusk."),
    "Lampwick trims the wicks of harbour lamps at dusk.",
  );
  assert.equal(
    trimOpeners("[ lamp file ] DESCRIPTION lampwick reads a list of lamps and trims each."),
    "lampwick reads a list of lamps and trims each.",
  );
});

Deno.test("listsAddresses() finds four addresses or versions in a sentence, not amounts", () => {
  assert.ok(listsAddresses(
    "By default, systemd-resolved uses Cloudflare and Google Public DNS servers 1.1.1.1, " +
      "8.8.8.8, 1.0.0.1, 8.8.4.4, 2606:4700:4700::1111 as fallback.",
  ));
  assert.ok(listsAddresses("It runs on Python 3.9, 3.10, 3.11 and 3.12."));
  assert.ok(
    !listsAddresses("In 1990 we spent $2.5 billion, 4 percent more, on 300 schools in 12 states."),
  );
});

Deno.test("namedAsInCode() finds a thing named by the one-letter name code gave it", () => {
  assert.ok(namedAsInCode("When the connect completes, the socket s can be used to send."));
  assert.ok(namedAsInCode("Then append to the list x the new items."));
  // "a" and "I" are words, and a letter that names a grade or a vitamin is no variable here.
  assert.ok(!namedAsInCode("They gave the student a grade."));
  assert.ok(!namedAsInCode("Is the result I expected the right one?"));
  assert.ok(!namedAsInCode("The socket is closed."));
});

Deno.test("introducesItself() finds a text's own first line for what it is", () => {
  assert.ok(introducesItself("These are the harbour lamp tools."));
  assert.ok(introducesItself("This is Lampwick, version 5.2."));
  assert.ok(!introducesItself("This is why the lamps burn oil."));
  assert.ok(!introducesItself("This is not a lamp."));
});

Deno.test("namesThingBefore() finds a thing the sentences before named, not the text or the hour", () => {
  assert.ok(namesThingBefore("Most keepers are unaware of this implementation detail."));
  assert.ok(namesThingBefore("An effort in this whole field is essential to the harbour."));
  assert.ok(!namesThingBefore("This document describes the lamps of the harbour."));
  assert.ok(!namesThingBefore("We are fifteen years into this new century."));
  assert.ok(!namesThingBefore("I said that this is the keeper's lamp."));
});
