/**
 * @module
 * Names found by the language pass, cleaned into the lists a note shows: possessives and stray
 * punctuation dropped, a surname alone counted for the full name it belongs to, spellings of
 * one person merged (initials, a shortened or misspelt name), ranked by how often they are
 * mentioned.
 */
import { englishRank, GENERIC_RANK } from "./commonness.ts";
import { addressed, isFirstName, lexiconTag, ownerFollows, type Person } from "./language.ts";
import { type Counts, mergeInitials, mergeParts, mergeVariants } from "./name_variants.ts";
import { isPersonTitle, isTitle } from "./titles.ts";
import { isBodyWord } from "./body_words.ts";
import { KEY_CHORD, KEY_END, namesKey } from "./keyboard.ts";
import { isGivenName } from "./given_names.ts";
import { STOPWORDS } from "./terms.ts";

/** What the lexicon calls a verb's past form ("Compiled", "Written"), no word of a name. */
const PAST = /^(?:PastTense|Participle)$/u;
/** The particles of a surname, in lower case even where it opens the name ("de Gaulle", "van
 * Gogh", "bin Laden"). */
const PARTICLE = "de|da|di|del|du|van|von|der|den|le|la|bin|ibn";
const PARTICLE_OR_CAPITAL = new RegExp(`^(?:(?:${PARTICLE}) )?\\p{Lu}`, "u");
/** Something that is plainly a name: capitalised words, a few connecting ones, no markup. */
const NAME = new RegExp(
  `^(?:(?:${PARTICLE}) )?\\p{Lu}[\\p{L}\\p{M}\\p{N}.'’&-]*` +
    `(?:[ ](?:of|on|and|the|for|${PARTICLE}|\\p{Lu}[\\p{L}\\p{M}\\p{N}.'’&-]*)){0,7}$`,
  "u",
);

export interface NameOptions {
  /** Count a lone word toward the one longer name that ends or starts with it ("Lovelace"). */
  mergeParts: boolean;
  limit: number;
  /** What the names are: people and organisations get their own checks. */
  kind?: "person" | "organization" | "place";
  /** The text the spans are in, to see where a name runs on after its span. */
  text?: string;
}

/** The distinct names among the spans, most mentioned first, ties in order of appearance. */
export function rankNames(
  spans: Person[],
  options: NameOptions,
  extra: string[] = [],
): string[] {
  const counts = new Map<string, { name: string; count: number; first: number }>();
  /** Lone words known to be people however often named: handles, and surnames after a title. */
  const sure = new Set<string>();
  const add = (raw: string, at: number, certain = false) => {
    // "@inikep": a handle a credit names, kept as written without its "@".
    if (options.kind === "person" && HANDLE.test(raw)) {
      const key = raw.slice(1).toLowerCase();
      sure.add(key);
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { name: raw.slice(1), count: 1, first: at });
      return;
    }
    // "Fred L. Drake, Jr.": the name is judged without its suffix, which it keeps.
    const suffix = options.kind === "person" ? GENERATION.exec(raw)?.[0] ?? "" : "";
    const named = cleanName(raw.slice(0, raw.length - suffix.length));
    if (!named) return;
    // "New York-that", "Supreme Court of December": a dash or a date run into an
    // organisation's or a place's name.
    const clean = options.kind === "place" || options.kind === "organization"
      ? withoutDashTail(named).replace(
        / of (?:January|February|March|April|May|June|July|August|September|October|November|December)$/u,
        "",
      )
      : named;
    if (clean === "" || SOFTWARE.has(clean.toLowerCase())) return;
    // "Edit/Global Settings/Toggle Toolbar": a menu's path, no person; nor "Gentoo Manual", a
    // work's title.
    if (options.kind === "person" && (slashed(clean, options.text) || WORK.test(clean))) return;
    // "Microsoft Point-t" of "Microsoft Point-to-Point Encryption": a name cut off inside a
    // compound the text runs on with a hyphen, no place ("Microsoft Point").
    if (options.kind !== "person" && /-\p{L}$/u.test(named)) return;
    if (options.kind === "organization" && PROGRAMME.has(clean.toLowerCase())) return;
    // "President Truman": a title before a surname makes it a person, even named once.
    const titled = options.kind === "person" && clean.includes(" ") &&
      isTitle(clean.slice(0, clean.indexOf(" ")));
    // A first name after a title is the whole name ("President Truman", "Speaker Albert"),
    // unless the language pass cut it short ("Justice Sandra" of "Justice Sandra Day
    // O'Connor"); a dash typed as a hyphen ends it ("President Truman-in the Formosa Straits").
    const read = at >= 0 && options.text?.startsWith(raw, at) === true;
    // "the MS-Windows Vim": the end of a compound a hyphen joins, no name of its own.
    if (
      options.kind === "person" && read && /[\p{L}\p{N}]-$/u.test(options.text!.slice(at - 2, at))
    ) return;
    const cut = read &&
      /^\s\p{Lu}/u.test(options.text!.slice(at + raw.length, at + raw.length + 2));
    const whole = read && !cut || withoutDashTail(clean) !== clean;
    const names = options.kind === "person"
      ? personNames(clean)
      : options.kind === "place" && !isPlaceName(clean)
      ? []
      : options.kind === "organization" && (isAcronym(clean) &&
            // "IBM", "AT&T" as compromise knows them; two letters are too ambiguous ("BP").
            (!(clean.length > 2 && /Organization/u.test(lexiconTag(clean.toLowerCase()))) ||
              spelledOutAsThing(clean, options.text)) ||
          INITIALS_AND_WORD.test(clean) ||
          // "Co" (a Unicode category, or "& Co" cut off); "ACAP ACAP Media" (a row of a list);
          // "Inc" cut from "Free Software Foundation, Inc.".
          /^\p{Lu}\p{Ll}$/u.test(clean) || /\b(\p{L}+) \1\b/u.test(clean) ||
          /^(?:Inc|Ltd|LLC|Corp|GmbH|PLC|Pty)$/u.test(clean) || aGovernment(clean) ||
          // "Vice President": an office, no body ("Democrats" alone is a party); "Private", a
          // rank, as a sentence opens with "Private enterprise"; "War and Secretary" of "the
          // Secretary of War and Secretary of the Navy".
          clean.includes(" ") && clean.split(" ").every(isTitle) ||
          !clean.includes(" ") && isTitle(clean) && !/s$/u.test(clean) ||
          clean.includes(" and ") && isPersonTitle(clean.slice(clean.lastIndexOf(" ") + 1)) ||
          read && KIND_BEFORE.test(options.text!.slice(Math.max(0, at - 20), at)) ||
          read && OFFICE_OF.test(options.text!.slice(Math.max(0, at - 30), at)) ||
          read && quotedTitle(options.text!, at, raw))
      ? []
      : [
        withListedEnd(
          ownedBy(clean, read ? options.text!.slice(Math.max(0, at - 16), at) : ""),
          read ? options.text!.slice(at + raw.length, at + raw.length + 60) : "",
        ),
      ];
    for (const name of names.length === 1 && suffix ? [names[0] + suffix.trimEnd()] : names) {
      // "E. R. Gansner" and "E.R. Gansner", "Juan Guaidó" and "Juan Guaido" are one spelling.
      const key = name.toLowerCase().replace(/(?<=\b\p{L}\.) (?=\p{L}\.)/gu, "")
        .normalize("NFD").replace(/\p{M}/gu, "");
      // A first name after a title only when it is the whole name (above).
      if (titled && (name.includes(" ") || whole || !isFirstName(key))) sure.add(key);
      if (read && !name.includes(" ") && isFirstName(key) && addressed(options.text!, at, raw)) {
        sure.add(key);
      }
      // "the eloquence of Churchill": a surname named once, as a person's (and see
      // Person.sure).
      if (
        !name.includes(" ") &&
        (certain || read && ownerFollows(options.text!.slice(Math.max(0, at - 30), at), true))
      ) {
        sure.add(key);
      }
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { name, count: 1, first: at });
    }
  };
  extra.forEach((name, i) => add(name, -extra.length + i));
  const named = options.kind === "person" ? namedTogether(spans, options.text) : new Set();
  spans.forEach((span, i) => add(span.text, span.start, span.sure || named.has(i)));

  // Initials first, so that a surname alone finds one full name to belong to.
  if (options.kind === "person") mergeInitials(counts);
  if (options.mergeParts) mergeParts(counts);
  if (options.kind === "place") mergePlaceForms(counts);
  if (options.kind === "organization") mergeBodyForms(counts);
  if (options.kind === "person") {
    mergeVariants(counts);
    const full = [...counts.keys()].filter((key) => key.includes(" "));
    for (const [key, entry] of counts) {
      if (entry.name.includes(" ")) continue;
      // A lone word named once is more often a product or a word in capitals than a person; a
      // first name two of the people listed share ("Ian's dream" beside Ian Murdock and Ian
      // Jackson) is one of them, who cannot be told.
      const sharing = full.filter((name) => name.startsWith(`${key} `)).length;
      if (entry.count < 2 && !sure.has(key) || sharing > 1 && isFirstName(key)) {
        counts.delete(key);
      }
    }
  }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || a.first - b.first)
    .slice(0, options.limit)
    .map((e) => e.name);
}

/**
 * The lone names named next to another ("from Roosevelt to Truman to Kennedy to Reagan",
 * "Gauss and Euler"): persons among persons, each sure though named once. As indices of `spans`,
 * which come in text order.
 */
function namedTogether(spans: Person[], text = ""): Set<number> {
  const together = new Set<number>();
  for (let i = 1; i < spans.length; i++) {
    const [a, b] = [spans[i - 1], spans[i]];
    if (a.text.includes(" ") || b.text.includes(" ")) continue;
    const between = text.slice(a.start + a.text.length, b.start);
    if (/^(?:,\s*(?:and\s+)?|\s+(?:and|or|nor|to)\s+)$/u.test(between)) together.add(i - 1).add(i);
  }
  return together;
}

/** A body named by what it is of before its kind, or after: "Commission on Social Security". */
const BODY_OF =
  /^(commission|committee|council|board|department|office|bureau|agency|institute) (?:on|of|for) (.+)$/u;

/**
 * "Commission on Social Security" and "Social Security Commission" as one body, under the form
 * used most (both in Reagan's 1983 address).
 */
function mergeBodyForms(counts: Counts): void {
  for (const [key, entry] of [...counts]) {
    const m = BODY_OF.exec(key);
    const other = m && counts.get(`${m[2]} ${m[1]}`);
    if (!other || !counts.has(key)) continue;
    const [keep, drop] = other.count >= entry.count ? [other, entry] : [entry, other];
    keep.count += drop.count;
    keep.first = Math.min(keep.first, drop.first);
    counts.delete(drop === entry ? key : `${m![2]} ${m![1]}`);
  }
}

/** What English calls a country by a name that is neither its short form nor its initials. */
const COMMON_NAME = new Map([
  ["united states", "america"],
  ["united kingdom", "britain"],
  ["great britain", "britain"],
]);

/**
 * A place's short form, its initials and its common name merged with its full name, under the
 * form used most: "United States", "United States of America", "USA" and "America" are one
 * place. The short form is the full name's words before "of"; the initials those of its
 * capitalised words.
 */
function mergePlaceForms(counts: Counts): void {
  const full = [...counts.keys()].filter((key) => key.includes(" "));
  for (const long of full) {
    const words = counts.get(long)?.name.split(" ") ?? [];
    const initials = words.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0].toLowerCase());
    const short = / of /u.test(long) ? long.slice(0, long.indexOf(" of ")) : long;
    const forms = [
      short === long ? "" : short,
      initials.length > 1 ? initials.join("") : "",
      COMMON_NAME.get(short) ?? "",
    ];
    for (const [key, entry] of counts) {
      if (key === long || !counts.has(long)) continue;
      const acronym = entry.name.replace(/\./gu, "");
      const same = key === forms[0] || key === forms[2] ||
        /^\p{Lu}{2,}$/u.test(acronym) && acronym.toLowerCase() === forms[1];
      if (!same) continue;
      const owner = counts.get(long)!;
      if (entry.count > owner.count) owner.name = entry.name;
      owner.count += entry.count;
      owner.first = Math.min(owner.first, entry.first);
      counts.delete(key);
    }
  }
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
  // Seven capitalised words or more are a list run together ("Ana Lopez Garcia Smith Jones
  // Brown Black"), unless small words join them ("National Center for Missing and Exploited
  // Children").
  const words = name.split(" ");
  if (words.length > 6 && words.every((w) => /^\p{Lu}/u.test(w))) return undefined;
  return name;
}

/**
 * Whether the text spells an acronym out as a thing, not a body: "CBC (Cipher Block Chaining)"
 * is a cipher's mode where compromise knows a broadcaster.
 */
function spelledOutAsThing(acronym: string, text = ""): boolean {
  const at = text.indexOf(`${acronym} (`);
  if (at < 0) return false;
  const words = /^\(([^()]{3,80})\)/u.exec(text.slice(at + acronym.length + 1))?.[1]
    .split(/[\s-]+/u);
  if (!words) return false;
  const initials = words.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join("");
  return initials === acronym && !isBodyWord(words.at(-1)!);
}

/**
 * Whether the text joins a word to another by a slash ("X86/Darwin", "Darwin/ARM64"): a platform
 * or a path, as Valgrind's manual names the systems it runs on, not a person's name.
 */
function slashed(word: string, text = ""): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = text.slice(Math.max(0, at - 2), at);
    const after = text.slice(at + word.length, at + word.length + 2);
    if (/[\p{L}\p{N}]\/$/u.test(before) || /^\/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}

/** The last word of a written work's title: no name of a person ends so. */
const WORK =
  / (?:Manual|Guide|Handbook|Tutorial|FAQ|HOWTO|Howto|Cookbook|Documentation|Companion|Primer)$/u;

/** A generational suffix ending a name: ", Jr.", " Sr.", " III". */
const GENERATION = /,?[ \t](?:Jr\.|Sr\.|II|III|IV)\s*$/u;

const HANDLE = /^@[\p{L}][\p{L}\p{N}_-]+$/u;
/** Initials and a word ("B Lay", "D G Rough"): a reference list's author, not an organisation. */
const INITIALS_AND_WORD = /^(?:\p{Lu}\.?\s+){1,3}\p{Lu}\p{Ll}+$/u;

const CONJUNCTION =
  /^(?:and|but|or|so|then|yet|if|when|while|because|as|thanks|dear|hi|hello|nor)$/iu;
/** A month after a name is the date beside it in a table ("Ian Jackson January 1998"). */
const MONTH =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/u;
/**
 * Adverbs no surname is: endings ("Ctrl-D. Alternately" is no "D. Alternately") and the words
 * that open a sentence after a letter's full stop ("from G to F. Furthermore, the...").
 */
const ADVERB =
  /\p{L}(?:ately|ually|ically|ially|inally|ently|antly|ously|ively|fully|lessly)$|^(?:Furthermore|Moreover|However|Therefore|Thus|Hence|Nevertheless|Nonetheless|Meanwhile|Otherwise|Instead|Consequently|Finally|Similarly|Likewise|Besides|Also|Then|Here|There)$/u;

/**
 * Operating systems, programming languages and browsers that compromise reads as places,
 * companies or people ("on Linux", "as in Pascal"): no person, organisation or place of the note.
 */
const SOFTWARE = new Set([
  ..."linux unix windows macos freebsd openbsd netbsd solaris android pascal fortran cobol haskell erlang perl firefox"
    .split(" "),
  // Browsers, which compromise reads as people ("Mozilla Firefox" in urllib.request's page).
  "mozilla firefox",
  "google chrome",
  "internet explorer",
]);

/** A company's legal form ending its name. */
const COMPANY_FORM = / (?:GmbH|Inc|Ltd|LLC|Corp|AG|PLC|Pty)\.?$/u;
/** A word in small letters with a digit, right before a name: "g10" of "g10 Code GmbH". */
const BRAND_BEFORE = /(?<![\p{L}\p{N}_.-])(\p{Ll}+\p{N}[\p{Ll}\p{N}]*) $/u;

/**
 * A company's name with the first word its makers write in small letters and digits, which no
 * capital marks as part of it: "g10 Code GmbH", not "Code GmbH". `before` is the text before it.
 */
function ownedBy(name: string, before: string): string {
  const brand = COMPANY_FORM.test(name) ? BRAND_BEFORE.exec(before)?.[1] : undefined;
  return brand ? `${brand} ${name}` : name;
}

/** The rest of a list of what a body is of: ", Education, and Welfare". */
const LISTED_END = /^(?:,[ ]\p{Lu}\p{Ll}+)+,?[ ]and[ ]\p{Lu}\p{Ll}+(?![\p{L}\p{N}])/u;

/**
 * A body's name with the rest of the list of what it is of, which the language pass cut at its
 * first comma: "Department of Health, Education, and Welfare". `after` is the text after it.
 */
function withListedEnd(name: string, after: string): string {
  if (!/ of \p{Lu}\p{Ll}+$/u.test(name)) return name;
  const rest = LISTED_END.exec(after)?.[0];
  return rest ? name + rest : name;
}

/** Programmes of a government that compromise's lexicon files as companies: they pay, nobody
 * works there (organisations of 6 of gold-speeches' 18 tuning addresses). */
const PROGRAMME = new Set(["medicare", "medicaid", "obamacare"]);

/** Names of God in English ("God", "Lord God", "the Almighty", "Allah"). */
const DEITY = /^(?:God|Lord|Almighty|Allah|Jehovah|Yahweh|Providence|Creator)$/u;

/** Plural kin and company that end the name of a group ("Gold Star Mothers"). */
const KIN_GROUP =
  /^(?:Moms|Dads|Mothers|Fathers|Parents|Families|Brothers|Sisters|Sons|Daughters|Kids|Friends|Heroes)$/u;

const CONTACT = /^(?:e-?mail|mail|homepage|website|web|phone|tel|fax)$/iu;

/**
 * Last words that make a name a law, a programme, a prize, a place or a piece of software or
 * its format ("Ryan White Act", "Rich Text Format", "Common Lisp Interface", "Uniform Resource
 * Identifier").
 */
const NAMED_AFTER = new Set(
  ("act acts law bill amendment treaty doctrine plan program programme initiative fund report " +
    "vehicle force base " +
    "foundation prize award medal memorial center centre institute university college school " +
    "hospital street avenue boulevard highway bridge day airport library museum stadium " +
    "format language protocol markup notation standard specification interface framework " +
    "toolkit compiler editor server database identifier locator " +
    // "Kali Linux", "Arch Linux": an operating system named as people are.
    "linux unix bsd windows android")
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
  return name.split(/ (?:and|&) /u).flatMap(byPairs).flatMap((part) => {
    let words = withoutDashTail(part).split(" ");
    const contraction = words.findIndex((w) =>
      /['’]\p{Ll}/u.test(w) && !/^\p{Lu}['’]\p{Lu}/u.test(w)
    );
    if (contraction >= 0) words = words.slice(0, contraction);
    // "Derek Noonburg of Glyph & Cog": a full name, then where the person works; "Catherine of
    // Aragon" is one name.
    const of = words.indexOf("of");
    if (of >= 2) words = words.slice(0, of);
    if (words.length > 1 && NAMED_AFTER.has(words[words.length - 1].toLowerCase())) return [];
    // "Valgrind Developers Email: valgrind@...": a label of a title page's contact lines.
    if (words.length > 1 && CONTACT.test(words[words.length - 1])) return [];
    while (words.length > 0 && (CONJUNCTION.test(words[0]) || isTitle(words[0]))) {
      // "Pope Francis": a pope is named by his title and one name.
      if (words.length === 2 && /^Pope$/u.test(words[0])) break;
      words = words.slice(1);
    }
    // "Howard Helman Compiled with Mingw32": a name at a line's end, and the verb opening the
    // next line.
    while (
      words.length > 0 &&
      // "Andrew L. Moore Copyright": a notice's word after the name it names.
      (CONJUNCTION.test(words[words.length - 1]) || /^Copyright$/u.test(words.at(-1)!) ||
        words.length > 2 &&
          (MONTH.test(words.at(-1)!) || PAST.test(lexiconTag(words.at(-1)!.toLowerCase()))))
    ) {
      words = words.slice(0, -1);
    }
    // "Ian Ian Murdock": a word said twice in a table's cell or a command's output.
    words = words.filter((w, i) => w !== words[i - 1]);
    // "Roman No. 9 L": a font's number, not a name.
    if (words.at(-1) === "No" || ADVERB.test(words.at(-1) ?? "")) return [];
    // "Angel Moms", "Wright Brothers": a group of people, not one.
    if (words.length > 1 && KIN_GROUP.test(words.at(-1)!)) return [];
    // "[former Senator Henry M.] Scoop Jackson": a name cut off after its initial.
    if (words.length > 1 && /^\p{Lu}\.$/u.test(words.at(-1)!)) return [];
    const person = words.join(" ");
    // A surname's particle may open it in lower case (see PARTICLE).
    if (person.length < 2 || !PARTICLE_OR_CAPITAL.test(person)) {
      return [];
    }
    // "Jr.": the suffix of a name the language pass read apart from it.
    if (/^(?:Jr|Sr)\.?$/u.test(person)) return [];
    if (/^-|-$/u.test(person) || /[_\d/\\@#]/u.test(person)) return [];
    if (words.some((w) => isAcronym(w))) return [];
    // "Minimization Maximization", "Pluggable Authentication": nouns of process or state, as
    // table headers and terms in capitals write them.
    if (words.some((w) => ABSTRACT.test(w))) return [];
    // Code and products: "os.path", "JavaScript", "PostgreSQL".
    if (words.some((w) => /\p{L}\.\p{Ll}/u.test(w) || /\p{Ll}{3,}\p{Lu}/u.test(w))) return [];
    if (words.every(namesKey)) return [];
    // "Ctrl-V Tab", "C. Esc": a key chord, or a key after an initial, in a table of key bindings.
    if (words.some((w) => KEY_CHORD.test(w)) || words.length > 1 && KEY_END.test(words.at(-1)!)) {
      return [];
    }
    if (words.length > 1 && !endsAsName(words)) return [];
    // "Implementing Goldberg": a heading's verb run into a surname; "Uninstalling Vim", into a
    // product's name (a surname alone may look so: "Ambassador Jarring").
    if (isGerund(words[0]) || words.length > 1 && verbInIng(words[0])) return [];
    // "Arbitrary Unicode may be used": an adjective opening a sentence, before a name of a thing;
    // "Add Amir to Sales": a command's verb before a name (compromise's lexicon lacks "toggle", so
    // "Toggle Right Scrollbar" of Vim's menus is still read as a person).
    const opener = lexiconTag(words[0].toLowerCase());
    if (
      (words.length === 2 && opener === "Adjective" ||
        words.length > 1 && opener === "Infinitive") &&
      !isFirstName(words[0].toLowerCase()) && !isGivenName(words[0].toLowerCase())
    ) return [];
    // "Superstorm Sandy", "Hurricane Katrina": a storm is named as people are.
    if (words.length > 1 && STORM.test(words[0])) return [];
    // "God", "the Lord God", "the Almighty": a god is worshipped, not a person of the note.
    if (words.every((w) => DEITY.test(w))) return [];
    return [person];
  });
}

/**
 * A list of authors run together in a byline ("Fabio Fiorina Simon Josefsson Nikos
 * Mavrogiannopoulos"): four words or more, in pairs that each open with a first name, are as
 * many people; a name of three words ("Tollef Fog Heen") is left whole.
 */
function byPairs(name: string): string[] {
  const words = name.split(" ");
  if (words.length < 4 || words.length % 2 !== 0) return [name];
  const pairs: string[] = [];
  for (let i = 0; i < words.length; i += 2) {
    if (!isFirstName(words[i].toLowerCase()) || !/^\p{Lu}\p{Ll}/u.test(words[i + 1])) {
      return [name];
    }
    pairs.push(`${words[i]} ${words[i + 1]}`);
  }
  return pairs;
}

/** Words up to this rank in spoken English are everyday ones ("employment" is 6,597). */
const EVERYDAY_RANK = 10_000;
/** A word up to this rank with "s" after it is the plural of a thing ("fonts"), no surname. */
const PLURAL_THING_RANK = 20_000;

/**
 * A name of two or more words ends as a person's does: not in a role ("U.N. Secretary-General"),
 * and not in an everyday word after another everyday word or an abbreviation ("U.S. Employment",
 * "Van Allen Radiation Belt"). A first name or an initial before makes it a person's ("John
 * Major", "D. Simpson"), as do a surname compromise knows and a rare word before ("Eryk Sun").
 */
function endsAsName(words: string[]): boolean {
  const first = words[0].toLowerCase();
  const last = words[words.length - 1].toLowerCase();
  // "John Major", "Laura Bush", "D. Simpson"; "Bill Gates", a first name the lexicon has only as
  // a word, and a surname, not a place's word ("Pearl Harbor") nor more words ("Van Allen
  // Radiation Belt").
  // "Bitstream Vera Fonts": things, the plural of a word English knows, not a surname in -s.
  const things = /\p{Ll}{4}s$/u.test(last) && englishRank(last.slice(0, -1)) <= PLURAL_THING_RANK &&
    !/LastName|Person/u.test(lexiconTag(last));
  // "April Fools' joke" of Python's What's New: a month's name, not the first name.
  if (MONTH.test(words[0]) && things) return false;
  if (isFirstName(first) || /^\p{L}\.$/u.test(first)) return true;
  if (isGivenName(first) && words.length === 2 && !GEOGRAPHIC.has(last)) return true;
  if (last.split("-").some(isTitle)) return false;
  if (things) return false;
  if (englishRank(last) > EVERYDAY_RANK || /LastName|Person/u.test(lexiconTag(last))) return true;
  // "Dick Riley": a first name serves as a surname, not after a place's word ("Camp David").
  if (isFirstName(last) && !GEOGRAPHIC.has(first) && !/^(?:camp|fort)$/u.test(first)) return true;
  return englishRank(first) > EVERYDAY_RANK && !/\./u.test(first);
}

/** Last words that make a name of two or more words a place ("Panama Canal", "Elk Hills"). */
const GEOGRAPHIC = new Set(
  ("city town county state states river lake sea ocean gulf bay island islands isle mountain " +
    "mountains mount valley coast peninsula desert canal strait strip park street avenue road " +
    "square bridge hill hills falls harbor harbour port beach forest republic kingdom empire " +
    "union east west north south land lands province region district territory village " +
    "capital heights springs creek point cape shelf basin delta plain plains highlands shore " +
    "border continent hemisphere waterway everglades")
    .split(" "),
);

/**
 * A name without what a dash typed as a hyphen ran into it ("Truman-in Korea", "New York-that",
 * "Brezhnev-joint"); a part no everyday word is the name's own ("Chiang Kai-shek", "Jean-loup
 * Gailly"), and so is a syllable ending a name after a part no dictionary has ("Ji Seong-ho").
 */
function withoutDashTail(name: string): string {
  // "President-elect Carter": a title to be, no dash.
  return name.replace(
    /(\p{L}+)-(?!(?:elect|designate) )(\p{Ll}+).*$/u,
    (all, part, next) => {
      const dash = all.slice(part.length);
      return englishRank(next) === Infinity && !dash.includes(" ") ||
          englishRank(next) > RARE_RANK && /^-\p{Ll}+ \p{Lu}\p{Ll}+$/u.test(dash) ||
          dash === `-${next}` && next.length <= 4 && !STOPWORDS.has(next) &&
            englishRank(part.toLowerCase()) === Infinity
        ? all
        : part;
    },
  );
}

/**
 * "Federal Government", "Iraqi Government": a country's or a level's government said with a
 * capital, no body's name ("Government Accountability Office" is one).
 */
function aGovernment(name: string): boolean {
  const words = name.split(" ");
  if (words.length !== 2 || words[1] !== "Government") return false;
  const low = words[0].toLowerCase();
  return GOVERNMENT_LEVEL.test(low) || /Demonym/u.test(lexiconTag(low));
}
const GOVERNMENT_LEVEL =
  /^(?:federal|national|state|local|central|provisional|british|soviet|polish|french)$/u;

const STORM = /^(?:Hurricane|Superstorm|Typhoon|Cyclone|Storm)$/u;

/** Long English nouns of process or state, by their endings: no name ends so ("Clement",
 * "Trinity" are short). */
const ABSTRACT = /^\p{Lu}\p{Ll}{4,}(?:ation|ment|ness|ity|ism)$/u;

/**
 * Whether the name ends a longer title in quotation marks, a work's (a show, a book): "Flying
 * Circus" of the BBC show “Monty Python’s Flying Circus”.
 */
function quotedTitle(text: string, at: number, raw: string): boolean {
  if (!/^[”"]/u.test(text.slice(at + raw.length, at + raw.length + 1))) return false;
  const before = text.slice(Math.max(0, at - 60), at);
  const open = Math.max(before.lastIndexOf("“"), before.lastIndexOf('"'));
  // Not a body's whole name in quotes: 'to be known as the "Public Works Administration"'.
  return open >= 0 && !/[”\n]/u.test(before.slice(open + 1)) &&
    before.slice(open + 1).trim() !== "";
}

/**
 * Words before a name in capitals that make it a kind of thing, not one body: "many other Version
 * Control Systems (VCS)".
 */
const KIND_BEFORE = /\b(?:other|many|several|various|such)\s+$/iu;

/** An office that names a body without naming it as one: "the Secretary of the Treasury". */
const OFFICE_OF = /\b(?:Secretary|Secretaries|Minister|Ministers)\s+(?:of|for)\s+(?:the\s+)?$/u;

/** Rarer than this in everyday English, a word after a hyphen is part of a first name ("loup"). */
const RARE_RANK = 20_000;

/**
 * A name of a place, as a name of two or more words: none opening with a verb in -ing
 * ("Managing Global State", "Building Node"), none ending in an everyday word that names no
 * kind of place ("Readable Stream", "Standard Library"); a word compromise knows as a place or
 * a rare word at its end keeps it ("Latin America", "Los Angeles"), as does a first word that
 * opens places' names ("North Carolina"). Speeches gold set, tune part: places P/R 0.85/0.72
 * without the rule.
 */
function isPlaceName(name: string): boolean {
  const words = name.split(" ");
  // "TeX", "macOS": a capital after a small letter is a product's name.
  if (words.some((w) => /\p{Ll}\p{Lu}/u.test(w))) return false;
  // "Great Lakes-St" of "the Great Lakes-St. Lawrence River Basin": a name cut at the stop of
  // an abbreviation it goes on after.
  if (/(?:^|[\s-])(?:St|Ste|Mt|Ft|Pt)$/u.test(name)) return false;
  if (words.length < 2) return !isEverydayWord(name);
  if (isGerund(words[0])) return false;
  const last = words[words.length - 1].toLowerCase();
  // "House Republicans", "Young Americans": members of a party or a nation, no place.
  if (/(?:cans|crats|ists)$/u.test(last)) return false;
  return GEOGRAPHIC.has(last) || /Place|Country|City|Region/u.test(lexiconTag(last)) ||
    englishRank(last) > EVERYDAY_RANK || PLACE_START.test(words[0]);
}

/**
 * A word of everyday English that names no place, only capitalised at the head of a line or a
 * table's cell ("Last" of "First Second Last field"): an adjective, a verb or a function word
 * among the most used. The compass points name regions ("the South").
 */
function isEverydayWord(word: string): boolean {
  const lower = word.toLowerCase();
  return word !== word.toUpperCase() && englishRank(lower) < GENERIC_RANK &&
    !/^(?:north|south|east|west)$/u.test(lower) &&
    /Adjective|Gerund|Verb|Infinitive|Tense|Participle|Pronoun|Determiner|Conjunction|Preposition|Adverb/u
      .test(lexiconTag(lower));
}

/** First words of places' names ("North Carolina", "New Orleans", "Great Britain"). */
const PLACE_START =
  /^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|New|Great|Upper|Lower|St\.|Saint|San|Santa|Los|Las|Fort|Port|Mount|Lake|Cape)$/u;

/** A verb in -ing as compromise knows it ("Implementing", "Using"); not "Sterling", "Irving". */
function isGerund(word: string): boolean {
  const lower = word.toLowerCase();
  return /Gerund/u.test(lexiconTag(lower)) && !isFirstName(lower);
}

/**
 * "Uninstalling", which the lexicon lacks: an "-ing" form of an English verb, as "Wenling" is
 * none; not a first name the lists of given names have ("Irving").
 */
function verbInIng(word: string): boolean {
  const lower = word.toLowerCase();
  if (!/\p{Ll}{3}ing$/u.test(lower) || isFirstName(lower) || isGivenName(lower)) return false;
  const stem = lower.slice(0, -3);
  const bare = stem.replace(/^(?:un|re|de|pre|mis|over|under)(?=\p{L}{3})/u, "");
  return [stem, bare].some((s) =>
    englishRank(s) < Infinity || englishRank(`${s}e`) < Infinity ||
    /(\p{L})\1$/u.test(s) && englishRank(s.slice(0, -1)) < Infinity
  );
}

/** A word in capitals ("ABI", "URI", "LANG"): an acronym, not a person or an organisation. */
function isAcronym(word: string): boolean {
  return !word.includes(" ") && /^\p{Lu}[\p{Lu}\p{N}&-]+s?$/u.test(word) && !/\./u.test(word);
}
