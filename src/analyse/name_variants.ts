/**
 * @module
 * Spellings of one person merged under one name: initials and left-out middle names ("S.C.
 * North", "Stephen North" for "Stephen C. North"), a surname alone for the one full name it
 * belongs to, a shortened first name ("Jeff Dean" for "Jeffrey Dean"), a misspelt surname
 * ("Merlot-Ponty"). Used within a note and across the vault's people map, so it loads no
 * language model.
 */
import { distance } from "fastest-levenshtein";

/** Names by lower-cased key, with how often each is named and where first. */
export type Counts = Map<string, Counted>;
/** A name as written most, how often, and the offset of its first mention. */
type Counted = { name: string; count: number; first: number };

/**
 * For people named across many notes (each with how many notes name it), the name each is
 * shown under: the one full name a surname alone belongs to, the fuller of two spellings
 * ("Franklin Roosevelt", "Roosevelt" -> "Franklin Delano Roosevelt"), by the same rules as within
 * a note. A surname two full names end with ("Kennedy": John, Robert) stays as it is, and so does
 * one whose full name only one note gives. Two names `distinct` holds are two people: notes'
 * titles name each person the same way each time ("1992 George Bush", "2007 George W. Bush").
 */
export function canonicalNames(
  named: Map<string, number>,
  distinct: ReadonlySet<string> = new Set(),
): Map<string, string> {
  const counts: Counts = new Map();
  const merged = new Map<string, string>();
  let first = 0;
  for (const [name, count] of named) {
    const key = name.toLowerCase();
    const entry = counts.get(key);
    if (entry) entry.count += count;
    else counts.set(key, { name, count, first: first++ });
  }
  const onMerge = (from: string, into: string) => merged.set(from, into);
  const keys = new Set([...distinct].map((name) => name.toLowerCase()));
  const apart: Apart = (a, b) => keys.has(a) && keys.has(b);
  mergeInitials(counts, onMerge, apart);
  // A surname alone in one note is taken for a full name from other notes only when that name
  // recurs: one named once elsewhere is as likely someone else ("Ambassador Fisher" in 1968,
  // "Brandon Fisher" in 2011; Vice President Biden and Jill Biden).
  mergeParts(counts, onMerge, 2, apart);
  mergeVariants(counts, onMerge, apart);
  const final = (key: string): string => (merged.has(key) ? final(merged.get(key)!) : key);
  return new Map(
    [...named.keys()].map((name) => [name, counts.get(final(name.toLowerCase()))!.name]),
  );
}

type OnMerge = (from: string, into: string) => void;
/** Whether two names (lower-cased keys) are known to be two people. */
type Apart = (a: string, b: string) => boolean;
const together: Apart = () => false;

/**
 * A lone word counted for the one longer name that ends or starts with it ("Lovelace"), when that
 * name is counted at least `ownerCount` times; and a name cut short, for the one longer name it
 * opens or ends ("Vikash Kumar" of "Vikash Kumar Karn", "A. Kreibich" of "Jay A. Kreibich").
 */
export function mergeParts(
  counts: Counts,
  onMerge?: OnMerge,
  ownerCount = 1,
  apart = together,
): void {
  const full = [...counts].filter(([, e]) => e.name.includes(" "));
  for (const [key, entry] of counts) {
    const words = key.split(" ");
    const opens: [string, Counted][] = [];
    const ends: [string, Counted][] = [];
    for (const owner of full) {
      const [other] = owner;
      // "King" of "Martin Luther King, Jr.": the suffix is no part of the surname.
      const parts = other.replace(/,? (?:jr|sr)\.?$|,? (?:ii|iii|iv)$/u, "").split(" ");
      if (parts.length <= words.length || !counts.has(other) || apart(key, other)) continue;
      if (words.every((w, i) => parts[parts.length - words.length + i] === w)) ends.push(owner);
      else if (words.every((w, i) => parts[i] === w)) opens.push(owner);
    }
    // "Franklin observed..." beside Benjamin Franklin and Franklin Roosevelt: a word alone is a
    // surname before it is a first name.
    const owners = ends.length === 1 ? ends : [...ends, ...opens];
    if (owners.length === 1 && (words.length > 1 || owners[0][1].count >= ownerCount)) {
      owners[0][1].count += entry.count;
      owners[0][1].first = Math.min(owners[0][1].first, entry.first);
      counts.delete(key);
      onMerge?.(key, owners[0][0]);
    }
  }
}

/**
 * Spellings of one person counted as one, under the name used most: a first name shortened
 * ("Jeff Dean" / "Jeffrey Dean") or a surname misheard or misspelt ("Merleau-Ponty" /
 * "Merlot-Ponty": edit distance at most a fifth of the name's length, same first letter).
 */
export function mergeVariants(counts: Counts, onMerge?: OnMerge, apart = together) {
  const entries = [...counts.entries()].sort((a, b) =>
    b[1].count - a[1].count || b[1].name.length - a[1].name.length || a[1].first - b[1].first
  );
  for (let i = 0; i < entries.length; i++) {
    const [key, entry] = entries[i];
    if (!counts.has(key)) continue;
    for (let j = i + 1; j < entries.length; j++) {
      const [otherKey, other] = entries[j];
      if (!counts.has(otherKey) || apart(key, otherKey) || !samePerson(key, otherKey)) continue;
      entry.count += other.count;
      entry.first = Math.min(entry.first, other.first);
      // The fuller name is the canonical one ("Jeffrey Dean" over "Jeff Dean", "Eleftherios
      // Koutsofios" over "Eleftherios Koutso").
      if (
        other.name.length > entry.name.length &&
        (shortened(key, otherKey) || cutShort(key, otherKey))
      ) {
        entry.name = other.name;
      }
      counts.delete(otherKey);
      onMerge?.(otherKey, key);
    }
  }
}

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
 * or left out ("terry reedy", "terry j. reedy"; "e. koutsofios", "eleftherios koutsofios"), a
 * first initial left out ("michael ji", "h. michael ji"). */
function compatible(a: string, b: string): boolean {
  const [x, y] = [nameParts(a), nameParts(b)];
  if (x.surname !== y.surname || x.given.length === 0 || y.given.length === 0) return false;
  let [short, long] = x.given.length <= y.given.length ? [x.given, y.given] : [y.given, x.given];
  // "H. Michael Ji" goes by "Michael Ji": a first initial before the name a person goes by.
  if (
    long.length > short.length && /^\p{L}\.$/u.test(long[0]) && !/^\p{L}\.$/u.test(short[0]) &&
    sameGiven(short[0], long[1])
  ) long = long.slice(1);
  if (!sameGiven(short[0], long[0])) return false;
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
export function mergeInitials(counts: Counts, onMerge?: OnMerge, apart = together): void {
  const letters = (key: string) => key.replace(/[^\p{L}]/gu, "").length;
  const keys = [...counts.keys()].filter((k) => k.includes(" "))
    .sort((a, b) => letters(a) - letters(b));
  for (const key of keys) {
    const fuller = keys.filter((k) =>
      k !== key && counts.has(k) && letters(k) > letters(key) && !apart(key, k) &&
      compatible(key, k)
    );
    if (fuller.length === 0 || !fuller.every((k) => fuller.every((l) => compatible(k, l)))) {
      continue;
    }
    const target = fuller.reduce((a, b) => letters(b) > letters(a) ? b : a);
    const [entry, into] = [counts.get(key)!, counts.get(target)!];
    into.count += entry.count;
    into.first = Math.min(into.first, entry.first);
    counts.delete(key);
    onMerge?.(key, target);
  }
}

function samePerson(a: string, b: string): boolean {
  if (shortened(a, b) || cutShort(a, b)) return true;
  if (a[0] !== b[0] || a.split(" ").length !== b.split(" ").length) return false;
  return distance(a, b) <= Math.floor(Math.min(a.length, b.length) / 5);
}

/**
 * Same given names, one surname the start of the other, cut by a few letters: "eleftherios
 * koutso" of "Koutso os", a PDF's "Koutsofios" with its ligature lost, for "eleftherios
 * koutsofios". Not an initial's ("e. koutso"), which another person may bear, nor a surname
 * of five letters or fewer: "Smith" is no "Smithson" cut short.
 */
function cutShort(a: string, b: string): boolean {
  const [x, y] = [a.split(" "), b.split(" ")];
  if (
    x.length < 2 || x.length !== y.length || x.slice(0, -1).join(" ") !== y.slice(0, -1).join(" ")
  ) {
    return false;
  }
  if (x.slice(0, -1).some((w) => w.length < 3 || w.endsWith("."))) return false;
  const [short, long] = x.at(-1)!.length <= y.at(-1)!.length
    ? [x.at(-1)!, y.at(-1)!]
    : [y.at(-1)!, x.at(-1)!];
  return short.length >= 6 && long.length > short.length && long.length - short.length <= 5 &&
    long.startsWith(short);
}

/** Same surname and words before it, one first name the start of the other ("jeff" "jeffrey"). */
function shortened(a: string, b: string): boolean {
  const [x, y] = [a.split(" "), b.split(" ")];
  if (x.length < 2 || x.length !== y.length) return false;
  if (x.slice(1).join(" ") !== y.slice(1).join(" ")) return false;
  const [short, long] = x[0].length <= y[0].length ? [x[0], y[0]] : [y[0], x[0]];
  return short.length >= 3 && short !== long && long.startsWith(short);
}
