import assert from "node:assert/strict";
import { isRegion, readLanguage, verbCounts, wordClasses } from "./language.ts";

const people = (text: string) => readLanguage(text).people.map((p) => p.text);
const places = (text: string) => readLanguage(text).places.map((p) => p.text);

Deno.test("readLanguage() reads a text the same whatever texts were read before it", () => {
  // wink keeps the words it met: after "it's America's." it took "America's" for one word.
  const text = "We have a foreign policy that puts America's interests first.";
  const fresh = readLanguage(text);
  const words = [...wordClasses(text).keys()];
  assert.ok(words.includes("america"));
  readLanguage("The world's future is on the line, and it's America's.");
  assert.deepEqual([...wordClasses(text).keys()], words);
  assert.deepEqual(readLanguage(text), fresh);
});

Deno.test("readLanguage() keeps a sentence going past an abbreviation and a dotted name", () => {
  const { sentences } = readLanguage(
    "See Fig. 3 for the details. Call os.path.join() to join paths. It works.",
  );
  assert.deepEqual(sentences.map((s) => s.text), [
    "See Fig. 3 for the details.",
    "Call os.path.join() to join paths.",
    "It works.",
  ]);
});

Deno.test("readLanguage() ends a sentence at a letter's full stop before an everyday word", () => {
  const { sentences } = readLanguage(
    "The lamp is written in C. New wicks appear here first. It was lit by H. G. Wells in C. " +
      "Wright's harbour.",
  );
  assert.deepEqual(sentences.map((s) => s.text), [
    "The lamp is written in C.",
    "New wicks appear here first.",
    "It was lit by H. G. Wells in C. Wright's harbour.",
  ]);
  assert.equal(sentences[1].start, "The lamp is written in C. ".length);
});

Deno.test("readLanguage() gives each sentence its offset in the text", () => {
  const text = "A first sentence here.\n\nA second one, after a break.";
  for (const s of readLanguage(text).sentences) {
    assert.deepEqual(text.slice(s.start, s.start + s.text.length), s.text);
  }
});

Deno.test("readLanguage() finds noun phrases with at most one adjective before them", () => {
  const phrases = readLanguage("The strong colony keeps varroa mites out of the hive.").phrases;
  assert(phrases.some((p) => p.words.join(" ") === "strong colony" && p.adjective));
  assert(phrases.some((p) => p.words.join(" ") === "varroa mites" && !p.adjective));
});

const phraseTexts = (text: string) => readLanguage(text).phrases.map((p) => p.words.join(" "));

Deno.test("readLanguage() reads two words a slash joins as one word of a noun phrase", () => {
  const phrases = phraseTexts(
    "Debian GNU/Linux keeps a client/server database. It logs 50 MB/s to foo/bar/makefile " +
      "as text/asciidoc files.",
  );
  assert.ok(phrases.includes("debian gnu/linux"), phrases.join(" | "));
  assert.ok(phrases.includes("client/server database"), phrases.join(" | "));
  // A unit, a path and a media type are no pair of words.
  for (const p of phrases) assert.doesNotMatch(p, /mb\/s|makefile\/|\/makefile|text\/asciidoc/);
});

Deno.test("readLanguage() takes no piece of a name in code into a noun phrase", () => {
  const found = phraseTexts(
    "The routine glp_read_cnfsat reads the problem data. Call sqlite3_step() on each row.",
  );
  assert.ok(!found.some((p) => /glp|cnfsat|step/u.test(p)), found.join(" | "));
  assert.ok(found.includes("problem data"), found.join(" | "));
  // Underscores around words in plain text mark emphasis.
  assert.ok(phraseTexts("Use _socket programming_ here.").includes("socket programming"));
});

Deno.test("readLanguage() ends a sentence at an ellipsis before an everyday word", () => {
  const sentences = (text: string) => readLanguage(text).sentences.map((s) => s.text);
  assert.deepEqual(
    sentences("The keepers are busy with the next lamp, codenamed Beacon… There is no list."),
    ["The keepers are busy with the next lamp, codenamed Beacon…", "There is no list."],
  );
  // Not before a name: "…" may stand for words left out.
  assert.equal(sentences("The keeper said… Lampwick is great.").length, 1);
});

Deno.test("readLanguage() reads no emoticon into a name's double colon", () => {
  // wink reads ":D" and ":P" as emoticons, which cut "Download" to "ownload".
  const found = phraseTexts(
    "Set Lamp::Periodic::Download-Trimmed-Wicks to one. The Download-Trimmed-Wicks option is new.",
  );
  assert.ok(found.some((p) => /^download-trimmed-wicks/u.test(p)), found.join(" | "));
  assert.ok(!found.some((p) => /(?:^|\s)(?:ownload|eriodic)/u.test(p)), found.join(" | "));
});

Deno.test("readLanguage() ends a noun phrase before a verb in -s that takes an object", () => {
  const found = phraseTexts("The socket library supplies a default timeout.");
  assert.ok(found.includes("socket library"), found.join(" | "));
  assert.ok(!found.some((p) => p.endsWith("supplies")), found.join(" | "));
  // A plural noun before a relative clause is the head of its phrase.
  assert.ok(phraseTexts("Client sockets that block are slow.").includes("client sockets"));
  // Nor one before a name and an infinitive.
  const option = phraseTexts("This option causes Lampwick to omit the wick trimmer.");
  assert.ok(!option.some((p) => p.includes("causes")), option.join(" | "));
  assert.ok(phraseTexts("The arms race to build lamps went on.").includes("arms race"));
});

Deno.test("readLanguage() reads a verb's base form after an auxiliary or a subject as a verb", () => {
  for (
    const text of [
      "Lists and tuples support iterators.",
      "Many applications use SQLite today.",
      "It raises an error if the object doesn't support iteration.",
      // Opening an aside or a sentence before a name.
      "Sign the file with the keeper's tool (use lampwick on Windows).",
      "Use Lampwick for harbour lamps.",
    ]
  ) {
    const found = phraseTexts(text);
    assert.ok(!found.some((p) => /support|use/u.test(p)), `${text}: ${found.join(" | ")}`);
  }
  // As a noun it stays: "the support team", "the container's base UID".
  assert.ok(phraseTexts("Ask the support team.").includes("support team"));
  assert.ok(phraseTexts("Adjust the container's base UID.").includes("base uid"));
  assert.ok(phraseTexts("Tax simplification will help.").includes("tax simplification"));
  // After a plural English uses as a modifier it is the compound's head.
  for (
    const [text, phrase] of [
      ["Our arms control talks must now conclude.", "arms control talks"],
      ["I propose a new Family Savings Plan.", "new family savings plan"],
    ]
  ) assert.ok(phraseTexts(text).includes(phrase), phraseTexts(text).join(" | "));
});

Deno.test("readLanguage() glues a hyphenated name back together", () => {
  assert.deepEqual(
    readLanguage("Merleau-Ponty describes the body.").phrases[0].words,
    ["merleau-ponty"],
  );
});

Deno.test("readLanguage() finds people compromise knows, with the words around them", () => {
  assert.deepEqual(people("As Rob Pike said, data dominates. Fred Brooks wrote a book."), [
    "Rob Pike",
    "Fred Brooks",
  ]);
});

Deno.test("readLanguage() completes a known first name with the surname after it", () => {
  assert.deepEqual(people("The first chapter of David Mertz’s book discusses text."), [
    "David Mertz",
  ]);
});

Deno.test("readLanguage() gives two first names before one surname that surname", () => {
  assert.deepEqual(
    people("Robert and Gary Allen run a roofing company. We thank the Richard and Judy Andersons."),
    ["Robert Allen", "Gary Allen", "Richard Anderson", "Judy Anderson"],
  );
  // Two full names, and a surname before "and", share nothing.
  assert.deepEqual(
    people("Michael Jordan and Scottie Pippen won. Senator Clinton and Laura Bush spoke."),
    ["Michael Jordan", "Scottie Pippen", "Senator Clinton", "Laura Bush"],
  );
  // A first name the text goes on calling its bearer by alone keeps to itself.
  assert.deepEqual(
    people(
      "Michelle's garden grew. The alliance that Michelle and Jill Biden began has grown. " +
        "Michelle and I thank them.",
    ),
    ["Michelle", "Michelle", "Jill Biden", "Michelle"],
  );
});

Deno.test("readLanguage() takes a surname after a person's title as a person", () => {
  assert.deepEqual(
    people("We thank Vice President Cheney for his work. Governor Branstad spoke after him."),
    ["Vice President Cheney", "Governor Branstad"],
  );
  // "General" and "First" also come before things; a general's surname is no everyday word.
  assert.deepEqual(people("The Developers may pass General Resolutions by vote."), []);
  assert.deepEqual(
    people("General Westmoreland reports progress. General Motors sells cars to the Army."),
    ["General Westmoreland"],
  );
  assert.deepEqual(
    people("Commander in Chief Eisenhower led the Army. The Chief Executive signed it."),
    ["Chief Eisenhower"],
  );
});

Deno.test("readLanguage() takes no figure of speech for a person", () => {
  assert.deepEqual(
    people("Inflation is not a Robin Hood. More than Ada Lovelace wrote the notes."),
    ["Ada Lovelace"],
  );
});

Deno.test("readLanguage() takes a rare word no dictionary has after a first name or a general as a surname", () => {
  // "Tubman" and "Eisenhower" are in the subtitles' list of words, rarely; "Islands" is in
  // wink's dictionary.
  assert.deepEqual(
    people(
      "We preserve places like Harriet Tubman's home. In two weeks, General Eisenhower will be " +
        "inaugurated. We have bases in the Caroline Islands.",
    ),
    ["Harriet Tubman", "General Eisenhower"],
  );
});

Deno.test("readLanguage() takes a word after a person's title as a surname where the text never says the word", () => {
  assert.deepEqual(
    people(
      "That is why President Bush is here. The plan is supported by General Marshall and " +
        "Admiral King. The Justice Department acts. Senator Hope spoke; we have hope.",
    ),
    ["President Bush", "General Marshall", "Admiral King"],
  );
  // A surname written in two parts, each with its capital.
  assert.deepEqual(people("Last November, Prime Minister MacKenzie King and I announced it."), [
    "Prime Minister MacKenzie King",
  ]);
});

Deno.test("readLanguage() takes no initial before a title into a name", () => {
  assert.deepEqual(
    people("We bypassed islands A, C, and E. Admiral Nimitz thereupon offered his plan."),
    ["Admiral Nimitz"],
  );
});

Deno.test("readLanguage() takes no person at the end of a programme's name", () => {
  assert.deepEqual(
    people(
      "We created the Urban Development Action Grant (UDAG) program. Their husbands, Deputy " +
        "Sheriff Danny Oliver and Detective Michael Davis, were slain.",
    ),
    ["Deputy Sheriff Danny Oliver", "Detective Michael Davis"],
  );
});

Deno.test("readLanguage() takes no name made up for an example as a person", () => {
  assert.deepEqual(
    people(
      "Here name is the person's display name (for example “Com M Itter”). " +
        "Junio Hamano wrote the importer.",
    ),
    ["Junio Hamano"],
  );
});

Deno.test("readLanguage() knows a country and a group compromise files wrongly", () => {
  const found = readLanguage(
    "The Soviet Union tested a bomb in August. We will defeat Al Qaida wherever it hides. " +
      "We must reform Fannie Mae and Freddie Mac. Filter out the Monty Python references.",
  );
  assert.deepEqual(found.places.map((p) => p.text), ["Soviet Union"]);
  assert.deepEqual(found.organizations.map((o) => o.text), [
    "Al Qaida",
    "Fannie Mae",
    "Freddie Mac",
    "Monty Python",
  ]);
  assert.deepEqual(found.people, []);
});

Deno.test("readLanguage() takes a family firm for an organisation, not a person", () => {
  const found = readLanguage("That dream drove the Allen Brothers to reinvent their company.");
  assert.deepEqual(found.people, []);
  assert.deepEqual(found.organizations.map((o) => o.text), ["Allen Brothers"]);
});

Deno.test("readLanguage() takes a body named by one word as an organisation", () => {
  const orgs = (text: string) => readLanguage(text).organizations.map((o) => o.text);
  assert.deepEqual(
    orgs("Last year the Senate passed the bill, and then the Congress agreed to it."),
    ["Senate", "Congress"],
  );
  assert.deepEqual(orgs("She spoke at a congress of historians in the spring."), []);
});

Deno.test("readLanguage() reads names listed next to a person as people", () => {
  assert.deepEqual(
    people("It was revised by Georg Brandl, Andrew Kuchling, and Ezio Melotti."),
    ["Georg Brandl", "Andrew Kuchling", "Ezio Melotti"],
  );
});

Deno.test("readLanguage() reads a surname alone as a person when the text makes it speak", () => {
  assert.deepEqual(
    people("Heidegger argues that being is time. Later Heidegger says more about it."),
    ["Heidegger", "Heidegger"],
  );
  // Once is not enough for a word no list knows, and a word the text also writes in lower case
  // is a word.
  assert.deepEqual(people("Zorblat argues that being is time."), []);
  assert.deepEqual(people("Python says hello. Python says more. Run python to start."), []);
});

Deno.test("readLanguage() is sure of a lone name that acts or that a plural title names", () => {
  const text = "Lincoln could have accepted peace at any cost. The road to Lincoln is long. " +
    "We drove past Kennedy and on to the coast. Senators McCain and Feingold proposed it.";
  const people = readLanguage(text).people.map((p) => `${p.text}${p.sure ? " (sure)" : ""}`);
  assert.deepEqual(
    people.filter((p) => p.endsWith("(sure)")),
    ["Lincoln (sure)", "Feingold (sure)"],
  );
  // A word that ends a list of places and acts is the last place, no person.
  const places = readLanguage(
    "Its shelters in New York and Houston provide beds for thousands of children.",
  ).people;
  assert.deepEqual(places.filter((p) => p.sure), []);
});

Deno.test("readLanguage() reads the holder of an office a department or chamber names", () => {
  const sure = (text: string) => readLanguage(text).people.filter((p) => p.sure).map((p) => p.text);
  assert.deepEqual(sure("Tomorrow Secretary of State Rice departs for Israel."), ["Rice"]);
  assert.deepEqual(sure("I spoke with Speaker of the House O'Neill today."), ["O'Neill"]);
  assert.deepEqual(sure("I thank Secretaries of State Dulles and Herter for their work."), [
    "Dulles",
    "Herter",
  ]);
  assert.deepEqual(
    sure("The Secretary of Health and Human Services Kathleen Sebelius agreed."),
    ["Kathleen Sebelius"],
  );
  // The office alone names the department, as before.
  assert.deepEqual(sure("The Secretary of Health and Human Services agreed."), []);
});

Deno.test("readLanguage() reads a stranger's name that acts or follows what the person is", () => {
  assert.deepEqual(people("They deserve a vote. Gabby Giffords deserves a vote."), [
    "Gabby Giffords",
  ]);
  assert.deepEqual(people("We are joined by Pittsburgh survivor Judah Samet tonight."), [
    "Judah Samet",
  ]);
  // compromise finds the surname alone; the first name opens the sentence.
  assert.deepEqual(people("Estiven Rodriguez couldn't speak a word of English."), [
    "Estiven Rodriguez",
  ]);
  // A name of everyday words is no stranger's, nor one the text writes in small letters.
  assert.deepEqual(people("Punch Pizza raised its wages."), []);
  assert.deepEqual(people("The enum members are named. Python Enums can have methods."), []);
  // Set beside the office the person holds; beside a place's description it is the place.
  assert.deepEqual(
    people("We are joined by the President of the Governing Council, Adnan Pachachi. Welcome."),
    ["Adnan Pachachi"],
  );
  assert.deepEqual(people("We visited the old capital, Nizhny Novgorod. It was cold."), []);
  // Two strangers' names paired.
  assert.deepEqual(people("The world watched Yitzhak Rabin and Yasser Arafat at the table."), [
    "Yitzhak Rabin",
    "Yasser Arafat",
  ]);
});

Deno.test("readLanguage() reads a name after a chamber's office or a name no dictionary has", () => {
  assert.deepEqual(
    people("I spoke with Senate Majority Leader Baker and House Minority Leader Michel."),
    ["Majority Leader Baker", "Minority Leader Michel"],
  );
  // A title opening a sentence; a person's title before the rest of the rank.
  assert.deepEqual(people("President Carter tried. The special interests won."), [
    "President Carter",
  ]);
  assert.deepEqual(people("Her husband, Sergeant First Class Townsend Williams, is away."), [
    "Sergeant First Class Townsend Williams",
  ]);
  assert.deepEqual(
    people("Texas Governor Greg Abbott came, and so did Army Staff Sergeant Peck."),
    [
      "Governor Greg Abbott",
      "Staff Sergeant Peck",
    ],
  );
  assert.deepEqual(
    people("The bill bears the name of Senator Orrin Hatch, who never stopped asking."),
    ["Senator Orrin Hatch"],
  );
});

Deno.test("readLanguage() reads two unknown capitalised words doing what people do as a name", () => {
  assert.deepEqual(
    people("To help, Jukka Korpela has written an introductory guide to the tables."),
    ["Jukka Korpela"],
  );
});

Deno.test("readLanguage() reads a stranger's name that compromise took for a place by what it does", () => {
  const read = readLanguage(
    "Quanah Gibson-Mount contributed support for advanced LDAP SASL mechanisms.",
  );
  assert.deepEqual(read.people.map((p) => p.text), ["Quanah Gibson-Mount"]);
  assert.deepEqual(read.places, []);
  // A place that does what people do stays a place when its words are everyday ones.
  assert.deepEqual(
    readLanguage("North Korea said it would talk.").places.map((p) => p.text),
    ["North Korea"],
  );
});

Deno.test("readLanguage() reads a first name compromise guessed a town's by its ending as a person's where the name acts", () => {
  const read = readLanguage(
    "Ben Collins led Debian from April 2001. Bdale Garbee led Debian from April 2002.",
  );
  assert.deepEqual(read.people.map((p) => p.text), ["Ben Collins", "Bdale Garbee"]);
  // A place's word before a name no list has stays a place's name.
  assert.deepEqual(
    readLanguage("Mount Kosciuszko is the highest peak. Fort Garbee is a town.").people,
    [],
  );
});

Deno.test("readLanguage() reads a first name alone where places go as a place", () => {
  const read = readLanguage(
    "Ports such as Norfolk, Virginia, and Baltimore, Maryland, could grow. In Chad, the world " +
      "is watching. In the Dominican Republic, Hillary helped. A letter from Hillary came. " +
      "Hillary spoke.",
  );
  assert.deepEqual([...new Set(read.people.map((p) => p.text))], ["Hillary"]);
  assert.deepEqual(read.places.map((p) => p.text), [
    "Norfolk",
    "Virginia",
    "Baltimore",
    "Maryland",
    "Chad",
    "Dominican Republic",
  ]);
  // In a list of places, where the name is a place's too; not "Georgia and Jack".
  const listed = readLanguage(
    "Nurses came to Texas and Virginia, and more to Ohio. He visited Georgia and Jack stayed.",
  );
  assert.deepEqual(listed.places.map((p) => p.text), ["Texas", "Virginia", "Ohio", "Georgia"]);
  // After two places of a list, whatever compromise reads it as; and "the Virginia delegates".
  const more = readLanguage(
    "Troops went to Georgia, Virginia and Carolina. In 1776 the Virginia delegates voted.",
  );
  assert.deepEqual(more.places.map((p) => p.text), ["Georgia", "Virginia", "Carolina", "Virginia"]);
  assert.deepEqual(more.people.map((p) => p.text), []);
});

Deno.test("readLanguage() reads no place in a time zone's identifier", () => {
  const read = readLanguage(
    "Set TZ=Europe/Paris before the run, or America/New_York. The keeper moved to Paris.",
  );
  assert.deepEqual(read.places.map((p) => p.text), ["Paris"]);
  assert.equal(read.places[0].start, 77);
});

Deno.test("readLanguage() reads a region, a sea, a canal and a shoal by their whole names", () => {
  const read = readLanguage(
    "We work with Latin America. Troops left Southeast Asia. We defend the Western Hemisphere. " +
      "Peace in the Middle East matters. Ships sail the South China Sea. We built the Panama " +
      "Canal at Muscle Shoals. The West Bank and Gaza. The Mississippi River Commission met.",
  );
  assert.deepEqual(read.places.map((p) => p.text), [
    "Latin America",
    "Southeast Asia",
    "Western Hemisphere",
    "Middle East",
    "South China Sea",
    "Panama Canal",
    "Muscle Shoals",
    "West Bank",
    "Gaza",
  ]);
  assert.deepEqual(read.organizations.map((o) => o.text), ["Mississippi River Commission"]);
  assert.ok(isRegion("Middle East") && isRegion("Latin America") && !isRegion("United States"));
});

Deno.test("readLanguage() reads a party named by its members as an organisation", () => {
  const read = readLanguage(
    "We must act not as Republicans, not as Democrats but as Americans. Republican leaders agreed.",
  );
  assert.deepEqual(read.organizations.map((o) => o.text), ["Republicans", "Democrats"]);
});

Deno.test("readLanguage() takes no everyday first name alone, no opener and no keys for people", () => {
  assert.deepEqual(people("Roman roads lead to Troy. But the road is long."), []);
  assert.deepEqual(people("Later we press Page Up to scroll back."), []);
});

Deno.test("readLanguage() joins a sentence that a subtitle cue or page break cut in two", () => {
  const { sentences } = readLanguage(
    "She heard Termen play and\n\nswitched to the theremin at once.\n\nA new part.\n\nlower case after a stop.",
  );
  assert.deepEqual(sentences.map((s) => s.text), [
    "She heard Termen play and switched to the theremin at once.",
    "A new part.",
    "lower case after a stop.",
  ]);
});

Deno.test("readLanguage() reads two unknown capitalised words introduced by 'called' as a name", () => {
  assert.deepEqual(people("There was a young physicist called Lev Termen in Petrograd."), [
    "Lev Termen",
  ]);
  assert.deepEqual(people("It is a new format called Zstd Frames here."), []);
});

Deno.test("readLanguage() reads a name ending like an organisation's as one, not a role", () => {
  const orgs = (text: string) => readLanguage(text).organizations.map((o) => o.text);
  assert.deepEqual(orgs("The Unicode Consortium publishes the standard."), ["Unicode Consortium"]);
  assert.deepEqual(orgs("She studied at Chalmers University of Technology in the north."), [
    "Chalmers University of Technology",
  ]);
  assert.deepEqual(orgs("The Project Leader appoints the Project Secretary."), []);
  assert.deepEqual(
    orgs("Last week the Supreme Court ruled, and the Communist Party and the Red Army obeyed."),
    ["Supreme Court", "Communist Party", "Red Army"],
  );
  assert.deepEqual(
    orgs(
      "The Air Force and the Border Patrol keep the harbour, and the Federal Reserve System " +
        "and the Selective Service System keep the books. The Labor Force grew. GOING FURTHER " +
        "Force the wick down.",
    ),
    ["Air Force", "Border Patrol", "Federal Reserve System", "Selective Service System"],
  );
  assert.deepEqual(
    orgs("The White House will send the lamp budget to the harbour board."),
    ["White House"],
  );
  assert.deepEqual(
    orgs("The National Institute of Standards and Technology set the rules for the harbour."),
    ["National Institute of Standards and Technology"],
  );
  assert.deepEqual(
    orgs("She works with the National Center for Missing and Exploited Children in Virginia."),
    ["National Center for Missing and Exploited Children"],
  );
  // Two bodies: a name in capitals after the "and" is another's.
  assert.deepEqual(
    orgs("The school joined the City University of New York and IBM last year."),
    ["City University of New York", "IBM"],
  );
  // A possessive inside a body's name, and a saint's abbreviation that ends no sentence.
  assert.deepEqual(orgs("She gave to St. Jude Children's Research Hospital. It helped."), [
    "St. Jude Children's Research Hospital",
  ]);
  assert.deepEqual(
    orgs("The Department of Commerce's National Institute of Standards and Technology did."),
    ["Department of Commerce", "National Institute of Standards and Technology"],
  );
  // A body of another language, of what it is.
  assert.deepEqual(orgs("Pablo Yapura, de la Facultad de Ciencias Agrarias, tradujo el texto."), [
    "Facultad de Ciencias Agrarias",
  ]);
  // A company named by its trade.
  assert.deepEqual(
    orgs("The conventions were written at Sun Microsystems and printed by Packt Publishing."),
    ["Sun Microsystems", "Packt Publishing"],
  );
  assert.deepEqual(orgs("I urge a new Department of Urban Affairs and Housing."), [
    "Department of Urban Affairs and Housing",
  ]);
  // An office is named by its department.
  assert.deepEqual(
    orgs("I have asked the Secretary of Health and Human Services to work with Congress."),
    ["Health and Human Services", "Congress"],
  );
  // Two places after a body that is no organisation's name.
  assert.deepEqual(
    readLanguage("The Legislatures of Alabama and Tennessee chose three members each.").places
      .map((p) => p.text),
    ["Alabama", "Tennessee"],
  );
});

Deno.test("readLanguage() reads names in credits and before an e-mail address as people", () => {
  assert.deepEqual(
    people(
      "Author: Vinod Ramaswami. Copyright (C) 2004, 2009 Tarek Oyelaran. " +
        "Reviewed-by: Ilse Vandermeer\n\nJunio C Hamano <jch@example.org> wrote it. " +
        "Ola <ola@example.org> said no. Later Ola agreed.",
    ),
    ["Vinod Ramaswami", "Tarek Oyelaran", "Ilse Vandermeer", "Junio C Hamano", "Ola", "Ola"],
  );
});

Deno.test("readLanguage() reads a credited surname that names a town as the person's", () => {
  const read = readLanguage(
    "The lamp trims faster. (Contributed by Gawain Bolton, Ana Lopez, and Ilse Vandermeer.) " +
      "The wick lasts. (Contributed by Ana Lopez and Tomas K. Warsaw in lamp-42.) " +
      "The glass is clear (lamp-43 by Ilse Vandermeer and Eldric Bolton.)",
  );
  assert.deepEqual(read.people.map((p) => p.text), [
    "Gawain Bolton",
    "Ana Lopez",
    "Ilse Vandermeer",
    "Ana Lopez",
    "Tomas K. Warsaw",
    "Ilse Vandermeer",
    "Eldric Bolton",
  ]);
  assert.deepEqual(read.places, []);
});

Deno.test("readLanguage() reads a credited given name whose second syllable is in small letters", () => {
  // As Python's What's New credits Korean names with a hyphen: "Seung-hoon Park".
  const read = readLanguage(
    "The lamp trims faster. (Contributed by Seung-hoon Okafor in lamp-1.) The wick lasts.",
  );
  assert.deepEqual(read.people.map((p) => p.text), ["Seung-hoon Okafor"]);
});

Deno.test("readLanguage() reads a thing named after a person as no person", () => {
  const read = readLanguage("Keepers file their changes in Gerrit Code Review’s queue.");
  assert.deepEqual(read.people, []);
  // A generation's suffix is the person's.
  const suffixed = readLanguage("At the quay, Sammy Davis Jr trimmed the lamps.");
  assert.deepEqual(suffixed.people.map((p) => p.text.replace(/ Jr$/u, "")), ["Sammy Davis"]);
});

Deno.test("readLanguage() leaves an organisation's credit and a mailbox to organisations", () => {
  assert.deepEqual(
    people("Copyright 2001-2023, Python Software Foundation. Write to Support <help@example.org>."),
    [],
  );
  // Nor a project's people together.
  assert.deepEqual(people("Copyright © 2000-2022 Lampwick Developers"), []);
});

Deno.test("readLanguage() reads two words before an e-mail address as a person, filed as a city or not", () => {
  assert.deepEqual(
    people(
      "Collaborators:\n\n- Chengzhong Wu <legendecas@example.org> (he/him)\n" +
        "- Guy Bedford <guybedford@example.org> (he/him)\n- Contact Support <help@example.org>",
    ),
    ["Chengzhong Wu", "Guy Bedford"],
  );
});

Deno.test("readLanguage() does not read a role after a credited name as a person", () => {
  assert.deepEqual(people("Author: Vinod Ramaswami, Engineering Manager, Payments."), [
    "Vinod Ramaswami",
  ]);
});

Deno.test("readLanguage() reads an everyday surname in a list after an unusual first name", () => {
  assert.deepEqual(people("Thanks to Georg Brandl, Andrew Kuchling and Yeng Moon."), [
    "Georg Brandl",
    "Andrew Kuchling",
    "Yeng Moon",
  ]);
});

Deno.test("readLanguage() reads names with middle initials in a list with a person", () => {
  assert.deepEqual(
    people("[GK93] Tomasz R. Grabowski, Stephen C. Northam, and Thomas M. J. Okonkwo. A paper."),
    ["Tomasz R. Grabowski", "Stephen C. Northam", "Thomas M. J. Okonkwo"],
  );
});

Deno.test("readLanguage() keeps the initials before a first name, and a suffix after a name", () => {
  assert.deepEqual(
    people("The tools were tested by H. Peter Okonkwo, and Fred L. Brandvold, Jr. wrote the docs."),
    ["H. Peter Okonkwo", "Fred L. Brandvold, Jr."],
  );
});

Deno.test("readLanguage() reads an everyday first name before a word the text uses as a term", () => {
  assert.deepEqual(
    people(
      "There is a character called “Roman Numeral Two”. Roman numerals are old. Mark Okafor agreed.",
    ),
    ["Mark Okafor"],
  );
});

Deno.test("readLanguage() keeps a person an instrument or a word is named after", () => {
  assert.deepEqual(people("Mark Okafor built the first okafor in 1920. Mark Okafor played it."), [
    "Mark Okafor",
    "Mark Okafor",
  ]);
});

Deno.test("readLanguage() reads a company's name before a product's as the product", () => {
  const found = readLanguage("Open it in Microsoft Excel. Microsoft said so.").organizations;
  assert.deepEqual(found.map((o) => o.text), ["Microsoft"]);
  assert.equal(found[0].start, 28);
});

Deno.test("readLanguage() reads 'Library of', 'Museum of'... as an organisation", () => {
  assert.deepEqual(
    readLanguage("The files went to the Library of Congress and the Museum of Lisbon.")
      .organizations.map((o) => o.text),
    ["Library of Congress", "Museum of Lisbon"],
  );
});

Deno.test("readLanguage() reads a name before its state or country as a town", () => {
  assert.deepEqual(places("Owners in Marrowby, Ohio, and Quillfen, France, agree."), [
    "Marrowby",
    "Ohio",
    "Quillfen",
    "France",
  ]);
  // Not a person's name, nor an everyday word.
  assert.deepEqual(places("Senator Marrowby, Ohio, objected. Last, Ohio agreed."), [
    "Ohio",
    "Ohio",
  ]);
});

Deno.test("readLanguage() reads a body's whole name, with what it is of or for", () => {
  assert.deepEqual(
    readLanguage(
      "The grant went to the National Institutes of Health and the Agency for International " +
        "Development. The Center for Lamp Research agreed with the National Commission on " +
        "Harbour Lights.",
    ).organizations.map((o) => o.text),
    [
      "National Institutes of Health",
      "Agency for International Development",
      "Center for Lamp Research",
      "National Commission on Harbour Lights",
    ],
  );
  // What a body sends out on is no part of its name.
  assert.deepEqual(
    readLanguage("It will be distributed by The Free Software Foundation on CD-ROM, and soon.")
      .organizations.map((o) => o.text),
    ["Free Software Foundation"],
  );
});

Deno.test("readLanguage() reads a public body's name with an 'and' in it whole", () => {
  assert.deepEqual(
    readLanguage("Progress has been made by the National Lamps and Space Administration.")
      .organizations.map((o) => o.text),
    ["National Lamps and Space Administration"],
  );
});

Deno.test("readLanguage() reads a Chinese or Korean name, surname first, named once", () => {
  assert.deepEqual(
    people(
      "We met Deng Xiaoping in Beijing. Kim Jong Il threatens the harbour. Lee Kuan Yew came.",
    ),
    ["Deng Xiaoping", "Kim Jong Il", "Lee Kuan Yew"],
  );
  assert.deepEqual(people("We walked down Park Avenue to the quay."), []);
});

Deno.test("readLanguage() reads a church as a body, and a person named Church as a person", () => {
  const read = readLanguage(
    "The sum due to the Roman Catholic Church for the rent of the chapels is paid. Alonzo " +
      "Church wrote on the lambda calculus.",
  );
  assert.deepEqual(read.organizations.map((o) => o.text), ["Roman Catholic Church"]);
  assert.deepEqual(read.people.map((p) => p.text), ["Alonzo Church"]);
});

Deno.test("readLanguage() reads no person beside a word in capitals in one name", () => {
  assert.deepEqual(
    people("Under MS Windows, the graph is stored. The MS Windows version differs."),
    [],
  );
  // Nor when a dash follows the name: compromise's "Cole --" is still one word of the run.
  assert.deepEqual(people("Terrorists attacked the USS Cole -- and then fled."), []);
});

Deno.test("readLanguage() reads a name that 'who' stands for as a person", () => {
  assert.deepEqual(people("The layout is due to Kiem Okonkwo, who wrote the first version."), [
    "Kiem Okonkwo",
  ]);
  // After "in", "who" stands for someone in the place.
  assert.deepEqual(
    places("Just then a ruler sprang up in Santo Domingo, who, with his colleagues, saw it."),
    ["Santo Domingo"],
  );
});

Deno.test("readLanguage() reads a surname named as the owner of a person's gift", () => {
  assert.deepEqual(
    people("It echoed the undimmed eloquence of Okonkwo and the idealism of Marrowby."),
    ["Okonkwo", "Marrowby"],
  );
  assert.deepEqual(people("Defying the old prophecies of Marrowby, a new Europe takes shape."), [
    "Marrowby",
  ]);
  // Without the gift, a lone capitalised word is no one; a spirit may be a program's.
  assert.deepEqual(people("It echoed the hills of Okonkwo and the roads of Marrowby."), []);
  assert.deepEqual(people("The lamp is made openly in the spirit of Wickix and GNU."), []);
});

Deno.test("readLanguage() reads a person introduced by name, whatever compromise took it for", () => {
  // compromise reads "Parks" as a place.
  assert.deepEqual(people("It began when a woman named Rosa Parks sat down on a bus."), [
    "Rosa Parks",
  ]);
  assert.deepEqual(people("We reached a town named Rosa Parks soon after."), []);
});

Deno.test("readLanguage() runs a titled name on to a surname no dictionary has", () => {
  // compromise ends the name at "Frank".
  assert.deepEqual(people("Congressman Frank Tejeda was buried yesterday."), [
    "Congressman Frank Tejeda",
  ]);
  // Past a word compromise reads as no name ("Day", a duration), and before "of" a place.
  assert.deepEqual(
    people("We thank Justice Sandra Day O'Connor. We lost Lee Metcalf of Montana."),
    ["Justice Sandra Day O'Connor", "Lee Metcalf"],
  );
  // A surname with a capital inside: compromise ends the name at "Misty".
  assert.deepEqual(people("Let me tell you why. Misty DeMars is a mother of two young boys."), [
    "Misty DeMars",
  ]);
});

Deno.test("readLanguage() ends a name where the next label of a list of labels opens", () => {
  assert.deepEqual(
    people(
      "Public name: TEX text Author: Donald Ervin Knuth Glyph slots used: 0x00–0x7F Variable " +
        "slots: 0x0B. As Abraham Lincoln put it: a house divided cannot stand.",
    ),
    ["Donald Ervin Knuth", "Abraham Lincoln"],
  );
  // The label's value names two.
  assert.deepEqual(
    people("Author: Werner Lemberg and Vladimir Volovich Glyph slots used: 0x00–0xFF"),
    ["Werner Lemberg", "Vladimir Volovich"],
  );
});

Deno.test("readLanguage() reads a credit's first name that a town has too", () => {
  assert.deepEqual(people("The margin tab was wrong. [First reported by Austin Kim in 2021.]"), [
    "Austin Kim",
  ]);
});

Deno.test("readLanguage() reads the name after a manual page's AUTHOR heading", () => {
  assert.deepEqual(
    people("EXIT STATUS It returns 0.\n\nAUTHOR Marek Okonkwo <marek@example.org>"),
    [
      "Marek Okonkwo",
    ],
  );
});

Deno.test("readLanguage() reads no heading run into a name with initials as a first name", () => {
  assert.deepEqual(
    people("References I. S. Duffield, Georg Brandl."),
    ["Georg Brandl"],
  );
});

Deno.test("readLanguage() reads a name before years of a life as a person, not a period", () => {
  assert.deepEqual(
    people(
      "Søren Aabyeklund (1813–1855) wrote on dread. The Weimar Republic (1918–1933) fell. " +
        "The Graph Drawing (2001) paper. Xeroklund (born 1950) agreed.",
    ),
    ["Søren Aabyeklund", "Xeroklund"],
  );
});

Deno.test("readLanguage() reads names after 'implemented by', 'ported by', 'courtesy of'", () => {
  assert.deepEqual(
    people(
      "It was implemented by Ilse Vandermeer, ported by Oskar Tindemann. Photo courtesy of Ana Quispe.",
    ),
    ["Ilse Vandermeer", "Oskar Tindemann", "Ana Quispe"],
  );
});

Deno.test("readLanguage() reads no title in a credit as a first name", () => {
  assert.deepEqual(people("An amendment proposed by Councillor Vandermeer passed."), []);
});

Deno.test("readLanguage() reads a product's name as no place once it is found no person", () => {
  const found = readLanguage("Run the XML Georgia parser now.");
  assert.deepEqual([found.people, found.organizations, found.places], [[], [], []]);
});

Deno.test("readLanguage() reads an administration as an organisation and a programme as no place", () => {
  const language = readLanguage(
    "Funds went to the Columbia Valley Administration. We back the Caribbean Basin Initiative, " +
      "and the Caribbean is near.",
  );
  assert.ok(language.organizations.some((o) => o.text === "Columbia Valley Administration"));
  assert.ok(!language.places.some((p) => /Administration|Initiative/u.test(p.text)));
});

Deno.test("readLanguage() reads names that are also an object's built-in keys", () => {
  // A table of known names once looked "Constructor" up on an object and found its prototype's
  // function: the note of Python's datetime and queue pages failed.
  const language = readLanguage(
    "We call the Constructor first, then the ToString method; the Prototype of each is kept.",
  );
  assert.ok(Array.isArray(language.people));
});

Deno.test("readLanguage() keeps the part after a hyphen that compromise cuts from a name", () => {
  assert.deepEqual(
    people("He met Chiang Kai-shek in Cairo. Later Chiang Kai-shek left."),
    ["Chiang Kai-shek", "Chiang Kai-shek"],
  );
});

Deno.test("readLanguage() reads two words no list has, named twice, as a person", () => {
  const text = "A year ago, freedom's playwright, Zdeno Varkol, languished in prison. " +
    "And today it's Zdeno Varkol, head of his country.";
  assert.deepEqual(people(text), ["Zdeno Varkol", "Zdeno Varkol"]);
  // Named once, such a pair may be a place or a product as well as a person.
  assert.deepEqual(people("They sailed past Zdeno Varkol in the night."), []);
});

Deno.test("readLanguage() joins no sentence across a PDF's heading above a name in lower case", () => {
  const { sentences } = readLanguage(
    "2.2.1 Data Structures\n\ndotty provides two classes.\n\nAbstract\n\ndotty edits graphs.",
  );
  assert.deepEqual(sentences.map((s) => s.text), [
    "2.2.1 Data Structures",
    "dotty provides two classes.",
    "Abstract",
    "dotty edits graphs.",
  ]);
});

Deno.test("readLanguage() joins no sentence across a note in brackets that ends a paragraph", () => {
  const { sentences } = readLanguage(
    "zgrep can no longer overwrite a file.\n[bug introduced in gzip-1.3.10]\n\nzgrep names its input.",
  );
  assert.deepEqual(sentences.map((s) => s.text), [
    "zgrep can no longer overwrite a file.",
    "[bug introduced in gzip-1.3.10]",
    "zgrep names its input.",
  ]);
});

Deno.test("readLanguage() ends a sentence two spaces after its full stop, before a command", () => {
  const { sentences } = readLanguage(
    "This package holds the trim and wick programs.  trim and wick comply with POSIX. " +
      "Use it for lamps, e.g. lamp oil.",
  );
  assert.deepEqual(sentences.map((s) => s.text), [
    "This package holds the trim and wick programs.",
    "trim and wick comply with POSIX.",
    "Use it for lamps, e.g. lamp oil.",
  ]);
});

Deno.test("readLanguage() reads no person in the name of a law or a grant", () => {
  assert.deepEqual(
    people("We ended the Jim Crow laws at last. Students receive Pell grants. Jim Smith spoke."),
    ["Jim Smith"],
  );
});

Deno.test("readLanguage() reads a name through its initials to the surname", () => {
  assert.deepEqual(
    people("For speed, you might try Markus F X J Oberhumer’s LZO compression library."),
    ["Markus F X J Oberhumer"],
  );
});

Deno.test("readLanguage() takes a name of words the text also writes in lower case for no person", () => {
  assert.deepEqual(
    people(
      "It is up to the Application Defined Page Cache. The default page cache is built in. " +
        "Mark Page wrote the harbour book.",
    ),
    ["Mark Page"],
  );
});

Deno.test("readLanguage() keeps a name whole that wink cuts at a letter past ASCII", () => {
  const language = readLanguage("The decoder was written by Michał Górny and Łukasz Nowak.");
  assert.deepEqual(language.people.map((p) => p.text), ["Michał Górny", "Łukasz Nowak"]);
});

Deno.test("readLanguage() takes no place or organisation inside a longer capitalised name", () => {
  const text = "Times are in Greenwich Mean Time. She studied at Georgia Tech and moved to " +
    "Charlotte, North Carolina. The Calgary Text Compression Corpus is old. Lampwick works " +
    "with the Harbour Trust in Oslo.";
  const read = readLanguage(text);
  const places = read.places.map((p) => p.text);
  assert.ok(!places.includes("Greenwich"), places.join(" | "));
  assert.ok(!places.includes("Georgia"), places.join(" | "));
  assert.ok(!places.includes("Calgary"), places.join(" | "));
  assert.ok(places.includes("Oslo"), places.join(" | "));
});

Deno.test("readLanguage() takes no name from an identifier of code", () => {
  const read = readLanguage(
    "The size is in stat.ST_SIZE, the mode in ST_MODE, and os.Path joins them. Ilse Brandvold " +
      "wrote it in Oslo with E.R. Okonkwo.",
  );
  assert.deepEqual(read.places.map((p) => p.text), ["Oslo"]);
  assert.ok(read.people.some((p) => p.text === "Ilse Brandvold"));
});

Deno.test("readLanguage() marks a sentence wink finds no verb in; verbCounts() confirms", () => {
  // wink takes "returns" and "defaults" for plural nouns, but after a noun they may be verbs.
  const { sentences } = readLanguage(
    "The maximum number of listeners per event. It was created. The function returns a list. " +
      "The option defaults to 16 bytes. A browser-compatible implementation of the Event class.",
  );
  // No verb's -s form ends in -ss: "class" after "Event" is no verb.
  assert.deepEqual(sentences.map((s) => s.verbless ?? false), [true, false, false, false, true]);
  // Nor a plural that ends a preposition's phrase and the sentence, an address's scheme, nor a
  // participle after its noun before "by": compromise is asked.
  const described = readLanguage(
    "An oil store for harbour lamps. A full address of a lamp such as file:///lamp.txt. " +
      "A list of the lamps trimmed by keepers. The keeper trims lamps. The lamps trimmed " +
      "by keepers are bright.",
  ).sentences;
  assert.deepEqual(described.map((s) => s.verbless ?? false), [true, true, true, false, false]);
  // A thing and a relative clause on it, to the end; not "which" of a question after a verb.
  const things = readLanguage(
    "A wooden wheel that turns the upper stone. The lamp rule sets which keeper is used. " +
      "A lamp that burns, unlike a candle, is safe. The hour at which the lamp was lit.",
  ).sentences;
  assert.deepEqual(things.map((s) => s.described ?? false), [true, false, false, true]);
  // A list's item saying what a thing is for has no clause: its verbs are a name's part and
  // infinitives. compromise says whether a verb came before them.
  const items = readLanguage(
    "Lamp-trim(1) to trim the wick. Lamp helpers to clean or store wicks. " +
      "Keepers use helpers to clean the glass. The keeper wants to trim the wick.",
  ).sentences;
  assert.deepEqual(items.map((s) => s.verbless ?? false), [true, true, true, false]);
  assert.deepEqual(verbCounts(items.slice(0, 3).map((s) => s.text)), [0, 0, 1]);
  // compromise knows "returns" for a verb.
  assert.deepEqual(verbCounts([sentences[0].text, "Git returns a list."]), [0, 1]);
  // A verb with its auxiliary is one.
  assert.deepEqual(verbCounts(["The keeper will record the weight.", "It rained and blew."]), [
    1,
    2,
  ]);
  assert.deepEqual(verbCounts([]), []);
  // A participle or an infinitive alone describes a noun: it carries no clause.
  assert.deepEqual(
    verbCounts([
      "A paper on lamps using the pattern shared by keepers.",
      "A duration expressing the time between two lamps.",
      "Decorator to wrap a wick.",
      "The lamp was lit by the keeper.",
      "Keepers trimmed the lamps.",
    ]),
    [0, 0, 0, 1, 1],
  );
});

Deno.test("readLanguage() takes the House and the Senate for bodies", () => {
  const read = readLanguage(
    "I welcome the advice of the House and the Senate. The bill was passed. House prices rose " +
      "in the spring.",
  );
  assert.deepEqual([...new Set(read.organizations.map((o) => o.text))], ["House", "Senate"]);
  assert.deepEqual(read.places.map((p) => p.text), []);
});

Deno.test("readLanguage() gives two noun phrases 'of' or 'on' joins as one linked phrase too", () => {
  const linked = readLanguage("The balance of payments worried us. We fight a war on terror.")
    .phrases.filter((p) => p.linked).map((p) => p.words.join(" "));
  assert.deepEqual(linked, ["balance of payments", "war on terror"]);
});

Deno.test("readLanguage() reads an everyday first name as a person where the family names it", () => {
  assert.deepEqual(
    people(
      "Their first child, Jack, was on the way. Debra's parents, Gerald and Sharon, were " +
        "here, with Sharon's granddaughter, Heather. A jack lifts the car. Heather grows on hills.",
    ),
    // A name's verdict holds for each of its uses: the last "Heather" is the plant.
    ["Jack", "Debra", "Gerald", "Sharon", "Sharon", "Heather", "Heather"],
  );
  // What a kin word describes: nations, not a sister's name.
  assert.deepEqual(people("We send envoys of lower grades to some of our sister Republics."), []);
});

Deno.test("readLanguage() gives no phrase of a compound alone that modifies the word after it", () => {
  const phrases = readLanguage(
    "We help the long-term unemployed. Unemployment reached an all-time low. The long-term " +
      "care of the lamps costs money.",
  ).phrases.map((p) => p.words.join(" "));
  assert.ok(!phrases.includes("long-term") && !phrases.includes("all-time"), phrases.join(" | "));
  assert.ok(phrases.includes("long-term care"), phrases.join(" | "));
});

Deno.test("readLanguage() reads a name with its father's, and a titled first name and surname", () => {
  // Opening a sentence, where compromise sees no person.
  assert.deepEqual(people('Usama bin Laden declared: "Death is better than living."'), [
    "Usama bin Laden",
  ]);
  // After a first name, a surname that is an everyday word.
  assert.ok(
    people("From Lincoln to the Reverend Dr. Martin Luther King, Jr., we have rejected limits.")
      .some((p) => p.includes("Martin Luther King")),
  );
});

Deno.test("readLanguage() reads no name in a list's line that opens with a verb", () => {
  const text = "Rewriting the lamp's address is frowned upon by keepers,\n\n" +
    "Appending Postfix's own harbour produces incorrect results with some lamps,\n\n" +
    "Appending Postfix's own harbour sometimes makes the lamps look foreign.";
  assert.deepEqual(people(text), []);
});

Deno.test("readLanguage() takes a term in capitals the text writes in small letters for no name", () => {
  const found = (text: string) => {
    const l = readLanguage(text);
    return [...l.organizations, ...l.places].map((n) => n.text);
  };
  // compromise files "Floating Point" as a place.
  assert.deepEqual(
    found(
      "The lamp keepers read The Perils of Floating Point every winter. Binary floating point " +
        "holds many surprises for a keeper.",
    ),
    [],
  );
  // A kind: after "a", and in the plural.
  assert.ok(
    !found(
      "The lamp is signed by a trusted Certification Authority. Keepers trust some public " +
        "certification authorities and no others.",
    ).includes("Certification Authority"),
  );
  // A term the text mostly writes with its later words in small letters.
  assert.deepEqual(
    found(
      "Stability: 1.1 - Active development. The wick flag is in Active development. " +
        "Lamps: Active Development. Oil: Active development.",
    ),
    [],
  );
  // A body's own name, though the text writes it in small letters once.
  assert.ok(
    found(
      "The Harbour Committee decides on the lamps. The Harbour Committee meets in May. Each " +
        "member of the harbour committee trims a lamp.",
    ).includes("Harbour Committee"),
  );
});

Deno.test("readLanguage() marks a sentence whose verbs are only a gerund opening it and infinitives", () => {
  const marked = (text: string) => readLanguage(text).sentences.map((s) => s.nonFinite === true);
  assert.deepEqual(
    marked(
      "Walking the entire harbour to satisfy the keeper's order constraints. Using the lamp, " +
        "the keeper finds the quay quickly. Keeping the lamps lit is hard work.",
    ),
    [true, false, false],
  );
});

Deno.test("readLanguage() reads no person in a method named after two, nor a body in a quoted title", () => {
  const l = readLanguage(
    "The lamp is trimmed with the Forrest–Tomlin technique, which John Forrest wrote down. " +
      "See the supplement “Using Data Tables in the Harbour Lamp Language” for the rest.",
  );
  assert.deepEqual(l.people.map((p) => p.text), ["John Forrest"]);
  assert.deepEqual(l.organizations.map((o) => o.text), []);
});

Deno.test("readLanguage() runs no noun phrase across a blank line between a list's items", () => {
  const phrases = readLanguage(
    "lampctl is the main command-line lamp manager for harbours and their quays.\n\n" +
      "Included tools are:\n\n" +
      "lampctl-get for retrieval of wicks and information about them from trusted stores and " +
      "for removal of wicks together with their dependencies\n\n" +
      "lampctl-cache for querying available information about installed as well as available wicks",
  ).phrases.map((p) => p.words.join(" "));
  assert.ok(!phrases.includes("dependencies lampctl-cache"), phrases.join(", "));
  assert.ok(phrases.includes("lampctl-cache"), phrases.join(", "));
});

Deno.test("readLanguage() reads no person in a line's order or in a release's code name", () => {
  assert.deepEqual(
    people(
      "lamp-testsuite:\n  Skip Go testcase on the north quay which hangs at night.\n\n" +
        "Old lamps were removed for the release of Lenny. The lamps stay as they were in Lenny. " +
        "Mark Twain wrote about the lamps of the river.",
    ),
    ["Mark Twain"],
  );
});

Deno.test("readLanguage() reads no person in a programming language's name", () => {
  assert.deepEqual(
    people(
      "Other languages, such as Object Pascal and Modula, check the lamp's types. The default " +
        "compiler for Ada builds the lamp controller; Ada runs it at night. " +
        "Ada Lovelace wrote about engines, and Julia Ward Howe wrote a hymn.",
    ),
    ["Ada Lovelace", "Julia Ward Howe"],
  );
});

Deno.test("readLanguage() reads no person in a programming language after a title's word", () => {
  assert.deepEqual(
    people(
      "Python scripts light the lamps.\n\n- 1.1. A Simple Example\n- 1.2. General " +
        "Python terminology\n\nGeneral Marshall trimmed the wicks.",
    ),
    ["General Marshall"],
  );
});

Deno.test("readLanguage() reads no organisation in a programming language's name", () => {
  const read = readLanguage(
    "The lamp controller runs the bytecode emitted by the bytecode compiler.\n\nZen of Python\n\n" +
      "Listing of Python design principles that are helpful in trimming the lamps. The Python " +
      "Software Foundation holds the copyright.",
  );
  assert.deepEqual(read.organizations.map((o) => o.text), ["Python Software Foundation"]);
});

Deno.test("readLanguage() reads no person in a method or object named after one", () => {
  assert.deepEqual(
    people(
      "Montgomery curves keep the lamp's keys. The lamp uses a Montgomery ladder, an elliptic " +
        "curve of Montgomery type and a Bloom filter. Burton Bloom trimmed the wicks.",
    ),
    ["Burton Bloom"],
  );
});

Deno.test("readLanguage() reads a magazine or journal as an organisation, not a person", () => {
  const read = readLanguage("See the article in Dr. Harwick Magazine by Ada Marsh.");
  assert.deepEqual(read.people.map((p) => p.text), ["Ada Marsh"]);
  assert.deepEqual(read.organizations.map((o) => o.text), ["Dr. Harwick Magazine"]);
});

Deno.test("readLanguage() reads a company's name with 'and' in it whole", () => {
  const orgs = (text: string) => readLanguage(text).organizations.map((o) => o.text);
  assert.deepEqual(
    orgs("The lamp was made by Mitsubishi and Nippon Telegraph and Telephone Corporation."),
    ["Mitsubishi", "Nippon Telegraph and Telephone Corporation"],
  );
  assert.deepEqual(
    orgs("The American Telephone and Telegraph Company lit the harbour."),
    ["American Telephone and Telegraph Company"],
  );
  // A person's name before "and" stays the person's.
  assert.deepEqual(
    orgs("Copyright 1990 by Ilse Brandvold and General Lamp Company."),
    ["General Lamp Company"],
  );
});

Deno.test("readLanguage() keeps the 'New' of a place's name", () => {
  const places = readLanguage(
    "Thanks to Ilse Brandvold at the LampCorp of New South Wales for this advice.",
  )
    .places.map((p) => p.text);
  assert.deepEqual(places, ["New South Wales"]);
});

Deno.test("readLanguage() reads a place whose name holds a given name as a place", () => {
  const read = (text: string) => {
    const { people, places } = readLanguage(text);
    return { people: people.map((p) => p.text), places: places.map((p) => p.text) };
  };
  // After a word the lexicon knows as a place's.
  assert.deepEqual(
    read("Outrages were committed in the neighboring island of Porto Rico. They stopped."),
    { people: [], places: ["Porto Rico"] },
  );
  // After "the", which a person seldom follows.
  assert.deepEqual(
    read("The country occupied by the Sierra Nevada and Rocky mountains is rich in gold."),
    { people: [], places: ["Sierra Nevada"] },
  );
  assert.deepEqual(read("George Washington crossed the river at night.").people, [
    "George Washington",
  ]);
});

Deno.test("readLanguage() reads no person in a thing's name that opens the names of others", () => {
  const text = "Debian Linux is a brand-new kind of Linux distribution. The Debian Linux " +
    "Association sells it on disks, and Debian Linux will be maintained with care.";
  assert.deepEqual(people(text), []);
  assert.deepEqual(people("Gabby Giffords deserves a vote. Gabby Giffords was shot."), [
    "Gabby Giffords",
    "Gabby Giffords",
  ]);
});

Deno.test("readLanguage() reads no surname in a word cut short after a title", () => {
  // "Conf." of a reference list's "Proc. First General Conf. on Social Graphics".
  assert.deepEqual(people("It was read at the General Conf. on Lamps, in 1980."), []);
  assert.deepEqual(people("It was read to General Marshall. Then he left."), [
    "General Marshall",
  ]);
});

Deno.test("readLanguage() marks a reference entry's description with no finite verb", () => {
  const marked = (text: string) => readLanguage(text).sentences.map((s) => s.nonFinite === true);
  assert.deepEqual(
    marked(
      "Lamp flags, used to set the wick flags. Structure defining a lamp, containing a wick " +
        "and a glass. The keeper, tired, trimmed the lamp. The keeper trims the wick at dusk.",
    ),
    [true, true, false, false],
  );
  // A list's item naming a topic, what it is concerned with after a comma.
  assert.deepEqual(
    marked(
      "Preemptive scheduling, concerned with the selection of lamps and wicks for a harbour.",
    ),
    [true],
  );
  // A verb wink reads as a plural noun, before an adjective: a clause.
  assert.deepEqual(
    marked("This module constructs higher-level trimming interfaces on top of the wick module."),
    [false],
  );
});
