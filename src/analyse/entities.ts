/**
 * @module
 * Names found by the language pass, cleaned into the lists a note shows: possessives and stray
 * punctuation dropped, a surname alone counted for the full name it belongs to, spellings of
 * one person merged (initials, a shortened or misspelt name), ranked by how often they are
 * mentioned.
 */
import { distance } from "fastest-levenshtein";
import { lexiconTag, type Span } from "./language.ts";
import { isTitle } from "./titles.ts";

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
  /** Lone words known to be people however often named: handles, and surnames after a title. */
  const sure = new Set<string>();
  const add = (raw: string, at: number) => {
    // "@inikep": a handle a credit names, kept as written without its "@".
    if (options.kind === "person" && HANDLE.test(raw)) {
      const key = raw.slice(1).toLowerCase();
      sure.add(key);
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { name: raw.slice(1), count: 1, first: at });
      return;
    }
    const clean = cleanName(raw);
    if (!clean) return;
    // "President Truman": a title before a surname makes it a person, even named once.
    const titled = options.kind === "person" && clean.includes(" ") &&
      isTitle(clean.slice(0, clean.indexOf(" ")));
    const names = options.kind === "person"
      ? personNames(clean)
      : options.kind === "organization" && isAcronym(clean) &&
          // "IBM", "AT&T" as compromise knows them; two letters are too ambiguous ("BP").
          !(clean.length > 2 && /Organization/u.test(lexiconTag(clean.toLowerCase())))
      ? []
      : [clean];
    for (const name of names) {
      // "E. R. Gansner" and "E.R. Gansner" are one spelling.
      const key = name.toLowerCase().replace(/(?<=\b\p{L}\.) (?=\p{L}\.)/gu, "");
      // Not "Justice Sandra", cut from "Justice Sandra Day O'Connor".
      if (titled && (name.includes(" ") || !firstName(key))) sure.add(key);
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { name, count: 1, first: at });
    }
  };
  extra.forEach((name, i) => add(name, -extra.length + i));
  for (const span of spans) add(span.text, span.start);

  // Initials first, so that a surname alone finds one full name to belong to.
  if (options.kind === "person") mergeInitials(counts);
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
    mergeVariants(counts);
    // A lone word named once is more often a product or a word in capitals than a person.
    for (const [key, entry] of counts) {
      if (!entry.name.includes(" ") && entry.count < 2 && !sure.has(key)) counts.delete(key);
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

const firstName = (word: string) => /MaleName|FemaleName|FirstName/u.test(lexiconTag(word));

const HANDLE = /^@[\p{L}][\p{L}\p{N}_-]+$/u;

/** Keys that name keys on a keyboard, not people ("Page Up", "Ctrl"). */
const KEYS = new Set(
  ("page up down home end enter return escape esc tab shift ctrl control alt option command cmd " +
    "backspace delete del insert ins space spacebar left right caps lock num print screen")
    .split(" "),
);
const CONJUNCTION =
  /^(?:and|but|or|so|then|yet|if|when|while|because|as|thanks|dear|hi|hello|nor)$/iu;

/** Last words that make a name a law, a programme, a prize or a place ("Ryan White Act"). */
const NAMED_AFTER = new Set(
  ("act acts law bill amendment treaty doctrine plan program programme initiative fund " +
    "foundation prize award medal memorial center centre institute university college school " +
    "hospital street avenue boulevard highway bridge day airport library museum stadium")
    .split(" "),
);

/**
 * The people a cleaned name stands for: none when it is an acronym, a code identifier, keys of a
 * keyboard, a cut-off word ("Merle-"), a role alone ("Mr. President") or a law or place named
 * after someone ("Ryan White Act"); conjunctions at its ends and titles before it dropped ("But
 * Abraham", "Justice John Roberts"), cut at a contraction ("Homer I've"), and a run-together list
 * split ("Smith and Jones").
 */
export function personNames(name: string): string[] {
  return name.split(/ (?:and|&) /u).flatMap((part) => {
    // "Truman-in Korea", "Brezhnev-joint": a dash written as a hyphen ends the name.
    let words = part.replace(/(?<=\p{L})-\p{Ll}.*$/u, "").split(" ");
    const contraction = words.findIndex((w) =>
      /['’]\p{Ll}/u.test(w) && !/^\p{Lu}['’]\p{Lu}/u.test(w)
    );
    if (contraction >= 0) words = words.slice(0, contraction);
    if (words.length > 1 && NAMED_AFTER.has(words[words.length - 1].toLowerCase())) return [];
    while (words.length > 0 && (CONJUNCTION.test(words[0]) || isTitle(words[0]))) {
      words = words.slice(1);
    }
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
