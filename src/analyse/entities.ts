/**
 * @module
 * Names found by the language pass, cleaned into the lists a note shows: possessives and stray
 * punctuation dropped, a surname alone counted for the full name it belongs to, ranked by how
 * often they are mentioned.
 */
import { distance } from "fastest-levenshtein";
import { englishRank, GENERIC_RANK } from "./commonness.ts";
import { lexiconTag, type Span } from "./language.ts";

/** Something that is plainly a name: capitalised words, a few connecting ones, no markup. */
const NAME =
  /^\p{Lu}[\p{L}\p{M}\p{N}.'’&-]*(?:[ ](?:of|de|da|van|von|der|la|le|du|and|the|for|\p{Lu}[\p{L}\p{M}\p{N}.'’&-]*)){0,5}$/u;

export interface NameOptions {
  /** Count a lone word toward the one longer name that ends or starts with it ("Lovelace"). */
  mergeParts: boolean;
  limit: number;
  /** What the names are: people and organisations get their own checks. */
  kind?: "person" | "organization" | "place";
}

/** The distinct names among the spans, most mentioned first, ties in order of appearance. */
export function rankNames(spans: Span[], options: NameOptions, extra: string[] = []): string[] {
  const counts = new Map<string, { name: string; count: number; first: number }>();
  const handles = new Set<string>();
  const add = (raw: string, at: number) => {
    // "@inikep": a handle a credit names, kept as written without its "@".
    if (options.kind === "person" && HANDLE.test(raw)) {
      const key = raw.slice(1).toLowerCase();
      handles.add(key);
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { name: raw.slice(1), count: 1, first: at });
      return;
    }
    const clean = cleanName(raw);
    if (!clean) return;
    const names = options.kind === "person"
      ? personNames(clean)
      : options.kind === "organization" && isAcronym(clean) &&
          // "IBM", "AT&T" as compromise knows them; two letters are too ambiguous ("BP").
          !(clean.length > 2 && /Organization/u.test(lexiconTag(clean.toLowerCase())))
      ? []
      : [clean];
    for (const name of names) {
      const key = name.toLowerCase();
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { name, count: 1, first: at });
    }
  };
  extra.forEach((name, i) => add(name, -extra.length + i));
  for (const span of spans) add(span.text, span.start);

  if (options.mergeParts) {
    const full = [...counts.values()].filter((e) => e.name.includes(" "));
    for (const [key, entry] of counts) {
      if (entry.name.includes(" ")) continue;
      const owners = full.filter((f) => {
        const parts = f.name.toLowerCase().split(" ");
        return parts[0] === key || parts[parts.length - 1] === key;
      });
      if (owners.length === 1) {
        owners[0].count += entry.count;
        counts.delete(key);
      }
    }
  }
  if (options.kind === "person") {
    mergeInitials(counts);
    mergeVariants(counts);
    // A lone word named once is more often a product or a word in capitals than a person.
    for (const [key, entry] of counts) {
      if (!entry.name.includes(" ") && entry.count < 2 && !handles.has(key)) counts.delete(key);
    }
  }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || a.first - b.first)
    .slice(0, options.limit)
    .map((e) => e.name);
}

/** A name as a note shows it, or undefined when the span is no usable name. */
export function cleanName(raw: string): string | undefined {
  let name = raw.replace(/\s+/gu, " ").trim()
    .replace(/^["'“”‘’(\[]+|["'“”‘’)\],;:!?]+$/gu, "")
    .replace(/['’]s$/u, "")
    .replace(/\.$/u, (dot) => (/\b\p{Lu}\.$/u.test(raw.trim()) ? dot : ""))
    .trim();
  // Shouted transcripts ("MARIA LOPEZ") read better in title case; one word in capitals is
  // more likely an acronym ("NASA") and stays as it is.
  if (name.includes(" ") && name === name.toUpperCase() && /\p{Lu}{2}/u.test(name)) {
    name = name.toLowerCase().replace(/(^|[ -])(\p{L})/gu, (_, sep, c) => sep + c.toUpperCase());
  }
  if (name.length < 2 || name.length > 60 || !NAME.test(name)) return undefined;
  return name;
}

const HANDLE = /^@[\p{L}][\p{L}\p{N}_-]+$/u;

/** Keys that name keys on a keyboard, not people ("Page Up", "Ctrl"). */
const KEYS = new Set(
  ("page up down home end enter return escape esc tab shift ctrl control alt option command cmd " +
    "backspace delete del insert ins space spacebar left right caps lock num print screen")
    .split(" "),
);
const CONJUNCTION =
  /^(?:and|but|or|so|then|yet|if|when|while|because|as|thanks|dear|hi|hello|nor)$/iu;

/**
 * The people a cleaned name stands for: none when it is an acronym, a code identifier, keys of a
 * keyboard or a cut-off word ("Merle-"); conjunctions at its ends dropped ("But Abraham"), cut
 * at a contraction ("Homer I've"), and a run-together list split ("Smith and Jones").
 */
export function personNames(name: string): string[] {
  return name.split(/ (?:and|&) /u).flatMap((part) => {
    let words = part.split(" ");
    const contraction = words.findIndex((w) =>
      /['’]\p{Ll}/u.test(w) && !/^\p{Lu}['’]\p{Lu}/u.test(w)
    );
    if (contraction >= 0) words = words.slice(0, contraction);
    while (words.length > 0 && CONJUNCTION.test(words[0])) words = words.slice(1);
    while (words.length > 0 && CONJUNCTION.test(words[words.length - 1])) {
      words = words.slice(0, -1);
    }
    const person = words.join(" ");
    if (person.length < 2 || !/^\p{Lu}/u.test(person)) return [];
    if (/^-|-$/u.test(person) || /[_\d/\\@#]/u.test(person)) return [];
    if (words.some((w) => isAcronym(w))) return [];
    // Code and products: "os.path", "JavaScript", "PostgreSQL".
    if (words.some((w) => /\p{L}\.\p{Ll}/u.test(w) || /\p{Ll}{3,}\p{Lu}/u.test(w))) return [];
    if (words.every((w) => KEYS.has(w.toLowerCase()) || /^F\d{1,2}$/u.test(w))) return [];
    return [person];
  });
}

/** A word in capitals ("ABI", "URI", "LANG"): an acronym, not a person or an organisation. */
function isAcronym(word: string): boolean {
  return !word.includes(" ") && /^\p{Lu}[\p{Lu}\p{N}&-]+s?$/u.test(word) && !/\./u.test(word);
}

/**
 * Spellings of one person counted as one, under the name used most: a first name shortened
 * ("Jeff Dean" / "Jeffrey Dean") or a surname misheard or misspelt ("Merleau-Ponty" /
 * "Merlot-Ponty": edit distance at most a fifth of the name's length, same first letter).
 */
function mergeVariants(counts: Counts) {
  const entries = [...counts.entries()].sort((a, b) =>
    b[1].count - a[1].count || b[1].name.length - a[1].name.length || a[1].first - b[1].first
  );
  for (let i = 0; i < entries.length; i++) {
    const [key, entry] = entries[i];
    if (!counts.has(key)) continue;
    for (let j = i + 1; j < entries.length; j++) {
      const [otherKey, other] = entries[j];
      if (!counts.has(otherKey) || !samePerson(key, otherKey)) continue;
      entry.count += other.count;
      entry.first = Math.min(entry.first, other.first);
      // The fuller first name is the canonical one ("Jeffrey Dean" over "Jeff Dean").
      if (other.name.length > entry.name.length && shortened(key, otherKey)) {
        entry.name = other.name;
      }
      counts.delete(otherKey);
    }
  }
}

type Counts = Map<string, { name: string; count: number; first: number }>;

/** A name's given names and surname, initials apart ("s.c. north" gives s., c. and north). */
function nameParts(key: string): { given: string[]; surname: string } {
  const words = key.replace(/\.(?=\p{L})/gu, ". ").split(" ").filter((w) => w !== "");
  const at = words.findIndex((w, i) => i > 0 && CONNECTING.test(w));
  const cut = at > 0 ? at : words.length - 1;
  return { given: words.slice(0, cut), surname: words.slice(cut).join(" ") };
}
const CONNECTING = /^(?:de|da|di|del|della|van|von|der|den|la|le|du|bin|ibn)$/u;

/** One given name written for the other: the same, an initial of it, or shortened ("jeff"). */
function sameGiven(a: string, b: string): boolean {
  const initial = (w: string) => /^\p{L}\.?$/u.test(w) || /^\p{L}\.-\p{L}\.$/u.test(w);
  if (a === b) return true;
  if (initial(a) || initial(b)) return a[0] === b[0];
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 3 && long.startsWith(short);
}

/** The given names of one can be read in the other's: first names alike, middle ones in order
 * or left out ("terry reedy", "terry j. reedy"; "e. koutsofios", "eleftherios koutsofios"). */
function compatible(a: string, b: string): boolean {
  const [x, y] = [nameParts(a), nameParts(b)];
  if (x.surname !== y.surname || x.given.length === 0 || y.given.length === 0) return false;
  if (!sameGiven(x.given[0], y.given[0])) return false;
  const [short, long] = x.given.length <= y.given.length ? [x.given, y.given] : [y.given, x.given];
  let j = 1;
  for (const w of short.slice(1)) {
    while (j < long.length && !sameGiven(w, long[j])) j++;
    if (j++ >= long.length) return false;
  }
  return true;
}

/**
 * A name written with initials or without its middle name counted for the fuller one it can only
 * stand for ("S.C. North" and "Stephen North" for "Stephen C. North"), which becomes the name
 * shown; a short name two different people could bear ("J. Smith": John and Jane) is left.
 */
function mergeInitials(counts: Counts): void {
  const letters = (key: string) => key.replace(/[^\p{L}]/gu, "").length;
  const keys = [...counts.keys()].filter((k) => k.includes(" "))
    .sort((a, b) => letters(a) - letters(b));
  for (const key of keys) {
    const fuller = keys.filter((k) =>
      k !== key && counts.has(k) && letters(k) > letters(key) && compatible(key, k)
    );
    if (fuller.length === 0 || !fuller.every((k) => fuller.every((l) => compatible(k, l)))) {
      continue;
    }
    const target = fuller.reduce((a, b) => letters(b) > letters(a) ? b : a);
    const [entry, into] = [counts.get(key)!, counts.get(target)!];
    into.count += entry.count;
    into.first = Math.min(into.first, entry.first);
    counts.delete(key);
  }
}

function samePerson(a: string, b: string): boolean {
  if (shortened(a, b)) return true;
  if (a[0] !== b[0] || a.split(" ").length !== b.split(" ").length) return false;
  return distance(a, b) <= Math.floor(Math.min(a.length, b.length) / 5);
}

/** Same surname and words before it, one first name the start of the other ("jeff" "jeffrey"). */
function shortened(a: string, b: string): boolean {
  const [x, y] = [a.split(" "), b.split(" ")];
  if (x.length < 2 || x.length !== y.length) return false;
  if (x.slice(1).join(" ") !== y.slice(1).join(" ")) return false;
  const [short, long] = x[0].length <= y[0].length ? [x[0], y[0]] : [y[0], x[0]];
  return short.length >= 3 && short !== long && long.startsWith(short);
}

/** "A. M. Kuchling", "E.R. Gansner", "K.-P. Vo": initials and a surname, as bibliographies and
 * credits write authors. */
const INITIALLED =
  /(?<![\p{L}\p{N}.]|\p{Lu}\p{Ll}+ |\p{Lu}\. )((?:\p{Lu}\.(?:-\p{Lu}\.)?[ \t]?){1,3}\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}\p{Ll}+)?)(?![\p{L}\p{N}])/gu;
/** "Kamada, T." and "Knuth, D. E.": a surname, a comma and initials, as reference lists write
 * authors; then what follows an author there (another author, a year, the title). */
const SURNAME_FIRST =
  /(?<![\p{L}\p{N}.'’-])(\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}\p{Ll}+)?), ((?:\p{Lu}\.(?:-\p{Lu}\.)?[ ]?){1,3})(?=[,;:&(]|[ ]and |[ ]\(?\d{4}|[ ]\p{Lu}(?!\p{Ll}*(?:,| and |\.))|$)/gmu;
/** Only a comma or "and" between two names of one list. */
const LISTED = /^(?:,[ \t]*(?:and[ \t]+|&[ \t]*)?|[ \t]+(?:and|&)[ \t]+)$/u;

/**
 * People written with initials, which the language pass mostly misses, as the text writes them
 * ("E.R. Gansner") or, written surname first, turned round ("Kamada, T." gives "T. Kamada"). A
 * surname that is an everyday word ("U.S. Army", "A. Note") is no person unless the name stands
 * in a list of such names ("E.R. Gansner, S.C. North, and K.P. Vo"), and the middle initial of a
 * full name ("Terry J. Reedy") is left to the language pass.
 */
export function initialledNames(text: string): Span[] {
  // "reverting W. Mainline's history", where the text says "mainline" elsewhere: a word.
  const rare = (surname: string) => {
    const low = surname.toLowerCase();
    return englishRank(low) >= GENERIC_RANK && !usedInLowerCase(text, low);
  };
  const found: (Span & { end: number; plain: boolean })[] = [];
  for (const match of text.matchAll(INITIALLED)) {
    const surname = match[1].split(/[ .]/u).at(-1)!;
    found.push({
      text: match[1],
      start: match.index,
      end: match.index + match[1].length,
      plain: rare(surname),
    });
  }
  for (const match of text.matchAll(SURNAME_FIRST)) {
    const [, surname, initials] = match;
    found.push({
      text: `${initials.trim()} ${surname}`,
      start: match.index,
      end: match.index + match[0].length,
      plain: rare(surname),
    });
  }
  found.sort((a, b) => a.start - b.start);
  // A name in a list with a plain one is a name too, along the whole list.
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 0; i < found.length; i++) {
      if (found[i].plain) continue;
      const near = [found[i - 1], found[i + 1]].filter((f) => f?.plain);
      if (
        near.some((f) =>
          LISTED.test(
            f.start < found[i].start
              ? text.slice(f.end, found[i].start)
              : text.slice(found[i].end, f.start),
          )
        )
      ) found[i].plain = changed = true;
    }
  }
  return found.filter((f) => f.plain).map(({ text, start }) => ({ text, start }));
}

/** Whether the text writes the word in lower case somewhere, as a word of its own. */
function usedInLowerCase(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = text[at - 1] ?? " ";
    const after = text[at + word.length] ?? " ";
    if (!/[\p{L}\p{N}_]/u.test(before) && !/[\p{L}\p{N}_]/u.test(after)) return true;
  }
  return false;
}

/** The people the text names by its form rather than by its words: initials ({@link
 * initialledNames}), lines of authors ({@link authorLines}), the authors of a reference list's
 * entries ({@link referenceAuthors}), surnames before a citation key ({@link citedSurnames}) and
 * credited handles ({@link creditedHandles}). */
export function writtenNames(text: string): Span[] {
  return [
    ...initialledNames(text),
    ...authorLines(text),
    ...referenceAuthors(text),
    ...citedSurnames(text),
    ...creditedHandles(text),
  ];
}

/** "@name" where no letter, dot or slash is before it and no slash after it (not an e-mail
 * address, a path or a package scope such as "@types/node"). */
const AT_HANDLE =
  /(?<![\p{L}\p{N}_.@\/])@([\p{L}][\p{L}\p{N}_-]{1,38})(?![\p{L}\p{N}_@\/]|\.\p{L})/gu;
/** What credits a person by handle: "by @ana", "thanks to [@ana](...)", "cc @ana". */
const HANDLE_CREDIT =
  /(?:^|[^\p{L}])(?:by|thanks to|thanks|credit to|courtesy of|from|cc|authors?:|maintainers?:)\s*\[?$/iu;

/**
 * Handles the text credits ("an open-source benchmark by @ana", "scripts by [@Bo](...)"), and
 * those listed with them ("@ana, @bo and @cy"); a decorator or a mention in passing ("the
 * @property decorator") is none.
 */
export function creditedHandles(text: string): Span[] {
  const all = [...text.matchAll(AT_HANDLE)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
    credited: HANDLE_CREDIT.test(text.slice(Math.max(0, m.index - 24), m.index)),
  }));
  for (let i = 1; i < all.length; i++) {
    const between = text.slice(all[i - 1].end, all[i].start).replace(/\]\([^)\s]*\)/gu, "");
    if (all[i - 1].credited && /^\]?(?:,\s*(?:and\s+)?|\s+and\s+)\[?$/u.test(between)) {
      all[i].credited = true;
    }
  }
  return all.filter((h) => h.credited).map(({ text, start }) => ({ text, start }));
}

/** A word of a line of authors: a capitalised word ("Kiem-Phong") or initials ("R.", "J.-L."). */
const AUTHOR_WORD = /^(?:\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}\p{Ll}+)?|(?:\p{Lu}\.(?:-\p{Lu}\.)?)+)$/u;
const INITIALS = /^(?:\p{Lu}\.(?:-\p{Lu}\.)?)+$/u;

/**
 * The names on a line of their own that lists authors with no commas between, as a paper's or a
 * manual's title page does ("Ana M. Lopez Bo Varga Cy R. Ndiaye"). A name with initials takes the
 * word before them as its first name and the one after as its surname; the other words pair up,
 * first name and surname. Each first name is one compromise knows or no everyday word, each
 * surname no everyday word or a surname compromise knows, and at least one first name is one
 * compromise knows: "Drawing Graphs With Dot" and "Python Software Foundation" are no authors.
 */
export function authorLines(text: string): Span[] {
  const found: Span[] = [];
  for (const line of text.matchAll(/^[ \t]*(\S(?:.*\S)?)[ \t]*$/gmu)) {
    const words = line[1].split(/[ \t]+/u);
    if (words.length < 4 || words.length > 16 || !words.every((w) => AUTHOR_WORD.test(w))) continue;
    const names = splitAuthors(words);
    if (!names || names.length < 2) continue;
    const known = names.some((n) => FIRST_NAME_TAG.test(lexiconTag(n[0].toLowerCase())));
    const fit = names.every((n) => {
      const [given, surname] = [n[0].toLowerCase(), n[n.length - 1].toLowerCase()];
      return (FIRST_NAME_TAG.test(lexiconTag(given)) || englishRank(given) >= GENERIC_RANK) &&
        (/LastName/u.test(lexiconTag(surname)) || englishRank(surname) >= GENERIC_RANK);
    });
    if (!known || !fit) continue;
    let at = line.index + line[0].indexOf(line[1]);
    for (const name of names) {
      const written = name.join(" ");
      at = text.indexOf(name[0], at);
      found.push({ text: written, start: at });
      at += written.length;
    }
  }
  return found;
}
const FIRST_NAME_TAG = /^(?:MaleName|FemaleName|FirstName)$/u;

/** The words of a line of authors cut into names, or undefined when they do not cut evenly. */
function splitAuthors(words: string[]): string[][] | undefined {
  const names: string[][] = [];
  let loose: string[] = [];
  const pairUp = () => {
    if (loose.length % 2 !== 0) return false;
    for (let i = 0; i < loose.length; i += 2) names.push(loose.slice(i, i + 2));
    loose = [];
    return true;
  };
  for (let i = 0; i < words.length; i++) {
    if (INITIALS.test(words[i])) return undefined;
    if (i + 1 < words.length && INITIALS.test(words[i + 1])) {
      let j = i + 1;
      while (j < words.length && INITIALS.test(words[j])) j++;
      if (j >= words.length || !pairUp()) return undefined;
      names.push(words.slice(i, j + 1));
      i = j;
    } else loose.push(words[i]);
  }
  return pairUp() ? names : undefined;
}

/** A reference list's entry: its key ("[KK89]", "[12]", "12.") at the start of a line, then its
 * authors up to the first full stop that ends no initial. */
const REFERENCE =
  /^[ \t]*(?:\[[\p{L}\p{N}+&. -]{1,16}\]|\d{1,3}\.)[ \t]+((?:[^.\n]|(?<=(?:^|[ .-])\p{Lu})\.)+)\.(?=[ \t]|$)/gmu;
/** A particle inside a name ("Guido van Rossum"). */
const PARTICLE = /^(?:de|da|di|del|della|van|von|der|den|la|le|du)$/u;

/**
 * The authors of a reference list's entries ("[KK89] Tomihisa Kamada and Satoru Kawai. An
 * algorithm..."): the names before the title, split at commas and "and", each of two to four
 * capitalised words or initials. The entry counts only when every part is so shaped, opens with
 * initials, a first name compromise knows or a word no word list has, and at least one part's
 * surname is no everyday word ("[3] Python Documentation. ..." is a title). A numbered item
 * names one author only with initials or a first name compromise knows.
 */
export function referenceAuthors(text: string): Span[] {
  const found: Span[] = [];
  for (const match of text.matchAll(REFERENCE)) {
    const authors = match[1];
    const offset = match.index + match[0].indexOf(authors);
    const parts: Span[] = [];
    for (const part of authors.matchAll(/[^,&]+?(?=\s*(?:,|&|\band\b|$))/gu)) {
      const name = part[0].replace(/^\s*(?:and\s+)?/u, "");
      if (name === "") continue;
      parts.push({ text: name, start: offset + part.index + part[0].indexOf(name) });
    }
    const shaped = parts.length > 0 && parts.every((p) => {
      const words = p.text.split(/\s+/u).filter((w) => !PARTICLE.test(w));
      const given = words[0].toLowerCase();
      return words.length >= 2 && words.length <= 4 &&
        words.every((w) => AUTHOR_WORD.test(w)) && !INITIALS.test(words[words.length - 1]) &&
        (INITIALS.test(words[0]) || FIRST_NAME_TAG.test(lexiconTag(given)) ||
          englishRank(given) === Infinity);
    });
    const rare = parts.some((p) => {
      const surname = p.text.split(/\s+/u).at(-1)!.toLowerCase();
      return englishRank(surname) >= GENERIC_RANK || /LastName/u.test(lexiconTag(surname));
    });
    // "12. Linux Kernel. ...": a numbered list's item names a thing as readily as an author.
    const numbered = /^\s*\d/u.test(match[0]);
    const known = parts.length > 1 || parts.every((p) => {
      const given = p.text.split(/\s+/u)[0];
      return INITIALS.test(given) || FIRST_NAME_TAG.test(lexiconTag(given.toLowerCase()));
    });
    if (shaped && rare && (!numbered || known)) found.push(...parts);
  }
  return found;
}

/** Surnames, listed, then a citation key made of their letters: "Kamada and Kawai [KK89]",
 * "Gansner et al. [GKNV93]", "Himsolt [Him91]". */
const CITED = new RegExp(
  "(?<![\\p{L}\\p{N}-])(\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?(?:(?:,[ ]*(?:and[ ]+)?|[ ]+and[ ]+|[ ]*&[ ]*)" +
    "\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?)*)(?:['’]s)?(,?[ ]+et[ ]+al\\.?)?[ ]*" +
    "\\[(\\p{Lu}\\p{L}*)\\+?\\d{0,4}\\p{Ll}?\\]",
  "gu",
);

/**
 * Surnames a citation key vouches for: the key of an alphabetic style is made of the authors'
 * initials ("[KK89]" for Kamada and Kawai) or the first letters of one author's surname
 * ("[Him91]" for Himsolt), so a list of capitalised words before it whose letters match it are
 * authors; "SQLite [1]" and "Graphviz [GN00]" are not.
 */
export function citedSurnames(text: string): Span[] {
  const found: Span[] = [];
  for (const match of text.matchAll(CITED)) {
    const [, list, etAl, key] = match;
    const names = [...list.matchAll(/\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?/gu)];
    const capitals = key.replace(/\P{Lu}/gu, "");
    const initials = names.map((n) => n[0][0]).join("");
    const vouched = names.length > 1 || etAl
      ? capitals.length >= 2 && capitals.startsWith(initials) &&
        (etAl !== undefined || capitals.length === initials.length)
      : key.length >= 2 && names[0][0].toLowerCase().startsWith(key.toLowerCase());
    if (!vouched) continue;
    for (const n of names) found.push({ text: n[0], start: match.index + n.index });
  }
  return found;
}
