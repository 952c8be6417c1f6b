/**
 * @module
 * Names for topic maps: the phrases that set a topic's notes apart from the rest of the vault
 * (class-based TF-IDF over the notes' keyphrases and tags: a phrase many of the topic's notes
 * carry and few others do), two or three words preferred, never one everyday English word
 * ("File", "Time", "World") on its own. A topic that is one folder's notes is named after the
 * folder, which is what its owner called it.
 */
import { englishRank, GENERIC_RANK, NAME_RANK, specificity } from "../analyse/commonness.ts";
import { STOPWORDS } from "../analyse/terms.ts";
import { isUpkeep, withoutOwnNotes } from "../analyse/upkeep.ts";
import { folderTitle, keepingFolder, withoutOwner } from "../pipeline/readable_name.ts";
import { phraseKey } from "./similarity.ts";
import { leastMembers, type Topic } from "./topics.ts";

export interface PhraseNote {
  key: string;
  keyphrases: string[];
  tags: string[];
  /** The people, organisations and places it names, as written. */
  names?: string[];
  /** Of those, the organisations and places. */
  bodies?: string[];
  /** The folder of its input, relative to the job's folder ("" at the top). */
  folder?: string;
  /** Its summary and key points: how it spells the words of a name ("SQL", "API"), and what a
   * map's line about it may quote. */
  summary?: string;
  /** Its input's path relative to the job's folder (and those of the inputs that say the same),
   * and its title: a folder's own page (its `index.html`, or `trait.html` beside `trait/`) names
   * the folder as its owner titled it. */
  sources?: string[];
  title?: string;
}

export interface NamedTopic extends Topic {
  /** The map's name. */
  name: string;
  /** The phrases that best describe it, best first: at most three, each one more than half its
   * notes have ("Notes about berkeley db" said nothing of four READMEs in six). */
  phrases: string[];
  /** The stem keys of `phrases`, as a note's phrases are keyed. */
  phraseKeys: string[];
  /** The first and last year of notes whose titles open with one, when the map is named by
   * them ("1796–1889"). */
  years?: [number, number];
  /** When the map is named for the kind of thing each of its notes is about, that kind as the
   * notes write it ("servers"); `phrases` are then things of that kind. */
  kind?: string;
}

/** Least share of a topic's notes that carry a phrase naming it. */
const COVER = 0.25;
/** Share of the notes of a topic of {@link NAMING_MIN} notes or more that a phrase naming it
 * must pass; in a smaller one, two notes may name it. */
const NAME_COVER = 0.5;
const NAMING_MIN = 4;
/** Share of a topic's notes that a phrase describing it must pass: more than half ("Notes about
 * nested scopes" spoke for the two "What's New" pages of four Python notes). */
const ABOUT = 0.5;
/**
 * Most share of the notes outside a topic that may carry a phrase naming it: in a vault of
 * Python's documentation "python" and "module" are in most notes and tell no topic from another.
 */
const VAULT_COMMON = 0.3;
/** Least notes outside a topic before a phrase is judged common to the vault. */
const VAULT_COMMON_MIN = 10;
/**
 * Most share of a vault's notes that may carry a phrase naming a topic, however large the topic:
 * what more than half the vault says is its subject, not one of its topics. "Apache HTTP server",
 * in 22 of 30 pages of Apache's manual, took the 19 notes no other phrase held as one map.
 */
const VAULT_SUBJECT = 0.5;

/** Whether a phrase in `df` of a vault's `total` notes, `inside` of them in a topic, is common to
 * the vault, `outside` notes being outside the topic (see {@link VAULT_COMMON},
 * {@link VAULT_SUBJECT}). */
function vaultCommon(df: number, inside: number, outside: number, total: number): boolean {
  return outside >= VAULT_COMMON_MIN &&
    (df - inside > VAULT_COMMON * outside || df > VAULT_SUBJECT * total);
}

/**
 * Names each topic, unique among them and never one of `reserved` (compared case-blind).
 * `notes` are every note of the vault, so that a phrase common to all is worth nothing. A topic
 * whose best name an `earlier` topic of its folder has joins that topic (`joins`).
 */
export function nameTopics(
  topics: Topic[],
  notes: PhraseNote[],
  reserved: string[] = [],
  earlier: NamedTopic[] = [],
): { named: NamedTopic[]; unnamed: Topic[]; joins: { into: string; members: string[] }[] } {
  const { phrasesOf, df } = phraseTable(notes);
  const subjectWords = vaultSubjectWords(notes, phrasesOf);
  const titledByMost = mostTitlesSay(notes);
  const heads = headTable(phrasesOf);
  const namesOf = new Map(notes.map((n) => [n.key, n.names ?? []]));
  const bodiesOf = new Map(notes.map((n) => [n.key, n.bodies ?? []]));
  const peopleOf = new Map(
    notes.map((n) => [n.key, (n.names ?? []).filter((name) => !(n.bodies ?? []).includes(name))]),
  );
  const folderOf = new Map(notes.map((n) => [n.key, n.folder ?? ""]));
  const summaryOf = new Map(notes.map((n) => [n.key, n.summary ?? ""]));
  const pages = new Map(
    notes.flatMap((n) =>
      n.title ? (n.sources ?? []).map((source) => [withoutExtension(source), n.title!]) : []
    ),
  );
  const taken = new Set(reserved.map(takenKey));
  /** Each name given here by its stems ("Debian package" is "Debian packages"), and the topic
   * (in `named`) that has it. */
  const owner = new Map<string, number>();
  const mainFolders: string[] = [];
  const named: NamedTopic[] = [];
  const unnamed: Topic[] = [];
  const joins: { into: string; members: string[] }[] = [];
  // Folders' topics first: a folder keeps the name its owner gave it, and notes from no one
  // place whose best name it is join its map (see samePlace), whatever the order of the topics.
  for (const topic of [...topics.filter((t) => t.folder), ...topics.filter((t) => !t.folder)]) {
    // Two notes where a topic has three or more (see relatedParts) are named only by a word both
    // titles say: what their tags share is more often an aside ("Symbolic link" for pathlib and
    // shutil) than their subject ("Parallelism" for threading and multiprocessing).
    if (!topic.folder && topic.members.length < leastMembers(notes.length)) {
      const word = pairTitleWord(topic);
      if (word === undefined || taken.has(takenKey(word))) {
        unnamed.push(topic);
        continue;
      }
      taken.add(takenKey(word));
      owner.set(phraseKey(word), named.length);
      mainFolders.push(mainFolder(topic, folderOf));
      named.push({ ...topic, name: word, phrases: [], phraseKeys: [] });
      continue;
    }
    const ranked = rankPhrases(topic, phrasesOf, df, notes.length, subjectWords);
    // A name speaks for more than half the notes: "Rural" named five addresses after two, "UTF-8"
    // six FAQs, only one of them about it, after three.
    const naming = topic.members.length >= NAMING_MIN
      ? ranked.filter((r) => r.cover > NAME_COVER)
      : ranked;
    // One that speaks for most of the notes comes first: "High school diploma" (two addresses of
    // four) named a map whose line said "Notes about health care" (three of four). Of those, one
    // the summaries or key points say, since a map's lines quote them: "Fiscal year", a tag of
    // seven addresses, named a map whose lines spoke of the United Nations.
    const stemmed = topic.members.map((key) => ` ${phraseKey(summaryOf.get(key) ?? "")} `);
    // An everyday word alone is said in any summary ("Economic" took the place of "Economic
    // growth"); a name is not ("SQLite").
    const said = (r: { text: string }) =>
      (r.text.includes(" ") || englishRank(r.text.toLowerCase()) > NAME_RANK) &&
      stemmed.some((s) => s.includes(` ${phraseKey(r.text)} `));
    // Of those, one with a word the notes' titles say: "Bytes object", of two of three pages on
    // gzip, tar and ZIP files, gave way to "Archive", which two titles say.
    const titleWords = new Set(topic.members.flatMap((key) => phraseKey(titleOf(key)).split(" ")));
    const untitled = (r: { text: string }) =>
      !phraseKey(r.text).split(" ").some((w) => titleWords.has(w));
    const order = (r: { text: string; cover: number }) =>
      (r.cover > ABOUT ? 0 : 4) + (untitled(r) ? 2 : 0) + (said(r) ? 0 : 1);
    const sorted = naming.toSorted((a, b) => order(a) - order(b));
    // A word of the best phrase that more of the notes say, and most of their titles, is their
    // subject where it is no everyday word: "Logging" of three pages titled so, not "Logging
    // message", of two; not "Keyword" of "keyword arguments".
    const inTitles = (word: string) =>
      topic.members.filter((key) => titleKey(key).includes(` ${word} `)).length;
    const broader = sorted[0] &&
      sorted.find((r) =>
        !r.text.includes(" ") && r.cover > sorted[0].cover && r.cover > ABOUT &&
        !isGenericWord(r.text) &&
        phraseKey(sorted[0].text).split(" ").includes(phraseKey(r.text)) &&
        inTitles(phraseKey(r.text)) > ABOUT * topic.members.length
      );
    const best = distinct(
      (broader ? [broader, ...sorted.filter((r) => r !== broader)] : sorted).map((r) => r.text),
    ).slice(0, 3);
    const phrases = best.map((p) =>
      spelledAsNotes(spelledAsNamed(p, topic, namesOf), topic, summaryOf)
    );
    const cover = new Map(ranked.map((r) => [r.text, r.cover]));
    const about = phrases.filter((_, i) => cover.get(best[i])! > ABOUT);
    const aboutKeys = best.filter((p) => cover.get(p)! > ABOUT).map(phraseKey);
    const titled = seriesTitle(topic) ?? sharedTitleName(topic, peopleOf) ??
      sharedTitlePhrase(topic);
    // Two words most of the titles say name the notes better than a phrase none of them says:
    // "Files and pathnames", not "Symbolic link", for Python's pages on files and paths. Notes
    // no phrase names are parted by the phrases some of them share (see sharedPhraseParts):
    // Python's logging and testing pages are two subjects, not "Tests and logging".
    const paired = titled === undefined && sorted.length > 0 && untitled(sorted[0])
      ? titleWordPair(topic, titledByMost)
      : undefined;
    const folder = mainFolder(topic, folderOf);
    // A folder that only keeps files ("markdown", "pdfs", "papers") names no subject, unless no
    // phrase speaks for most of its notes: six READMEs of unrelated programs were "Berkeley db",
    // four unrelated papers "DIMACS format" after two of them.
    const keeping = topic.folder !== undefined && keepingFolder(topic.folder.split("/"));
    const folderName = topic.folder && (!keeping || (ranked[0]?.cover ?? 0) <= 0.5)
      ? ownPageTitle(topic.folder, pages) ?? saidOnInTitles(
        spelledOutInTitles(
          spelledAsNotes(folderTitle(topic.folder.split("/")), topic, summaryOf),
          topic,
        ),
        topic,
      )
      : "";
    // A folder is named as its owner named it, everyday word or not: Python's `reference` was
    // "Module" after three of its nine chapters, and a folder that keeps files of no one subject
    // ("papers") "DIMACS format" after two of four papers.
    const grabBag = keeping && folderName !== "";
    // "systemd", "dirmngr": a name its makers write in small letters, in titles as in sentences.
    const capital = (p: string) => writtenSmall(p.split(" ")[0], topic, summaryOf) ? p : cap(p);
    // "whatsnew" is the start of "What’s New in Python" run together: the titles say it better.
    const spelledOut = titled !== undefined && runTogether(folderName, titled);
    const ownName = folderName !== "" && !spelledOut ? [folderName] : [];
    // An everyday word ("reference") names the folder's map after what its notes say: two
    // folders' notes, `using` and `reference`, that all say "Python" are "Python" and, the name
    // taken, "Reference".
    const last = !grabBag && isGenericWord(folderName);
    const candidates = [
      ...(last ? [] : ownName),
      ...(titled ? [titled] : []),
      ...(paired ? [paired] : []),
      ...phrases.map(capital),
      ...(phrases.length >= 2 ? [`${capital(phrases[0])} and ${phrases[1]}`] : []),
      ...(last ? ownName : []),
      // Notes most of which share a folder still have a subject their owner named.
      ...(folder !== "" ? [spelledAsNotes(folderTitle(folder.split("/")), topic, summaryOf)] : []),
    ].filter((c) => c !== "" && (!isGenericWord(c) || c === folderName));
    // Short of all those, the name all the notes give whose first word most speak of: three
    // Python HOWTOs, alone in a small vault, share only their copyright holder, the "Python
    // Software Foundation", and say "Python".
    if (candidates.length === 0) candidates.push(...sharedNameWord(topic, bodiesOf, summaryOf));
    // Short of those, the kind of thing most of the notes are each about one of: "Servers" for
    // notes on a DNS server, a DHCP server, an NFS server, each the only one of its kind.
    // Not where some of the notes share a phrase that speaks for too few to name them all: they
    // are subjects run together, which the vault parts by that phrase (see sharedPhraseParts).
    // Python's three logging pages and its three on testing were "Modules".
    const least = Math.max(KINDS_MIN, leastMembers(notes.length));
    const parted = ranked.some((r) => Math.round(r.cover * topic.members.length) >= least);
    const found = candidates.length === 0 && !parted
      ? sharedHead(topic, phrasesOf, heads, bodiesOf)
      : undefined;
    // As the notes spell it: "APIs", not "apis".
    const kind = found && { ...found, word: spelledAsNotes(found.word, topic, summaryOf) };
    if (kind) candidates.push(cap(kind.word));
    // Dated notes that share no subject a phrase names but a stretch of years: Louvain drew
    // sixteen annual addresses into three eras by the words of their times, 1796–1889 (treaties,
    // the Postmaster-General), 1905–1927 and 1939–2009 (the economy, social security).
    const years = candidates.length === 0 ? yearsOf(topic.members, notes) : undefined;
    if (years) candidates.push(yearsName(years));
    // Notes that share no subject a phrase can name, and no folder, are no topic: a map named
    // after nothing its notes have in common is the catch-all map a person would not make.
    if (candidates.length === 0) {
      unnamed.push(topic);
      continue;
    }
    // Its best name (by its stems) is another map's, of notes from the same place: one subject,
    // which a reader looks for in one map. Python's FAQ pages, flat among other FAQs, were
    // "Python" (four) and "Extension" (five), or "Python" (six) and "GUI" (four, one of them on
    // GUIs). A phrase that many notes of the vault share names none (see rankPhrases): ten maps
    // of a vault of Python's documentation are not run together by "Python".
    // So is a folder's map of its name, for notes from no one place or mostly from that folder:
    // Rust by Example's folder `trait` was "Trait" beside "Traits", of twelve pages on traits from
    // six folders; the Unstable Book's `language-features` was "Language Features" and "(2)".
    const samePlace = (other: Topic, otherFolder: string) =>
      other.folder === topic.folder && otherFolder === folder ||
      other.folder !== "" && topic.folder === "" && (folder === "" || folder === other.folder);
    const same = owner.get(phraseKey(candidates[0]));
    if (same !== undefined && samePlace(named[same], mainFolders[same])) {
      const into = named[same];
      into.members = [...into.members, ...topic.members].sort();
      const elsewhere = (into.elsewhere ?? 0) + (topic.elsewhere ?? 0);
      if (elsewhere > 0) into.elsewhere = elsewhere;
      continue;
    }
    // So is one of a map named before: "Git (2)", of Git's design notes and server how-tos, beside
    // "Git", of its other how-tos, all in one folder; "Operator module", said by two of eight
    // Python HOWTOs whose best name, "Python", another group of HOWTOs had.
    const before = earlier.find((t) =>
      phraseKey(t.name) === phraseKey(candidates[0]) && samePlace(t, mainFolder(t, folderOf))
    );
    if (before) {
      joins.push({ into: before.name, members: topic.members });
      continue;
    }
    // A name another map has: told apart by the folder most of its notes come from.
    if (folder !== "" && folder !== topic.folder) {
      const where = spelledAsNotes(folderTitle(folder.split("/")), topic, summaryOf);
      if (where.toLowerCase() !== candidates[0].toLowerCase()) {
        candidates.push(`${candidates[0]} in ${where}`);
      }
    }
    // Taken all the same: a phrase fewer of its notes share tells it from the map that has the
    // name ("Topic branches" for a second map of Git's notes, not "Git (2)").
    const fewer = ranked.filter((r) => r.text.includes(" ")).map((r) =>
      capital(spelledAsNotes(spelledAsNamed(r.text, topic, namesOf), topic, summaryOf))
    );
    // "Python" of the folder `reference`, when that of `using` has it: the folder tells them
    // apart, where a number would not ("Python (2)").
    const told = topic.folder ? [`${candidates[0]} (${folderTitle(topic.folder.split("/"))})`] : [];
    let name = [...candidates, ...fewer, ...told].find((c) => !taken.has(takenKey(c)));
    for (let k = 2; name === undefined; k++) {
      const next = `${candidates[0]} (${k})`;
      if (!taken.has(takenKey(next))) name = next;
    }
    taken.add(takenKey(name));
    owner.set(phraseKey(name), named.length);
    mainFolders.push(folder);
    // Named for a folder of files on no one subject, or for words of its titles, the map claims
    // no phrase for all its notes.
    const claims = !(grabBag && name === folderName) && name !== paired;
    // Named for a kind of thing, the map lists the kinds its notes are about and claims none of
    // them for all.
    const kinds = kind && name === cap(kind.word)
      ? kind.phrases.map((p) => spelledAsNotes(spelledAsNamed(p, topic, namesOf), topic, summaryOf))
      : undefined;
    named.push({
      ...topic,
      name,
      phrases: kinds ?? (claims ? about : []),
      phraseKeys: kinds || !claims ? [] : aboutKeys,
      ...(years && name === yearsName(years) ? { years } : {}),
      ...(kinds ? { kind: kind!.word } : {}),
    });
  }
  return { named, unnamed, joins };
}

/**
 * The first and last year of `members` when each one's title opens with a year ("1796 George
 * Washington", "2023-05-01 Standup") and no other note's year falls between them: a stretch of
 * time the notes have to themselves.
 */
function yearsOf(members: string[], notes: PhraseNote[]): [number, number] | undefined {
  const inside = new Set(members);
  const years = members.map((key) => yearOf(titleOf(key)));
  if (years.some((y) => y === undefined)) return undefined;
  const from = Math.min(...years as number[]);
  const to = Math.max(...years as number[]);
  const between = notes.some((n) => {
    const year = inside.has(n.key) ? undefined : yearOf(titleOf(n.key));
    return year !== undefined && year > from && year < to;
  });
  return between ? undefined : [from, to];
}

/** The year a title opens with, from 1000 to 2999. */
function yearOf(title: string): number | undefined {
  const year = /^([12]\d{3})(?![\p{L}\p{N}])/u.exec(title)?.[1];
  return year === undefined ? undefined : Number(year);
}

function yearsName([from, to]: [number, number]): string {
  return from === to ? `${from}` : `${from}–${to}`;
}

/**
 * Each note's phrases that may name a topic (by stem key, as the note spells them), and in how
 * many notes each is.
 */
function phraseTable(notes: PhraseNote[]): {
  phrasesOf: Map<string, Map<string, string>>;
  df: Map<string, number>;
} {
  const phrasesOf = new Map(notes.map((n) => [n.key, notePhrases(n)]));
  // A word everyday English has that no note has as a thing, a phrase alone or a phrase's head,
  // says what kind of thing ("economic" of "economic growth"): "Economic" named three
  // addresses with nothing else in common. A rarer one is a name ("python lists").
  const things = new Set(
    notes.flatMap((n) =>
      [...n.keyphrases, ...n.tags.map(tagPhrase)].map((p) => phraseKey(p).split(" ").at(-1)!)
    ),
  );
  for (const phrases of phrasesOf.values()) {
    for (const [key, text] of [...phrases]) {
      if (key.includes(" ") || things.has(key)) continue;
      if (englishRank(text.toLowerCase()) <= NAME_RANK) phrases.delete(key);
    }
  }
  const df = new Map<string, number>();
  for (const phrases of phrasesOf.values()) {
    for (const key of phrases.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  }
  return { phrasesOf, df };
}

/**
 * The notes of `keys` (notes no topic holds) that share a phrase or a name, as topics to be named,
 * and the notes left: Louvain ran five Python HOWTOs and three pages of Node.js's manual
 * together, no phrase named the eight, and parted by related notes only Node.js's three stayed
 * together; the HOWTOs are not each other's related notes, but share their copyright holder and
 * three of them the subject "python". The phrase more of the notes share goes first, then one
 * fewer notes of the vault have; at least `least` notes share it, and it is rare in the vault as
 * a phrase naming a topic must be. At most `room` parts, the topics a vault has room for. Keys in
 * key order.
 */
export function sharedPhraseParts(
  keys: string[],
  notes: PhraseNote[],
  least: number,
  room = Infinity,
): { parts: Topic[]; rest: string[] } {
  const { phrasesOf, df } = phraseTable(notes);
  // The people and organisations a note names are shared phrases too: the copyright holder of
  // each Python HOWTO, the author of three manuals of one program, one of them in Spanish.
  for (const note of notes) {
    const phrases = phrasesOf.get(note.key)!;
    for (const name of note.names ?? []) {
      const key = `name:${phraseKey(name)}`;
      if (key === "name:" || phrases.has(key)) continue;
      phrases.set(key, name);
      df.set(key, (df.get(key) ?? 0) + 1);
    }
  }
  const left = new Set(keys);
  const titles = new Map(keys.map((key) => [key, titleKey(key)]));
  const parts: Topic[] = [];
  while (parts.length < room) {
    const sharing = new Map<string, string[]>();
    for (const key of [...left].sort()) {
      for (const [phrase, text] of phrasesOf.get(key) ?? []) {
        if (!phrase.includes(" ") && isGenericWord(text)) continue;
        let list = sharing.get(phrase);
        if (!list) sharing.set(phrase, list = []);
        list.push(key);
      }
    }
    // A phrase the notes' titles all say goes first: "logging" of Python's three logging pages,
    // not "keyword arguments", which they share with csv, difflib and textwrap.
    const best = [...sharing]
      .filter(([phrase, members]) =>
        members.length >= Math.max(2, least) &&
        !vaultCommon(df.get(phrase)!, members.length, notes.length - members.length, notes.length)
      )
      .map(([phrase, members]) => ({
        phrase,
        members,
        titled: members.every((key) => titles.get(key)!.includes(` ${phrase} `)) ? 1 : 0,
      }))
      .sort((a, b) =>
        b.titled - a.titled || b.members.length - a.members.length ||
        df.get(a.phrase)! - df.get(b.phrase)! || (a.phrase < b.phrase ? -1 : 1)
      )[0];
    if (!best) break;
    parts.push({ members: best.members, folder: "" });
    for (const key of best.members) left.delete(key);
  }
  return { parts, rest: [...left].sort() };
}

/**
 * The topics named after a folder without the notes from elsewhere that share no phrase with any
 * of the folder's notes, and those notes, in key order: Louvain put the GNU MathProg manual with
 * two pages of the Python tutorial it faintly resembles (expressions, statements, sets), and
 * systemd's porting notes with Git's design notes, in maps that bore the folders' names.
 */
export function withoutStrangers(
  topics: NamedTopic[],
  notes: PhraseNote[],
): { topics: NamedTopic[]; strangers: string[] } {
  const { phrasesOf } = phraseTable(notes);
  const folderOf = new Map(notes.map((n) => [n.key, n.folder ?? ""]));
  const inside = (key: string, folder: string) => {
    const own = folderOf.get(key) ?? "";
    return own === folder || own.startsWith(`${folder}/`);
  };
  const strangers: string[] = [];
  const kept = topics.map((topic) => {
    if (!topic.folder) return topic;
    const folder = topic.folder;
    const shared = new Set(
      topic.members.filter((key) => inside(key, folder))
        .flatMap((key) => [...phrasesOf.get(key)?.keys() ?? []]),
    );
    const strange = topic.members.filter((key) =>
      !inside(key, folder) && ![...phrasesOf.get(key)?.keys() ?? []].some((p) => shared.has(p))
    );
    strangers.push(...strange);
    return strange.length === 0
      ? topic
      : { ...topic, members: topic.members.filter((key) => !strange.includes(key)) };
  });
  return { topics: kept, strangers: strangers.sort() };
}

/**
 * The topics with each note that has none of its own topic's phrases but the first of another's
 * moved to that other: Louvain put the Node.js project's governance with Git's pages, which it
 * resembles (commits, collaborators, reviews), in a map that said "Notes about git", while the
 * note's subject is Node.js, whose map was made of notes left over. A note from its topic's
 * folder stays, as the user put it there, and a topic keeps `least` notes. Members stay in key
 * order.
 */
export function byOwnPhrases(
  topics: NamedTopic[],
  notes: PhraseNote[],
  least: number,
): NamedTopic[] {
  const { phrasesOf } = phraseTable(notes);
  const folderOf = new Map(notes.map((n) => [n.key, n.folder ?? ""]));
  const members = topics.map((t) => [...t.members]);
  topics.forEach((topic, from) => {
    if (topic.phraseKeys.length === 0) return;
    for (const key of topic.members) {
      const phrases = phrasesOf.get(key);
      const folder = folderOf.get(key) ?? "";
      if (!phrases || topic.phraseKeys.some((p) => phrases.has(p))) continue;
      if (topic.folder && (folder === topic.folder || folder.startsWith(`${topic.folder}/`))) {
        continue;
      }
      const to = topics.findIndex((other, k) =>
        k !== from && other.phraseKeys.length > 0 && phrases.has(other.phraseKeys[0])
      );
      if (to < 0 || members[from].length <= least) continue;
      members[from] = members[from].filter((m) => m !== key);
      members[to].push(key);
    }
  });
  return topics.map((t, k) => ({ ...t, members: members[k].sort() }));
}

/**
 * The first word of the name of an organisation or place, two words or more, that all of a
 * topic's notes give, when it is no everyday word and most of the notes' titles or summaries say
 * it: "Python" of "Python Software Foundation", not "Free" of "Free Software Foundation". Not of
 * a name only some give: five Python HOWTOs among nine notes with Node.js's pages are no map of
 * Python. Nor of one most of the vault's other notes give too: it tells the topic from nothing
 * (a vault of twenty of Python's library pages was one map, "Python", of three groups). At most
 * one.
 */
function sharedNameWord(
  topic: Topic,
  bodiesOf: Map<string, string[]>,
  summaryOf: Map<string, string>,
): string[] {
  const firstWords = (key: string) =>
    (bodiesOf.get(key) ?? []).map((name) => name.split(/\s+/u))
      .filter((words) =>
        words.length >= 2 && /^\p{Lu}[\p{L}\p{N}]+$/u.test(words[0]) &&
        englishRank(words[0].toLowerCase()) > NAME_RANK
      )
      .map((words) => words[0]);
  const [first, ...rest] = topic.members.map((key) => new Set(firstWords(key)));
  const given = [...first ?? []].filter((word) => rest.every((words) => words.has(word)));
  const said = (word: string) =>
    topic.members.filter((key) => {
      return new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, "iu")
        .test(`${titleOf(key)} ${summaryOf.get(key) ?? ""}`);
    }).length;
  const members = new Set(topic.members);
  const others = [...bodiesOf.keys()].filter((key) => !members.has(key));
  const elsewhere = (word: string) => others.filter((key) => firstWords(key).includes(word)).length;
  return given.filter((word) =>
    said(word) * 2 > topic.members.length && elsewhere(word) * 2 <= others.length
  ).sort().slice(0, 1);
}

/**
 * The head word of a phrase of two words or more, as its stem and as written ("server" of "DNS
 * servers"); undefined for a phrase of one word, or of one written word ("after-queue").
 */
function headOf(phrase: string, text: string): { stem: string; word: string } | undefined {
  const word = text.slice(text.lastIndexOf(" ") + 1).toLowerCase();
  const stem = phrase.slice(phrase.lastIndexOf(" ") + 1);
  return text.includes(" ") && phraseKey(word) === stem ? { stem, word } : undefined;
}

/** Each head (its stem) of the notes' phrases and the notes that have a phrase it heads. */
function headTable(phrasesOf: Map<string, Map<string, string>>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [key, phrases] of phrasesOf) {
    for (const [phrase, text] of phrases) {
      const head = headOf(phrase, text);
      if (!head) continue;
      let notes = out.get(head.stem);
      if (!notes) out.set(head.stem, notes = new Set());
      notes.add(key);
    }
  }
  return out;
}

/** A noun of an act: "reduction", "improvement". */
const ACT = /\p{L}{3}(?:tion|sion|ment)s?$/u;

/** Least phrases of one head, each a different thing of its kind, that name a topic by it. */
const KINDS_MIN = 3;

/**
 * The kind of thing most of a topic's notes are each about one of: the head that more than half
 * of its notes (three or more) end phrases on, in {@link KINDS_MIN} different phrases or more
 * ("servers" of "DNS server", "DHCP server" and "NFS server"), as its notes write it in the
 * plural if they do, with the phrases of that kind from as many of its notes as may be, at most
 * three. Not an everyday word ("file" of "log file", "database file"), nor a head the vault's
 * notes have as widely as the topic's (see {@link vaultCommon}), nor an act, whose phrases name
 * what it is done to ("arms reduction", "deficit reduction", "tax reduction" of three addresses);
 * a body's name is of no kind ("United Nations").
 */
function sharedHead(
  topic: Topic,
  phrasesOf: Map<string, Map<string, string>>,
  heads: Map<string, Set<string>>,
  bodiesOf: Map<string, string[]>,
): { word: string; phrases: string[] } | undefined {
  const size = topic.members.length;
  if (size < 3) return undefined;
  const inTopic = new Map<string, { phrases: Map<string, string[]>; notes: Set<string> }>();
  for (const key of topic.members) {
    const bodies = new Set(bodiesOf.get(key)?.map((b) => b.toLowerCase()));
    for (const [phrase, text] of phrasesOf.get(key) ?? []) {
      const head = headOf(phrase, text);
      if (!head || bodies.has(text.toLowerCase()) || ACT.test(head.word)) continue;
      let kind = inTopic.get(head.stem);
      if (!kind) inTopic.set(head.stem, kind = { phrases: new Map(), notes: new Set() });
      kind.phrases.set(phrase, [...kind.phrases.get(phrase) ?? [], key]);
      kind.notes.add(key);
    }
  }
  const wordsOf = (stem: string) =>
    topic.members.flatMap((key) =>
      [...phrasesOf.get(key) ?? []].map(([phrase, text]) => headOf(phrase, text))
        .filter((h) => h?.stem === stem).map((h) => h!.word)
    );
  const found = [...inTopic]
    .map(([stem, kind]) => ({ stem, ...kind, word: mostCommon(wordsOf(stem)) }))
    .filter(({ stem, phrases, notes, word }) =>
      2 * notes.size > size && phrases.size >= KINDS_MIN && !STOPWORDS.has(word) &&
      !isGenericWord(word) &&
      !vaultCommon(heads.get(stem)!.size, notes.size, phrasesOf.size - size, phrasesOf.size)
    )
    .sort((a, b) =>
      b.notes.size - a.notes.size || b.phrases.size - a.phrases.size || (a.stem < b.stem ? -1 : 1)
    )[0];
  if (!found) return undefined;
  const plural = wordsOf(found.stem).find((w) => w !== found.word);
  // "DNS server" (two notes), then "NFS server", not "email server" of the DNS note again.
  const covered = new Set<string>();
  const phrases: string[] = [];
  const byNotes = [...found.phrases].sort((a, b) =>
    b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1)
  );
  for (const [phrase, keys] of byNotes) {
    if (phrases.length === 3 || keys.every((key) => covered.has(key))) continue;
    keys.forEach((key) => covered.add(key));
    phrases.push(mostCommon(keys.map((key) => phrasesOf.get(key)!.get(phrase)!)));
  }
  return { word: plural && plural.length > found.word.length ? plural : found.word, phrases };
}

/** Words at a title's start that lead on to the rest: "about", "of the". */
const LEADING_ON = /(?:\s+(?:about|for|of|on|in|to|the|a|an|with|and|or|from|by|at))+$/iu;

/** The word a number follows in a series' titles: "LaTeX News, Issue" of "LaTeX News, Issue 34". */
const NUMBERED =
  /[\s,;:–—-]+(?:issue|volume|vol\.?|number|no\.?|part|chapter|episode|lecture|release|version)$/iu;

/** Share of a topic's notes whose titles must start alike to name it after them. */
const SERIES = 0.6;

/**
 * The start that most of a topic's note titles share, when they are a series ("What’s New in
 * Python 2.0", "What’s New in Python 2.1"...): two words or more, without the numbers and
 * separators that tell the parts apart; undefined when there is none.
 */
function seriesTitle(topic: Topic): string | undefined {
  if (topic.members.length < 3) return undefined;
  const titles = topic.members.map((key) => titleOf(key).split(/\s+/u));
  // Compared case-blind ("What’s New In Python 3.0", "What’s New in Python 2.7"); one title
  // twice (the same README in two packages) is no series.
  const starts = new Map<string, string[]>();
  const distinct = new Map<string, Set<string>>();
  for (const words of titles) {
    for (let n = 2; n < words.length; n++) {
      const start = words.slice(0, n).join(" ");
      const key = start.toLowerCase();
      const spellings = starts.get(key);
      if (spellings) spellings.push(start);
      else starts.set(key, [start]);
      if (!distinct.has(key)) distinct.set(key, new Set());
      // "... (2)": the vault's second note of one name.
      distinct.get(key)!.add(words.join(" ").toLowerCase().replace(/ \(\d+\)$/u, ""));
    }
  }
  let best: string | undefined;
  for (const key of starts.keys()) {
    if (distinct.get(key)!.size < SERIES * titles.length) continue;
    // "debian-reference (Version": a start that opens a bracket and leaves it open.
    if (/[([][^)\]]*$/u.test(key)) continue;
    if (!best || key.length > best.length) best = key;
  }
  // "Frequently Asked Questions about" of "... about lsof" and "... about zlib": the words that
  // lead on to what differs are no part of what is shared.
  const name = best && mostCommon(starts.get(best)!).replace(/[\s\p{N}.,;:–—-]+$/u, "")
    .replace(NUMBERED, "").replace(LEADING_ON, "");
  // "How to" of "How to revert a faulty merge", "How to use git-daemon": a start of everyday
  // words says how the titles are written, not what the notes are about; so does the kind of
  // text they are ("Frequently Asked Questions").
  return name && name.includes(" ") && !name.split(/\s+/u).every(isGenericWord) &&
      !isUpkeep(name)
    ? name
    : undefined;
}

/** Words a title capitalises that link the words of a name, and are none of it. */
const LINKING =
  /^(?:The|A|An|For|Of|On|In|Into|To|As|At|By|With|From|And|Or|Versus|Vs\.?|Via|About)$/u;

/**
 * The name of two capitalised words or more that the most of a topic's note titles hold, the
 * longest of those, wherever in the title: "GNU Compiler Collection" of "The Debian GNU
 * Compiler Collection setup" and "Reporting Bugs in the GNU Compiler Collection for Debian".
 * Nothing of a person's name, named in the text or not (no initial): "Dwight D. Eisenhower" of
 * seven addresses by one president, which are not about him. Undefined when there is none.
 */
function sharedTitleName(topic: Topic, peopleOf: Map<string, string[]>): string | undefined {
  if (topic.members.length < 3) return undefined;
  const named = new Set(
    topic.members.flatMap((key) => peopleOf.get(key) ?? [])
      .flatMap((p) => p.toLowerCase().split(" ")).filter((w) => w.length > 1),
  );
  // A file's name holds a person's without the text naming them: "1953 Dwight D. Eisenhower".
  const ofPerson = (low: string) =>
    low.split(" ").some((w) => named.has(w) || /^\p{L}\.?$/u.test(w));
  const holding = new Map<string, Set<string>>();
  const spellings = new Map<string, string[]>();
  for (const key of topic.members) {
    // "Frequently Asked Questions" says what kind of text each is, not what it is about.
    const title = withoutOwnNotes(titleOf(key).replace(/ \(\d+\)$/u, ""), "·");
    for (const run of title.matchAll(/(?:\p{Lu}[\p{L}\p{N}+.-]*)(?: \p{Lu}[\p{L}\p{N}+.-]*)+/gu)) {
      const words = run[0].split(" ");
      for (let a = 0; a < words.length; a++) {
        // "The Debian GNU...": an article opens no name, nor does a word that links ("For
        // SQLite" of "Appropriate Uses For SQLite" and "Command Line Shell For SQLite").
        if (LINKING.test(words[a])) continue;
        for (let b = a + 2; b <= words.length; b++) {
          if (LINKING.test(words[b - 1])) continue;
          const name = words.slice(a, b).join(" ");
          const low = name.toLowerCase();
          if (!holding.has(low)) holding.set(low, new Set());
          holding.get(low)!.add(key);
          spellings.set(low, [...spellings.get(low) ?? [], name]);
        }
      }
    }
  }
  const best = [...holding]
    .filter(([low, keys]) =>
      keys.size >= SERIES * topic.members.length && !ofPerson(low) &&
      !low.split(" ").every((w) => isGenericWord(w))
    )
    .sort((a, b) =>
      b[1].size - a[1].size || b[0].split(" ").length - a[0].split(" ").length ||
      (a[0] < b[0] ? -1 : 1)
    )[0];
  return best && mostCommon(spellings.get(best[0])!);
}

/**
 * The word the titles of a topic of two notes both say (by stem), capitalised, the rarest in
 * English of those: "parallelism" of "threading — Thread-based parallelism" and "multiprocessing
 * — Process-based parallelism". Not an everyday word, nor a compound of everyday words
 * ("High-level"), nor what kind of text both are ("README" of "bc README" and "ed README").
 * Undefined when there is none.
 */
function pairTitleWord(topic: Topic): string | undefined {
  const wordsOf = (key: string) =>
    titleOf(key).replace(/ \(\d+\)$/u, "").split(/[^\p{L}\p{N}'’-]+/u)
      .filter((w) => /\p{L}{3}/u.test(w));
  const [first, second] = topic.members.map(wordsOf);
  const stems = new Set(second.map(phraseKey));
  const rare = (w: string) => w.toLowerCase().split("-").some((p) => englishRank(p) > GENERIC_RANK);
  const shared = first.filter((w) =>
    stems.has(phraseKey(w)) && !STOPWORDS.has(w.toLowerCase()) && rare(w) && !isUpkeep(w)
  ).sort((a, b) => englishRank(b.toLowerCase()) - englishRank(a.toLowerCase()));
  return shared.length > 0 ? cap(shared[0]) : undefined;
}

/** Least share of a topic's notes whose titles one of two words must be in (see
 * {@link titleWordPair}). */
const PAIR_COVER = 0.8;

/**
 * Two words of the topic's note titles that between them are in most of the titles, each in two
 * or more, one of them no everyday word, in the plural where a title writes it in small letters,
 * else as the titles spell it: "Files and pathnames" for os.path and glob ("Common pathname
 * manipulations", "Unix style pathname pattern expansion"), shutil and tempfile ("High-level file
 * operations", "Generate temporary files and directories"), which their tags' "symbolic link" had
 * named. Not a word most of the vault's
 * titles say (`titledByMost`), which is what the vault is about. Undefined when there are none.
 */
function titleWordPair(topic: Topic, titledByMost: ReadonlySet<string>): string | undefined {
  if (topic.members.length < 4) return undefined;
  const holding = new Map<string, { keys: Set<string>; spellings: string[] }>();
  for (const key of topic.members) {
    // "os.path — Common pathname manipulations": the words after the name of the thing.
    const title = titleOf(key).replace(/ \(\d+\)$/u, "");
    for (const word of title.slice(title.indexOf(" — ") + 1).split(/[^\p{L}'’-]+/u)) {
      const low = word.toLowerCase();
      if (!/^\p{L}{3}/u.test(word) || STOPWORDS.has(low) || SAYS_HOW.test(`${low} `)) continue;
      if (isUpkeep(word) || low.includes("-") || PARTS.test(low)) continue;
      const stem = phraseKey(word);
      // "Debian" of most of the Debian FAQ's titles: what the vault is about, not this topic.
      if (titledByMost.has(stem)) continue;
      if (!holding.has(stem)) holding.set(stem, { keys: new Set(), spellings: [] });
      holding.get(stem)!.keys.add(key);
      holding.get(stem)!.spellings.push(word);
    }
  }
  const words = [...holding.values()].filter((h) => h.keys.size >= 2);
  let best: { a: typeof words[0]; b: typeof words[0]; covered: number } | undefined;
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j < words.length; j++) {
      const [a, b] = [words[i], words[j]];
      const covered = new Set([...a.keys, ...b.keys]).size;
      const rare = [a, b].some((h) =>
        englishRank(mostCommon(h.spellings).toLowerCase()) > GENERIC_RANK
      );
      if (!rare || covered < PAIR_COVER * topic.members.length) continue;
      if (!best || covered > best.covered) best = { a, b, covered };
    }
  }
  if (!best) return undefined;
  // A word some title writes in small letters is a thing's, said in the plural ("pathnames");
  // one every title writes with a capital is a name, said as written ("Debian").
  const said = (h: { spellings: string[] }) =>
    h.spellings.some((w) => w === w.toLowerCase())
      ? plural(mostCommon(h.spellings.map((w) => w.toLowerCase())))
      : mostCommon(h.spellings);
  const [first, second] = [best.a, best.b].map(said)
    .sort((x, y) =>
      englishRank(x.toLowerCase()) - englishRank(y.toLowerCase()) || (x < y ? -1 : 1)
    );
  return `${cap(first)} and ${second}`;
}

/** Words that name a part of a book or a series, which most titles of one may say. */
const PARTS =
  /^(?:chapter|section|part|appendix|page|lesson|lecture|unit|volume|episode|issue)s?$/u;

/** A noun's plural as English writes most: "files", "pathnames", "directories", "boxes"; not
 * of a noun of doing ("logging"). */
function plural(word: string): string {
  if (/(?:s|ing)$/u.test(word)) return word;
  if (/[^aeiou]y$/u.test(word)) return `${word.slice(0, -1)}ies`;
  return /(?:x|z|ch|sh)$/u.test(word) ? `${word}es` : `${word}s`;
}

/** Words that open a title's phrase by saying how or when, not what ("new features", "basic
 * usage", "simple examples"). */
const SAYS_HOW = /^(?:new|old|basic|simple|general|more|other|further|advanced|common|quick) /u;

/**
 * The phrase of two or three words in small letters that most of a topic's note titles hold,
 * the longest of those: "protocol client" of "ftplib — FTP protocol client", "poplib — POP3
 * protocol client"... (Python's library pages), which their tags' "timeout parameter" had
 * named. Not words of no meaning, nor everyday words alone ("how to"), nor {@link SAYS_HOW}.
 * Undefined when there is none.
 */
function sharedTitlePhrase(topic: Topic): string | undefined {
  if (topic.members.length < 3) return undefined;
  const holding = new Map<string, Set<string>>();
  for (const key of topic.members) {
    const words = titleOf(key).replace(/ \(\d+\)$/u, "").split(/\s+/u);
    for (let a = 0; a < words.length; a++) {
      for (let b = a + 2; b <= Math.min(words.length, a + 3); b++) {
        const run = words.slice(a, b);
        if (!run.every((w) => /^\p{Ll}[\p{Ll}-]*$/u.test(w) && !STOPWORDS.has(w))) continue;
        const low = run.join(" ");
        if (!holding.has(low)) holding.set(low, new Set());
        holding.get(low)!.add(key);
      }
    }
  }
  const best = [...holding]
    .filter(([low, keys]) =>
      keys.size >= SERIES * topic.members.length && !SAYS_HOW.test(low) &&
      low.split(" ").some((w) => englishRank(w) > GENERIC_RANK)
    )
    .sort((a, b) =>
      b[1].size - a[1].size || b[0].split(" ").length - a[0].split(" ").length ||
      (a[0] < b[0] ? -1 : 1)
    )[0];
  return best && cap(best[0]);
}

/**
 * A folder's name with each word that abbreviates two or more words most of the topic's titles
 * hold written as they write them: "Git Relnotes" of "Git v2.39 Release Notes" is "Git Release
 * Notes". A word abbreviates words when it is their starts run together, three letters of each at
 * least or the whole word ("rel" + "notes").
 */
function spelledOutInTitles(name: string, topic: Topic): string {
  const titles = topic.members.map((key) => titleOf(key).split(/\s+/u));
  return name.split(" ").map((word) => {
    const low = word.toLowerCase();
    if (low.length < 6) return word;
    const runs = new Map<string, number>();
    for (const words of titles) {
      const found = new Set<string>();
      for (let from = 0; from < words.length; from++) {
        const to = abbreviates(low, words, from);
        if (to !== undefined) found.add(words.slice(from, to).join(" "));
      }
      for (const run of found) runs.set(run, (runs.get(run) ?? 0) + 1);
    }
    const best = [...runs].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    return best && best[1] >= SERIES * titles.length ? best[0] : word;
  }).join(" ");
}

/**
 * A folder's name of one everyday word with the words that follow it in half of the topic's
 * titles or more: Python's `using` is "Using Python", after "Using Python on Unix platforms",
 * "Using Python on Windows" and "Using Python on a Mac"; not "Using Python on", a word that links.
 */
function saidOnInTitles(name: string, topic: Topic): string {
  if (!isGenericWord(name)) return name;
  const titles = topic.members.map((key) => titleOf(key).split(/\s+/u));
  const words = [name];
  for (;;) {
    const low = words.map((w) => w.toLowerCase());
    const next = new Map<string, string[]>();
    for (const title of titles) {
      const at = title.findIndex((_, i) => low.every((w, k) => title[i + k]?.toLowerCase() === w));
      const word = at < 0 ? undefined : title[at + low.length];
      if (word === undefined || !/^\p{L}[\p{L}\p{N}]*$/u.test(word) || LINKING.test(cap(word))) {
        continue;
      }
      next.set(word.toLowerCase(), [...next.get(word.toLowerCase()) ?? [], word]);
    }
    const best = [...next.values()].sort((a, b) => b.length - a.length)[0];
    if (!best || best.length * 2 < titles.length) return words.join(" ");
    words.push(mostCommon(best));
  }
}

/**
 * The index past the last of two words or more from `from` whose starts run together make
 * `abbreviation`, each start three letters at least or the whole word; undefined when none do.
 */
function abbreviates(abbreviation: string, words: string[], from: number): number | undefined {
  const match = (at: number, k: number): number | undefined => {
    if (at === abbreviation.length) return k - from >= 2 ? k : undefined;
    const word = words[k]?.toLowerCase();
    if (word === undefined || !/^\p{L}+$/u.test(word)) return undefined;
    for (let length = word.length; length >= Math.min(3, word.length); length--) {
      if (!abbreviation.startsWith(word.slice(0, length), at)) continue;
      const end = match(at + length, k + 1);
      if (end !== undefined) return end;
    }
    return undefined;
  };
  return match(0, from);
}

/**
 * Whether a folder's name of one word is two words or more of a name's start run together:
 * "whatsnew" of "What’s New in Python".
 */
function runTogether(folder: string, name: string): boolean {
  if (/\s/u.test(folder)) return false;
  const squashed = (word: string) => word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  const whole = squashed(folder);
  let start = "";
  for (const [k, word] of name.split(/\s+/u).entries()) {
    start += squashed(word);
    if (start === whole) return k >= 1;
    if (!whole.startsWith(start)) return false;
  }
  return false;
}

/** The folder at least half of a topic's notes come from, "" when none does. */
function mainFolder(topic: Topic, folderOf: Map<string, string>): string {
  const counts = new Map<string, number>();
  for (const key of topic.members) {
    const folder = folderOf.get(key) ?? "";
    counts.set(folder, (counts.get(folder) ?? 0) + 1);
  }
  const [folder, count] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ??
    ["", 0];
  return count * 2 >= topic.members.length ? folder : "";
}

/** A mail or web address, or a site's name: "bug-bash@gnu.org", "https://x.org/a", "gnu.org". */
const ADDRESS =
  /\S*(?:@|:\/\/)\S*|[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:org|com|net|edu|gov|io)\b\S*/gu;

/**
 * A name with each word spelled as the topic's note names (and summaries) spell it: the folder
 * "sqlite" holds "Atomic Commit In SQLite", so the map is "SQLite"; "sql queries" is "SQL
 * queries"; "american people" is "American people" where the summaries write "American" inside
 * their sentences, never "american". The parts of a hyphenated word are spelled one by one
 * ("SHA-1").
 */
function spelledAsNotes(name: string, topic: Topic, summaryOf?: Map<string, string>): string {
  const spellings = new Map<string, Map<string, number>>();
  const inside = new Map<string, { capital: number; lower: number }>();
  for (const key of topic.members) {
    const base = titleOf(key);
    const text = `${base} ${summaryOf?.get(key) ?? ""}`;
    const count = (key: string, word: string) => {
      let counts = spellings.get(key);
      if (!counts) spellings.set(key, counts = new Map());
      counts.set(word, (counts.get(word) ?? 0) + 1);
    };
    // Not the words of an address: "bug-coreutils@gnu.org" spells no "GNU". Nor a part of a
    // command's name in small letters: "apt-get" and "apt-cache" spell no "apt" where the
    // notes write "APT"; nor of an identifier ("SYSTEMD_NSPAWN_API_VFS_WRITABLE").
    for (const token of text.replace(ADDRESS, " ").split(/[^\p{L}\p{N}_-]+/u)) {
      if (token.includes("_")) continue;
      const parts = token.split("-");
      for (const word of parts) {
        if (parts.length === 1 || word !== word.toLowerCase()) count(word.toLowerCase(), word);
      }
    }
    // Inside a sentence of the summary, a capital is the word's own ("American").
    for (const [, word] of (summaryOf?.get(key) ?? "").matchAll(/(?<![.!?:]|^)\s+(\p{L}+)/gu)) {
      const low = word.toLowerCase();
      const seen = inside.get(low) ?? { capital: 0, lower: 0 };
      if (/^\p{Lu}\p{Ll}+$/u.test(word)) seen.capital++;
      else if (word === low) seen.lower++;
      inside.set(low, seen);
    }
    // "Node.js" spells the folder "nodejs": a name with a dot in it, as one word.
    for (const [dotted] of text.matchAll(/\p{L}[\p{L}\p{N}]*(?:\.\p{L}[\p{L}\p{N}]*)+/gu)) {
      count(dotted.replaceAll(".", "").toLowerCase(), dotted);
    }
  }
  // The spelling the notes use most, when it has capitals or a dot of its own: not "ROLLBACK"
  // from a statement quoted once beside "rollback" written ten times.
  const spell = (word: string) => {
    const counts = spellings.get(word.toLowerCase());
    if (!counts) return word;
    const most = mostCommon([...counts].flatMap(([w, n]) => Array(n).fill(w)));
    if (/\p{Lu}.*\p{Lu}|\p{Ll}\p{Lu}|\./u.test(most)) return most;
    const seen = inside.get(word.toLowerCase());
    // Mostly: "the apache proxy", once in a key point, is no spelling beside a dozen "Apache".
    return seen && seen.capital >= 2 && seen.capital >= 3 * seen.lower
      ? word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()
      : word;
  };
  return name.split(" ").map((word) => word.split("-").map(spell).join("-")).join(" ");
}

/**
 * A name with the words of a proper name spelled as the notes write that name: the phrase
 * "united nations" is the map "United Nations", "Soviet Union and arms control" keeps its capitals.
 */
function spelledAsNamed(name: string, topic: Topic, namesOf: Map<string, string[]>): string {
  const words = name.split(" ");
  const lower = words.map((w) => w.toLowerCase());
  for (const key of topic.members) {
    for (const named of namesOf.get(key) ?? []) {
      const parts = named.split(" ");
      // A name that is an everyday word ("Hope") would capitalise the word.
      if (parts.length === 1 && englishRank(named.toLowerCase()) <= GENERIC_RANK) continue;
      const low = parts.map((w) => w.toLowerCase());
      for (let at = 0; at + low.length <= lower.length; at++) {
        if (low.every((w, k) => lower[at + k] === w)) words.splice(at, parts.length, ...parts);
      }
    }
  }
  return words.join(" ");
}

/** A single word English uses every day, or a compound of them ("Built-in", "High-level"): no
 * name for a topic. Not a compound with a part in capitals, which names something ("MS-Windows",
 * Vim's word for it). */
export function isGenericWord(name: string): boolean {
  const words = name.split(/\s+/u).filter((w) => w !== "");
  if (words.length !== 1) return false;
  const parts = words[0].split("-").filter((part) => part !== "");
  if (parts.length > 1 && parts.some((part) => /^\p{Lu}{2,}$/u.test(part))) return false;
  return parts.length > 0 && parts.every((part) => englishRank(part.toLowerCase()) <= GENERIC_RANK);
}

/** A note's phrases by stem key, each with how the note spells it. */
function notePhrases(note: PhraseNote): Map<string, string> {
  const out = new Map<string, string>();
  for (const phrase of [...note.keyphrases, ...note.tags.map(tagPhrase)]) {
    const text = phrase.replace(/\s+/gu, " ").trim();
    const key = phraseKey(text);
    if (key !== "" && !out.has(key) && !isUpkeep(text)) out.set(key, text);
  }
  // The words that modify its phrases too: "python lists" and "python version" are both about
  // Python. Not their heads: "file format", "dimacs format" and "compressed file format" name
  // three kinds of thing, and "Format" named three unrelated manuals. And the first part of a
  // modifier joined by hyphens, or of a phrase of one such word: "apt-file command", "apt-cache
  // policy" and "apt-show-versions" are all about APT, which named no map of the Debian
  // Handbook's APT sections.
  for (const text of [...out.values()]) {
    const words = text.split(/\s+/u);
    const modifiers = words.slice(0, -1);
    const firstParts = (words.length === 1 ? words : modifiers)
      .flatMap((word) => /^(\p{L}{3,})-\p{L}/u.exec(word)?.[1] ?? []);
    for (const modifier of [...modifiers, ...firstParts]) {
      const key = phraseKey(modifier);
      if (key !== "" && !out.has(key) && !isGenericWord(modifier)) out.set(key, modifier);
    }
  }
  return out;
}

/**
 * The topic's phrases by class-based TF-IDF, best first, each as most of its notes spell it,
 * with the share of the notes that have it.
 */
function rankPhrases(
  topic: Topic,
  phrasesOf: Map<string, Map<string, string>>,
  df: Map<string, number>,
  total: number,
  subjectWords: ReadonlySet<string> = new Set(),
): { text: string; cover: number }[] {
  const inTopic = new Map<string, string[]>();
  for (const key of topic.members) {
    for (const [phrase, text] of phrasesOf.get(key) ?? []) {
      let list = inTopic.get(phrase);
      if (!list) inTopic.set(phrase, list = []);
      list.push(text);
    }
  }
  const size = topic.members.length;
  const scored: { text: string; score: number; cover: number }[] = [];
  for (const [phrase, spellings] of inTopic) {
    // A name speaks for the topic: a phrase of one note only speaks for that note, and one of
    // three notes in sixteen for those three.
    if (size >= 2 && spellings.length < Math.max(2, COVER * size)) continue;
    if (vaultCommon(df.get(phrase)!, spellings.length, total - size, total)) continue;
    const words = phrase.split(" ");
    // "Generics", which some notes have as a thing, not "generic" of the "generic types" more
    // notes have: a word alone names a map as a thing.
    const common = mostCommon(spellings);
    const text = words.length === 1
      ? spellings.find((s) => s === `${common}s` || s === `${common}es`) ?? common
      : common;
    if (words.length === 1 && (isGenericWord(text) || isGenericWord(common))) continue;
    const length = words.length === 1 ? 0.8 : words.length <= 3 ? 1.2 : 0.7;
    const specific = Math.max(...text.toLowerCase().split(/[\s-]+/u).map(specificity));
    // "Apache HTTP server" of six pages of Apache's manual: each of its words is what the whole
    // vault is about, unless the topic is most of the vault.
    if (size <= VAULT_SUBJECT * total && words.every((w) => subjectWords.has(w))) continue;
    const score = (spellings.length / size) * Math.log(1 + total / df.get(phrase)!) * length *
      (0.3 + 0.7 * specific);
    scored.push({ text, score, cover: spellings.length / size });
  }
  return scored.sort((a, b) => b.score - a.score || (a.text < b.text ? -1 : 1));
}

/**
 * The stems more than half of a vault's notes say in their titles, summaries or phrases, when it
 * has enough notes to tell: what the vault is about ("apache" in 29 of 30 pages of Apache's
 * manual, "postfix" in all of Postfix's READMEs), which names none of its topics.
 */
function vaultSubjectWords(
  notes: PhraseNote[],
  phrasesOf: Map<string, Map<string, string>>,
): Set<string> {
  const subject = new Set<string>();
  if (notes.length < 2 * VAULT_COMMON_MIN) return subject;
  const said = new Map<string, number>();
  for (const note of notes) {
    const stems = new Set([
      ...phraseKey(`${titleOf(note.key)} ${note.summary ?? ""}`).split(" "),
      ...[...phrasesOf.get(note.key)?.keys() ?? []].flatMap((key) => key.split(" ")),
    ]);
    for (const stem of stems) said.set(stem, (said.get(stem) ?? 0) + 1);
  }
  for (const [stem, count] of said) if (count > VAULT_SUBJECT * notes.length) subject.add(stem);
  return subject;
}

/** The stems more than half of the notes' titles say. */
function mostTitlesSay(notes: PhraseNote[]): Set<string> {
  const said = new Map<string, number>();
  for (const note of notes) {
    for (const stem of new Set(phraseKey(titleOf(note.key)).split(" "))) {
      said.set(stem, (said.get(stem) ?? 0) + 1);
    }
  }
  return new Set([...said].filter(([, count]) => count > notes.length / 2).map(([stem]) => stem));
}

/** Phrases that do not repeat one another's words ("merge" after "faulty merge" adds nothing). */
function distinct(phrases: string[]): string[] {
  const kept: string[] = [];
  const seen = new Set<string>();
  for (const phrase of phrases) {
    const stems = phraseKey(phrase).split(" ");
    if (stems.every((s) => seen.has(s))) continue;
    kept.push(phrase);
    for (const s of stems) seen.add(s);
  }
  return kept;
}

function mostCommon(spellings: string[]): string {
  const counts = new Map<string, number>();
  for (const s of spellings) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
}

/**
 * Whether the notes of a topic write a word no English word list has only in small letters, in
 * their titles and summaries, twice or more, and once where an English word would have a capital:
 * "Porting systemd To New Distributions".
 */
function writtenSmall(word: string, topic: Topic, summaryOf: Map<string, string>): boolean {
  // Nor a compound of English words: "command-line" is no name.
  const english = (w: string) => englishRank(w) < Infinity;
  if (/\p{Lu}/u.test(word) || english(word) || word.split("-").every(english)) return false;
  // Not inside an identifier: "$SYSTEMD_FSTAB" is a variable's name.
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}_$])${RegExp.escape(word)}(?![\\p{L}\\p{N}_])`,
    "giu",
  );
  let small = 0;
  // Where an English word would have a capital: in a title, or opening a sentence ("mutable
  // reference" is small in the middle of any sentence).
  let telling = 0;
  for (const key of topic.members) {
    const title = titleOf(key);
    for (const found of `${title}\n${summaryOf.get(key) ?? ""}`.matchAll(pattern)) {
      if (found[0] !== word) return false;
      small++;
      const before = found.input.slice(0, found.index);
      if (found.index < title.length || /(?:^|\n|[.!?]\s+)$/u.test(before)) telling++;
    }
  }
  return small >= 2 && telling > 0;
}

/**
 * The title of a folder's own page, where it names the folder in a few words one of which the
 * folder's name starts or is started by, its ending aside: the Embedded Rust Book's
 * `start/index.html` is "Getting started", Rust by Example's `trait.html` "Traits", Python's
 * `using/index.html` "Python Setup and Usage"; any title where the folder is named for its
 * files' form. Not "Welcome to Lamp's documentation!".
 */
function ownPageTitle(folder: string, pages: ReadonlyMap<string, string>): string | undefined {
  // "start – Getting started": a title too plain to stand alone was given its folder's name.
  const page = [folder, `${folder}/index`, `${folder}/README`, `${folder}/readme`]
    .map((key) => pages.get(key)).find((t) => t !== undefined);
  const title = page && withoutOwner(page.replace(/\s+/gu, " ").trim());
  // mdBook's index.html is its first chapter: "What is rustdoc?" names no folder. Nor does a
  // name of code ("macro_rules!" for Rust by Example's `macros`, "match").
  if (
    title === undefined || title.split(" ").length > OWN_PAGE_WORDS || /\?$/u.test(title) ||
    !/\p{Lu}/u.test(title) || /[_!(){}<>=;]/u.test(title)
  ) {
    return undefined;
  }
  const root = (word: string) => word.replace(/(?:ing|ages?|ations?|e[sd]?|s)$/u, "");
  const own = folder.slice(folder.lastIndexOf("/") + 1);
  const name = own.toLowerCase().split(/[\s_.-]+/u).map(root);
  const words = title.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 2)
    .map(root);
  const starts = (a: string, b: string) => a.length >= 2 && b.length >= 2 && a.startsWith(b);
  // A folder named for the form its files take ("html", "docs") names nothing of them.
  return FORM_FOLDER.test(own) || words.some((w) => name.some((n) => starts(w, n) || starts(n, w)))
    ? title
    : undefined;
}

/** Folder names that say what form the files take, not what they are about: libxslt's API
 * reference is in `html`, its own page "Reference Manual for libxslt". */
const FORM_FOLDER =
  /^(?:html?|xhtml|pdf|docs?|documentation|www|web|site|pages|files|content|txt|text)$/iu;

/** Most words of a folder's own page's title that names its map: Python's `extending` is
 * "Extending and Embedding the Python Interpreter", six. */
const OWN_PAGE_WORDS = 6;

function withoutExtension(path: string): string {
  return path.replace(/\.[^./]+$/u, "");
}

/**
 * A map's name as a reader tells it from another: by its words' stems and its other marks, so
 * that "Trait" (the Rust by Example folder `trait`) and "Traits" (a topic of the same book) are
 * one name, "C++" and "C#" two.
 */
function takenKey(name: string): string {
  return `${phraseKey(name)}|${name.toLowerCase().replace(/[\p{L}\p{N}\s]/gu, "")}`;
}

/** The title of the note `key` as stem keys between spaces, to find a phrase's key in. */
function titleKey(key: string): string {
  return ` ${phraseKey(titleOf(key))} `;
}

/** A note's title as its vault name shows it: "Sources/Rerere.md" is "Rerere". */
function titleOf(key: string): string {
  return key.slice(key.lastIndexOf("/") + 1).replace(/\.md$/u, "");
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A tag's last part as words: "databases/write-ahead-log" is "write ahead log". */
function tagPhrase(tag: string): string {
  return tag.slice(tag.lastIndexOf("/") + 1).replace(/[-_]+/g, " ");
}
