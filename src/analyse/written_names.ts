/**
 * @module
 * The people a text names by its form rather than by its words, which the language pass mostly
 * misses: initials and a surname ("E.R. Gansner", "Kamada, T."), a title page's line of
 * authors, the authors of a reference list's entries, surnames before a citation key made of
 * their letters, and handles a credit names ("by @ana").
 */
import { englishRank, GENERIC_RANK } from "./commonness.ts";
import { isFirstName, lexiconTag, type Person, type Span } from "./language.ts";
import { isGivenName } from "./given_names.ts";
import { STOPWORDS } from "./terms.ts";

/** "A. M. Kuchling", "E.R. Gansner", "K.-P. Vo": initials and a surname, as bibliographies and
 * credits write authors. What may not come before is looked at only after a capital (here and
 * below): a look-behind at every character took three times as long. */
const INITIALLED =
  /((?:\p{Lu}(?<=(?:^|[^\p{L}\p{N}.])\p{Lu})\.(?:-\p{Lu}\.)?[ \t]?)(?:\p{Lu}\.(?:-\p{Lu}\.)?[ \t]?){0,2}\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}\p{Ll}+)?)(?![\p{L}\p{N}])/gu;
/** "Kamada, T." and "Knuth, D. E.": a surname, a comma and initials, as reference lists write
 * authors; then what follows an author there (another author, a year, the title). */
const SURNAME_FIRST =
  /(\p{Lu}(?<=(?:^|[^\p{L}\p{N}.'’-])\p{Lu})\p{Ll}+(?:[-'’]\p{Lu}\p{Ll}+)?), ((?:\p{Lu}\.(?:-\p{Lu}\.)?[ ]?){1,3})(?=[,;:&(]|[ ]and |[ ]\(?\d{4}|[ ]\p{Lu}(?!\p{Ll}*(?:,| and |\.))|$)/gmu;
/** A word that stands before a variable ("of X", "if P"), not the "by", "and" or "thanks to"
 * that stand before authors. */
const VARIABLE_BEFORE =
  /(?<![\p{L}\p{N}])(?:of|in|on|at|for|from|than|if|is|are|where|when|whether)[ \t]+$/u;

/** Only a comma or "and" between two names of one list, maybe after "Jr.". */
const LISTED = /^(?:,[ \t]*(?:(?:Jr|Sr)\.,[ \t]*)?(?:and[ \t]+|&[ \t]*)?|[ \t]+(?:and|&)[ \t]+)$/u;

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
    // The middle initials of a full name ("Terry J. Reedy", "Thomas M. J. Okonkwo", "and Frank
    // L. Berry"); not after a heading's everyday word opening a sentence ("References I. S.
    // Duff").
    const before = /(?:(^|[.:!?]\s+|\n)(\p{Lu}\p{Ll}+)|\p{Lu}\p{Ll}+|\p{Lu}\.) $/u.exec(
      text.slice(Math.max(0, match.index - 30), match.index),
    );
    if (before && !(before[2] && everydayNotName(before[2]))) continue;
    const surname = match[1].split(/[ .]/u).at(-1)!;
    // "A. Achieving FHS compliance...": a FAQ's answer, its first word a verb in -ing.
    if (/ing$/u.test(surname) && englishRank(surname.toLowerCase()) < Infinity) continue;
    // "any element of X. Errors are thrown": a variable ending a sentence, then a word opening
    // the next; "the work of D. Knuth" is a person.
    if (
      VARIABLE_BEFORE.test(text.slice(Math.max(0, match.index - 12), match.index)) &&
      englishRank(surname.toLowerCase()) < Infinity
    ) continue;
    const end = match.index + match[1].length;
    found.push({
      text: match[1],
      start: match.index,
      end,
      plain: rare(surname) || saidBy(text, match.index, end),
    });
  }
  for (const match of text.matchAll(SURNAME_FIRST)) {
    const [, surname, initials] = match;
    // "Padraig Brady, Q. Frank Xia": initials that open the next person's full name (not "Knuth,
    // D. E. The Art of...": a title).
    const next = /^ ?(\p{Lu}\p{Ll}+) \p{Lu}\p{Ll}+/u.exec(
      text.slice(match.index + match[0].length),
    );
    if (next && !STOPWORDS.has(next[1].toLowerCase())) continue;
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

/** "said H. G. Wells", "J. P. Morgan once wrote": a verb of saying before or after the name. */
const SAID_BEFORE = /(?:^|[^\p{L}])(?:said|says|wrote|writes|asked|remarked|observed)[ ,]*$/u;
const SAID_AFTER = /^,? (?:(?:once|also) )?(?:said|says|wrote|writes|asked|remarked|observed)\b/u;

function saidBy(text: string, start: number, end: number): boolean {
  return SAID_BEFORE.test(text.slice(Math.max(0, start - 12), start)) ||
    SAID_AFTER.test(text.slice(end, end + 20));
}

/** A word of the dictionary that no name is ("References", "See"), not "Terry" or "Will". */
function everydayNotName(word: string): boolean {
  const low = word.toLowerCase();
  return englishRank(low) < 20_000 && !isFirstName(low) &&
    !/LastName|Person/u.test(lexiconTag(low));
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
 * entries ({@link referenceAuthors}), surnames before a citation key ({@link citedSurnames}),
 * credited handles ({@link creditedHandles}) and names around a nickname ({@link
 * nicknamedNames}). */
export function writtenNames(text: string): Span[] {
  return [
    ...initialledNames(text),
    ...authorLines(text),
    ...referenceAuthors(text),
    ...citedSurnames(text),
    ...creditedHandles(text),
    ...nicknamedNames(text),
  ];
}

/** A first name, a nickname in quotation marks and a surname: "Joel 'Espy' Klecker". */
const NICKNAMED =
  /(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}+)[ \t]+(?:'[\p{L}\p{N}_-]{2,20}'|‘[\p{L}\p{N}_-]{2,20}’|"[\p{L}\p{N}_-]{2,20}"|“[\p{L}\p{N}_-]{2,20}”)[ \t]+(\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}\p{Ll}+)?)(?![\p{L}\p{N}])/gu;

/**
 * People named with a nickname between their first name and surname, as hackers are ("Joel
 * 'Espy' Klecker", "Jon "maddog" Hall"): the name without the nickname, which the language pass
 * reads as two names apart. A first name vouches for an everyday word as the surname. So is
 * a first name with a title in quotes ("“Mister Sam” Rayburn").
 */
export function nicknamedNames(text: string): Span[] {
  return [
    ...[...text.matchAll(NICKNAMED)].filter((m) =>
      isFirstName(m[1].toLowerCase()) || plausibleGiven(m[1]) && !everydayNotName(m[2])
    ),
    // "“Mister Sam” Rayburn": a first name with a title, in quotes, then the surname.
    ...[...text.matchAll(TITLED_NICKNAME)].filter((m) => isFirstName(m[1].toLowerCase())),
  ].map((m) => ({ text: `${m[1]} ${m[2]}`, start: m.index }));
}

/** A title and a first name in quotation marks, then a surname: "“Mister Sam” Rayburn". */
const TITLED_NICKNAME =
  /["“](?:Mister|Mr\.|Miss|Mrs\.|Uncle|Aunt|Cousin|Brother|Sister|Doc) (\p{Lu}\p{Ll}+)["”][ \t]+(\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}\p{Ll}+)?)(?![\p{L}\p{N}])/gu;

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
/** A footnote's mark after an author's name on a title page: "Kadatch1", "Jenkins*". */
const FOOTNOTE_MARK = /(?<=\p{Ll})(?:\d{1,2}|[*†‡§])$/u;

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
  let lineStart = 0;
  for (const raw of text.split("\n")) {
    const at = lineStart;
    lineStart += raw.length + 1;
    // Sixteen words of a name are far shorter than most lines: those are not read.
    const line = raw.trim();
    if (line.length < 10 || line.length > 240) continue;
    // "Andrew Kadatch1 and Bob Jenkins2": footnote marks after names, "and" between them.
    const words = line.split(/[ \t]+/u).filter((w) => w !== "and" && w !== "&")
      .map((w) => w.replace(FOOTNOTE_MARK, ""));
    if (words.length < 4 || words.length > 16 || !words.every((w) => AUTHOR_WORD.test(w))) continue;
    const names = splitAuthors(words);
    if (!names || names.length < 2) continue;
    const known = names.some((n) => isFirstName(n[0].toLowerCase()));
    const fit = names.every((n) => {
      const [given, surname] = [n[0].toLowerCase(), n[n.length - 1].toLowerCase()];
      return (isFirstName(given) || englishRank(given) >= GENERIC_RANK) &&
        (/LastName/u.test(lexiconTag(surname)) || englishRank(surname) >= GENERIC_RANK);
    });
    if (!known || !fit) continue;
    let from = at + raw.indexOf(line);
    for (const name of names) {
      const written = name.join(" ");
      const start = text.indexOf(name[0], from);
      found.push({ text: written, start });
      from = start + written.length;
    }
  }
  return found;
}

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
        (INITIALS.test(words[0]) || isFirstName(given) ||
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
      return INITIALS.test(given) || isFirstName(given.toLowerCase());
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

/**
 * The people the source's own text names where the prose the language pass reads has lost them:
 * signatures with an address ({@link signedNames}) and credits tables ({@link creditedNames}).
 * Each is placed in `text` where it is named there, or else at the same share of its length.
 */
export function sourceNames(source: string, text: string): Span[] {
  // A name in a code sample is sample data ("Con Tributor <nitfol@example.com>" in a session).
  const prose = withoutFences(source);
  return [...signedNames(prose), ...creditedNames(source), ...labelledNames(prose)].map(
    (name) => {
      const at = text.indexOf(name.text);
      return {
        text: name.text,
        start: at >= 0 ? at : Math.round(name.start * text.length / Math.max(1, source.length)),
      };
    },
  );
}

/** Markdown's fenced code blocks blanked, each character a space, so offsets stay; a list's item
 * indents its block. */
function withoutFences(markdown: string): string {
  return markdown.replace(
    /^[ \t]*(`{3,}|~{3,})[^\n]*\n[\s\S]*?^[ \t]*\1[ \t]*$/gmu,
    (block) => block.replace(/[^\n]/gu, " "),
  );
}

/** A word of a signed or credited name: "Osamu", "Hans-Peter", "Vybíral", "O'Neil", "MacKenzie". */
const NAME_WORD = "\\p{Lu}\\p{Ll}+(?:\\p{Lu}\\p{Ll}+)?(?:[-'’]\\p{Lu}\\p{Ll}+)*";
/** Two to four such words, initials ("Richard M. Stallman", "H. Peter Anvin") or a particle
 * ("Guido van Rossum") between, ending in a word. */
const FULL_NAME = `(?:\\p{Lu}\\.[ \\t]+)?${NAME_WORD}(?:[ \\t]+(?:\\p{Lu}\\.[ \\t]+)?` +
  `(?:(?:[Dd][aeiu]|del|van|von|der|den|la|le)[ \\t]+){0,2}${NAME_WORD}){1,3}`;
/** An e-mail address as signatures write it, maybe spelled out against spam ("osamu at debian
 * dot org"), in angle or round brackets. */
const MAIL = "[\\p{L}\\p{N}._+-]+[ \\t]*(?:@|\\(at\\)|\\[at\\]|[ \\t]at[ \\t])[ \\t]*" +
  "[\\p{L}\\p{N}-]+(?:[ \\t]*(?:\\.|\\(dot\\)|\\[dot\\]|[ \\t]dot[ \\t])[ \\t]*[\\p{L}\\p{N}-]+)+";
/** The address as a web page's Markdown keeps it: a mail link, in code where the page wrote its
 * angle brackets as text ("`<[jfs@debian.org](mailto:jfs@debian.org)>`"). */
const MAIL_LINK = `\\[${MAIL}\\]\\(mailto:[^)\\s]+\\)`;
const SIGNED = new RegExp(
  `(?<![\\p{L}\\p{N}])(${FULL_NAME}),?[ \\t]*\\n?[ \\t]*` +
    `(?:\`?<[ \\t]*(?:${MAIL}|${MAIL_LINK})[ \\t]*>\`?|\\([ \\t]*${MAIL}[ \\t]*\\))`,
  "gu",
);

/**
 * Names signed with an e-mail address, as AUTHORS files, changelogs, copyright lines and READMEs
 * write their authors: "Osamu Aoki, <osamu at debian dot org>", "Hylke Bons <h.bons@gmail.com>",
 * the address maybe on the next line of a wrapped paragraph.
 * Read from the source's own text, where the address is still there (Markdown drops it as an
 * HTML tag). Words before the name that open no name ("Copyright", "Maintainer") are left out;
 * an address may be a group's ("Debian Developers", "Lampwick Team").
 */
export function signedNames(source: string): Span[] {
  const found: Span[] = [];
  for (const match of source.matchAll(SIGNED)) {
    const words = match[1].split(/[ \t]+/u);
    while (words.length > 2 && everydayNotName(words[0])) words.shift();
    const name = words.join(" ");
    // The address vouches for a surname that is an everyday word too ("Jia Tan").
    if (words.length >= 2 && plausibleGiven(words[0]) && !GROUP.test(words.at(-1)!)) {
      found.push({ text: name, start: source.indexOf(name, match.index) });
    }
  }
  return found;
}

/** Words that end the name of a group, not a person's. */
const GROUP =
  /^(?:Developers|Maintainers|Contributors|Authors|Team|Project|Community|Group|Foundation|List|Members|Staff|Support|Admins?|Hackers)$/u;

/**
 * A row of a two-column table: a key of up to four words, then a tab, two spaces or more, a
 * dash ("Joe Steffen - Creator of Cscope"), or a colon after a one-word key ("cksum: Padraig
 * Brady, Q. Frank Xia"), then the cell; or a line that carries on the cell above, indented far.
 */
const TABLE_ROW =
  /^[ \t]*(\S+(?:[ \t]\S+){0,3}?)(?:\t[ \t]*|[ ]{2,}|[ ]-[ ])(\S.*?)[ \t]*$|^[ \t]*([\p{L}\p{N}_.+-]+):[ \t]+(\S.*?)[ \t]*$|^(?:\t{2,}|[ \t]{8,})(\S.*?)[ \t]*$/u;
/** A line, maybe a list's item, that opens with a full name and a colon, then what they did. */
const NAME_COLON = new RegExp(
  `^[ \\t]*(?:[-*+][ \\t]+)?(${FULL_NAME}):[ \\t]+(\\S.*?)[ \\t]*$`,
  "u",
);
/** Names split by commas ("Simon Posnjak, Hans-Peter Nilsson"), initials allowed. */
const NAMES = `${FULL_NAME}(?:,[ \\t]*${FULL_NAME})*,?`;
const NAMES_CELL = new RegExp(`^${NAMES}$`, "u");
const NAME_KEY = new RegExp(`^${FULL_NAME}$`, "u");
const EACH_NAME = new RegExp(FULL_NAME, "gu");
/** Rows of a table that name people, fewer of which may be a coincidence of layout. */
const CREDIT_ROWS = 3;

/**
 * The names in a credits table, as AUTHORS files and READMEs list who wrote or ported each part:
 * names in the cell ("aarch64   Marcus Shawcroft, James Greenhalgh", "cat: Torbjorn Granlund,
 * Richard M. Stallman") or in the key before what they did ("Guillaume Hanrot   Main author"),
 * often indented so that Markdown reads the table as code. A table counts when three of its rows
 * name people and most of those names are plausible; rows that name none ("arc   Hackers at
 * Synopsis"), blank lines and lines that carry on a cell are part of it.
 */
export function creditedNames(source: string): Span[] {
  const found: Span[] = [];
  let named: Span[][] = [];
  const flush = () => {
    const names = named.flat();
    const fit = names.filter((n) => plausibleName(n.text.split(/[ \t]+/u)));
    // The table vouches for the names that fit no rule ("Ma Jun", "Anthony Green").
    if (named.length >= CREDIT_ROWS && fit.length * 2 > names.length) found.push(...names);
    named = [];
  };
  let at = 0;
  for (const line of source.split("\n")) {
    const row = TABLE_ROW.exec(line);
    // "- Carsten Hoeger: Search scope handling.": a list of who did what.
    const credit = row ? null : NAME_COLON.exec(line);
    const [key, cell] = row
      ? [row[1] ?? row[3], row[2] ?? row[4] ?? row[5]]
      : credit
      ? [credit[1], credit[2]]
      : [undefined, undefined];
    const names = (text: string) => {
      const from = at + line.indexOf(text);
      return [...text.matchAll(EACH_NAME)].map((m) => ({ text: m[0], start: from + m.index }));
    };
    // "Petr Sorfa <petr@...> - Initial OpenSource Maintainer": the key without its address.
    const keyName = key !== undefined && NAME_KEY.test(key.replace(/[ \t]*<[^>]*>$/u, ""));
    if (cell === undefined) {
      if (line.trim() !== "") flush();
    } else if (keyName) named.push(names(key!));
    else if (NAMES_CELL.test(cell)) named.push(names(cell));
    at += line.length + 1;
  }
  flush();
  return found;
}

/**
 * A line that labels the people it names, as a book list, a title page or a package's page
 * does: "Author: Jay A. Kreibich", "Authors: Sunny Kumar Aditya and Vikash Kumar Karn",
 * "Translator: Key Droessler". The label vouches for each name, however rare its words.
 */
export function labelledNames(source: string): Span[] {
  const found: Span[] = [];
  for (const match of source.matchAll(LABELLED)) {
    const from = match.indices![1]![0];
    for (const name of match[1].matchAll(EACH_NAME)) {
      found.push({ text: name[0], start: from + name.index });
    }
  }
  return found;
}

/** A label of people, then their names, "and" or "&" before the last, and nothing else. */
const LABELLED = new RegExp(
  "^[ \\t]*(?:[*_]{1,2})?(?:Authors?|Written by|Editors?|Edited by|Translators?|Translated by|" +
    "Illustrators?|Maintainers?|Maintained by|Contributors?|Creators?|Created by)" +
    `(?:[*_]{1,2})?[ \\t]*:?(?:[*_]{1,2})?[ \\t]+(${FULL_NAME}(?:(?:,[ \\t]*|,?[ \\t]+(?:and|&)[ \\t]+)` +
    `${FULL_NAME})*)[ \\t]*\\.?[ \\t]*$`,
  "dgmu",
);

/**
 * Words that may be a person's name: a plausible first name, then a surname compromise knows or
 * no everyday word.
 */
function plausibleName(words: string[]): boolean {
  if (words.length < 2) return false;
  const surname = words[words.length - 1].toLowerCase();
  return plausibleGiven(words[0]) &&
    (/LastName/u.test(lexiconTag(surname)) || englishRank(surname) >= GENERIC_RANK);
}

/** A first name compromise or the names lists know ("Will"), or no everyday word ("Osamu"; not
 * "Bug" of "Bug Reports"). */
function plausibleGiven(word: string): boolean {
  const given = word.toLowerCase();
  return isFirstName(given) || isGivenName(given) || englishRank(given) >= GENERIC_RANK;
}

/** A capitalised word alone, then " and " before a name ("Zarqawi and bin Laden")... The
 * initials and particle before it are the name's ("W. de Leeuw and R. van Liere"). */
const BEFORE_AND =
  /(?<![\p{L}\p{N}'’.-])((?:\p{Lu}\.[ \t]+)*(?:(?:de|da|di|del|della|van|von|der|den|du|le|la)[ \t]+)?)(\p{Lu}\p{Ll}{2,}(?:-\p{Lu}\p{Ll}+)?),? and $/u;
/** ... or after one: " and Zarqawi", not " and Red China", " and Zarqawi's men". */
const AFTER_AND = /^,? and (\p{Lu}\p{Ll}{2,}(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}\p{N}'’-]| \p{Lu})/u;

/**
 * The lone names the language pass missed beside a person it found by two words or more, "and"
 * between: "men like bin Laden and Zarqawi" names two people. Not a word of everyday English,
 * nor one of `others` (places and bodies), nor a word opening a sentence; each sure, since named
 * beside a person.
 */
export function namedBeside(text: string, people: Span[], others: Span[]): Person[] {
  const known = new Set([...people, ...others].map((s) => s.text.toLowerCase()));
  const name = (word: string) =>
    !known.has(word.toLowerCase()) && !STOPWORDS.has(word.toLowerCase()) &&
    englishRank(word.toLowerCase()) >= GENERIC_RANK && !usedInLowerCase(text, word.toLowerCase());
  const found: Person[] = [];
  // Beside a name of two words or more: a lone one may be a missile's ("Thor and Jupiter").
  for (const person of people.filter((p) => p.text.includes(" "))) {
    const end = person.start + person.text.length;
    const after = AFTER_AND.exec(text.slice(end, end + 40));
    if (after && name(after[1])) {
      found.push({ text: after[1], start: end + after[0].length - after[1].length, sure: true });
    }
    const before = BEFORE_AND.exec(text.slice(Math.max(0, person.start - 40), person.start));
    if (!before || !name(before[2])) continue;
    // Not the first word of a sentence, whose capital says nothing, nor the end of a longer
    // name ("Thomas M. J. Fruchterman and Edward M. Reingold").
    const at = person.start - before[0].length;
    const preceding = text.slice(Math.max(0, at - 40), at);
    const word = /(\p{Lu}\p{Ll}*)[ \t]+$/u.exec(preceding)?.[1];
    if (
      !/(?:^|[.!?:]["”’)]*\s+|\n)$/u.test(preceding) &&
      (word === undefined || STOPWORDS.has(word.toLowerCase()))
    ) {
      found.push({ text: before[1] + before[2], start: at, sure: true });
    }
  }
  return found;
}
