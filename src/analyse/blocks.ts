/**
 * @module
 * A note body (Markdown) as the blocks of prose the analysis reads: paragraphs and list items in
 * order, with the section they sit in, and for transcripts their `[hh:mm:ss]` time and speaker.
 * Read with marked's lexer (CommonMark and GFM), so emphasis, escapes, entities and links read as
 * the words they show; code blocks, HTML and link definitions are left out, and a table's rows are
 * read as rows ("| a | b |"). marked's lexer is about ten times as fast as
 * mdast-util-from-markdown (measured: 270 kB of Markdown 45 ms against 490 ms), which was a fifth
 * of the analysis.
 */
import { marked, type Token, type Tokens } from "marked";
import { inlineText } from "../markdown/inline_text.ts";
import { opensWithTypedName } from "./sentences.ts";

/** One block of prose. */
export interface Block {
  text: string;
  /** Index of the section (0 before the first heading), for spreading key points. */
  section: number;
  /** Start time in ms, when the block opens with a `[hh:mm:ss]` stamp. */
  startMs?: number;
  speaker?: string;
  /** Offset in the Markdown just past the block's last character, when the block is a whole
   * top-level paragraph: an Obsidian block id may be appended there. */
  anchorAt?: number;
  /**
   * Where the block stands in an entry of API documentation, a signature in a line of its own
   * ("`itertools.accumulate(iterable[, func])`") and the paragraphs after it up to the next
   * signature or heading: "opens" for the first, whose first sentence has its subject in the
   * signature ("Make an iterator that..."), "inside" for the rest.
   */
  entry?: "opens" | "inside";
  /** A line of a list written one item to a line, a unit of its own with or without a stop. */
  line?: true;
  /** Such a line laid out in columns: a listing's row ("BUGS<spaces>- bugs in MPFR"). */
  columns?: true;
  /** In an Obsidian callout ("> [!note]"): an aside from what the text is about. */
  aside?: true;
  /** In a "See also" callout: what to read elsewhere, which says nothing of this text. */
  refers?: true;
  /** An index's entry (see entryName): what it names, its link's text or its label. */
  link?: string;
  /** An item of a list, or a paragraph in one. */
  item?: true;
  /** Opens with a code span, whose name starts a sentence in small letters: "`dbm` is a generic
   * interface...". */
  opensWithCode?: true;
}

/** The parsed body: its prose blocks and its headings. */
export interface BodyText {
  blocks: Block[];
  headings: string[];
  /** Each heading's level: 1 for `#`, 2 for `##`... */
  levels: number[];
  /** The text of each code span in the blocks ("`Isaac (?=Asimov)`"): a name seen only there
   * is an example's, not one the text speaks of. */
  code: string[];
  /** The words in camel case its code spans and blocks hold ("pInMemory", "PyObject"): names
   * a program gives, which the prose borrows ("database pInMemory") but a reader tags nothing by. */
  identifiers: string[];
}

/** A word with a capital after a small letter inside: "pInMemory", "loadOrSaveDb", "PyObject". */
const CAMEL_CASE = /(?<![\p{L}\p{N}_])\p{L}[\p{L}\p{N}]*?\p{Ll}\p{Lu}[\p{L}\p{N}]*/gu;

const STAMP = /^\[(\d{1,6}):([0-5]\d):([0-5]\d)\]\s*/;
/** The first line of an Obsidian callout: its type, whether it folds, its title. */
const CALLOUT = /^\[![\w-]+\][+-]?[^\n]*(?:\n|$)/u;
/** Where the walk leaves a callout (a token no lexer makes), and a "See also" callout. */
const CALLOUT_END = { type: "space", raw: "" } as Token;
const SEE_ALSO_END = { type: "space", raw: "" } as Token;
/** Where the walk leaves a list. */
const LIST_END = { type: "space", raw: "" } as Token;
/** The first line of a "See also" callout. */
const SEE_ALSO = /^\[!see-?also\]/iu;
const SEE_ALSO_HEADING = /^see also\b[\s:.]*$/iu;
/** A heading of a plain text in Emacs' outline form, GNU's NEWS files' ("** Bug fixes"): to
 * Markdown a paragraph, which the sentence after it ran into. */
const OUTLINE_HEADING = /^\*{2,3}[ \t]+[^\s*][^\n]*$/u;
/** "Maria Lopez: ..." at the start of a transcript turn: a short capitalised label. */
const LABEL = /^(\p{Lu}[\p{L}\p{M}.'’-]*(?:[ \t]\p{Lu}[\p{L}\p{M}.'’-]*){0,3}):\s+/u;

export function readBody(markdown: string): BodyText {
  const blocks: Block[] = [];
  const headings: string[] = [];
  const levels: number[] = [];
  const code: string[] = [];
  const identifiers = new Set<string>();
  /** The entry of API documentation being read, and whether its first block is still to come. */
  let entry: "opens" | "inside" | undefined;
  /** Whether the entry is a heading's, whose parameters are listed before its first paragraph. */
  let headed = false;
  /** How many callouts the blocks being read are in, and whether one's first line is next. */
  let asides = 0;
  let seeAlso = 0;
  // Under a heading "See also", as mdBook's books end their pages: "[Box] and [methods]".
  let seeAlsoSection = false;
  /** How many lists the blocks being read are items of. */
  let lists = 0;
  let calloutHead = false;
  const paragraph = (inline: Token[] | undefined, fallback: string, end: number | undefined) => {
    // "Lexicographically equal" above "Treats the CondPattern as a plain string...": a term on
    // a line of its own, as a definition list renders, is no part of the sentence below it.
    const br = inline?.findIndex((t) => t.type === "br") ?? -1;
    if (br > 0 && !calloutHead) {
      const label = inlineText(inline!.slice(0, br), "").trim();
      const rest = inline!.slice(br + 1);
      if (LABEL_LINE.test(label) && /^\s*\p{Lu}/u.test(inlineText(rest, ""))) {
        paragraph(inline!.slice(0, br), label, undefined);
        paragraph(rest, "", end);
        return;
      }
    }
    for (const span of codeSpans(inline)) code.push(span);
    let plain = inlineText(inline, fallback);
    // "[!note] Example": the callout's type and title label it; they are none of its prose.
    if (calloutHead) plain = plain.replace(CALLOUT, "");
    calloutHead = false;
    // A column's gap ("Guillaume Hanrot<tab>Main author") parts what stands either side.
    const raw = plain.replace(COLUMN_GAP, " — ");
    const gapped = plain.split("\n").map((line) => line.search(COLUMN_GAP) >= 0);
    // A mail's header is fields, most of them no words of the text; the others are a block each.
    const mail = MAIL_HEADER.test(raw) ? mailFields(raw) : undefined;
    // A transcript written as consecutive stamped lines is one Markdown paragraph: each
    // stamped line is a turn of its own.
    const lines = raw.split("\n");
    // So is each of the footnotes a note lists in one run ("[^1]: ...\n[^2]: ..."), and each
    // line of a list written one item to a line ("Clark Cooper" / "Fred L. Drake, Jr."): the
    // words of one line never run on into the next's.
    const listed = isListOfLines(lines);
    const turns = mail
      ? mail
      : lines.length > 1 && lines.filter((l) => STAMP.test(l)).length > 1
      ? groupTurns(lines, STAMP)
      : lines.length > 1 && lines.filter((l) => FOOTNOTE_LABEL.test(l)).length > 1
      ? groupTurns(lines, FOOTNOTE_LABEL)
      : listed
      ? lines
      : [raw];
    for (const [k, turn] of turns.entries()) {
      const block = toBlock(turn, headings.length);
      if (block.text === "") continue;
      if (listed && turns === lines) block.line = true;
      if (listed && turns === lines && gapped[k]) block.columns = true;
      if (turns.length === 1 && end !== undefined) block.anchorAt = end;
      // "The class AsyncHook exposes...": a heading's entry may open with its subject.
      if (entry) block.entry = headed && SUBJECT_FIRST.test(block.text) ? "inside" : entry;
      // "−o outfile If specified, each root graph...": a command-line option's entry, as a
      // manual page printed to PDF lists them.
      else if (OPTION_ENTRY.test(block.text) || opensWithTypedName(block.text)) {
        block.entry = "inside";
      }
      if (asides > 0) block.aside = true;
      if (seeAlso > 0 || seeAlsoSection) block.refers = true;
      if (lists > 0) block.item = true;
      const named = turns.length === 1 ? entryName(inline) : undefined;
      if (named) block.link = named;
      if (k === 0 && opensWithCodeSpan(inline)) block.opensWithCode = true;
      entry &&= "inside";
      blocks.push(block);
    }
  };
  // Nested quotes and lists are walked with a stack of our own: a body of 2,000 ">" must not
  // overflow the call stack.
  const visit = (tokens: Token[]) => {
    const stack: Token[][] = [tokens.slice().reverse()];
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const token = top.pop();
      if (token === undefined) {
        stack.pop();
        continue;
      }
      if (token === CALLOUT_END) {
        asides--;
        continue;
      }
      if (token === SEE_ALSO_END) {
        seeAlso--;
        continue;
      }
      if (token === LIST_END) {
        lists--;
        continue;
      }
      switch (token.type) {
        case "heading":
          headings.push(oneLine(inlineText(token.tokens, token.text)));
          seeAlsoSection = SEE_ALSO_HEADING.test(headings.at(-1)!);
          levels.push((token as Tokens.Heading).depth);
          break;
        case "paragraph":
        case "text":
          paragraph(token.tokens, token.text ?? "", undefined);
          break;
        case "blockquote": {
          const inside = (token as Tokens.Blockquote).tokens;
          if (inside[0]?.type === "paragraph" && CALLOUT.test(inside[0].raw)) {
            stack.push([CALLOUT_END]);
            asides++;
            calloutHead = true;
            if (SEE_ALSO.test(inside[0].raw)) {
              stack.push([SEE_ALSO_END]);
              seeAlso++;
            }
          }
          stack.push(inside.slice().reverse());
          break;
        }
        case "list":
          stack.push([LIST_END]);
          lists++;
          stack.push(
            (token as Tokens.List).items.flatMap((item) => item.tokens).reverse(),
          );
          break;
        case "table":
          for (const row of [(token as Tokens.Table).header, ...(token as Tokens.Table).rows]) {
            for (const cell of row) for (const span of codeSpans(cell.tokens)) code.push(span);
            const text = row.map((cell) => oneLine(inlineText(cell.tokens, cell.text))).join(" | ");
            if (text.replaceAll("|", "").trim() !== "") {
              blocks.push({ text: `| ${text} |`, section: headings.length });
            }
          }
          break;
        case "code":
          for (const [word] of (token as Tokens.Code).text.matchAll(CAMEL_CASE)) {
            identifiers.add(word);
          }
          break;
        default:
          // html, def, hr, space: no prose.
          break;
      }
    }
  };
  // marked reads "\r\n" as "\n" and keeps a byte order mark as text: offsets in the text it reads
  // are mapped back to the body as given.
  const bom = markdown.startsWith("\uFEFF") ? 1 : 0;
  const source = bom ? markdown.slice(1) : markdown;
  const shifts: number[] = [];
  for (let at = source.indexOf("\r\n"); at >= 0; at = source.indexOf("\r\n", at + 2)) {
    shifts.push(at - shifts.length);
  }
  const original = (offset: number) => offset + bom + countBelow(shifts, offset);
  let offset = 0;
  const tokens = marked.lexer(source);
  // In a text written in outline form, "* Noteworthy changes in release 1.12" alone is the
  // heading above the "** " ones, though to Markdown a list of one item.
  const outline = tokens.some((t) => t.type === "paragraph" && OUTLINE_HEADING.test(t.raw.trim()));
  for (const token of tokens) {
    const line = token.raw.trim();
    if (
      token.type === "paragraph" && OUTLINE_HEADING.test(line) ||
      outline && token.type === "list" && /^\*[ \t]+[^\n]*[^\s.:;!?]$/u.test(line)
    ) {
      headings.push(line.replace(/^\*+\s+/u, ""));
      levels.push(/^\*+/u.exec(line)![0].length);
    } else if (token.type === "paragraph") {
      // A signature's names are the note's terms too, though it is no sentence.
      const signature = isSignature(token as Tokens.Paragraph);
      if (signature) entry = undefined;
      const end = offset + token.raw.replace(/\s+$/u, "").length;
      paragraph(token.tokens, token.text, original(end));
      if (signature) entry = "opens";
    } else if (token.type === "list" && headed && entry === "opens") {
      // "* `path` {string}": a heading entry's parameters, before the paragraph that opens it.
      entry = "inside";
      visit([token]);
      entry = "opens";
    } else {
      if (token.type === "heading") {
        headed = isEntryHeading(token as Tokens.Heading);
        entry = headed ? "opens" : undefined;
      }
      visit([token]);
    }
    offset += token.raw.length;
  }
  for (const span of code) for (const [word] of span.matchAll(CAMEL_CASE)) identifiers.add(word);
  return { blocks: withoutStamps(blocks), headings, levels, code, identifiers: [...identifiers] };
}

/** Most words of a paragraph a page stamps on its entries. */
const STAMP_WORDS = 12;
/** How many times a short paragraph is said, the same but for its numbers, to be a stamp. */
const STAMP_TIMES = 3;
/** A label of words in small letters after the first ("Return value:"), no speaker's name
 * ("Smith:", "John Smith:") or lone "Note:". */
const STAMP_LABEL = /^\p{Lu}\p{Ll}*(?: \p{Ll}[\p{L}-]*){1,3}:(?=\s)/u;

/**
 * `blocks` without the short paragraphs said three times or more, numbers apart, or opening
 * alike with a label's colon: labels a page stamps on its entries ("Return value: New
 * reference. Part of the Stable ABI since version 3.7.", 25 times on one page of Python's C API,
 * made "abi" its first tag; "Return value: Borrowed reference." beside it made "return value"
 * a tag of 18 of its 64 pages), not prose. An entry a stamp opened opens with the paragraph
 * after it.
 */
function withoutStamps(blocks: Block[]): Block[] {
  const keys = blocks.map((block) =>
    STAMP_LABEL.exec(block.text)?.[0].toLowerCase() ??
      block.text.toLowerCase().replace(/\d+(?:\.\d+)*/gu, "#")
  );
  const times = new Map<string, number>();
  for (const key of keys) times.set(key, (times.get(key) ?? 0) + 1);
  const stamps = blocks.map((block, i) =>
    times.get(keys[i])! >= STAMP_TIMES && block.text.split(/\s+/u).length <= STAMP_WORDS
  );
  if (!stamps.includes(true)) return blocks;
  const out: Block[] = [];
  let opens = false;
  for (const [i, block] of blocks.entries()) {
    if (stamps[i]) {
      opens ||= block.entry === "opens";
      continue;
    }
    out.push(opens && block.entry === "inside" ? { ...block, entry: "opens" } : block);
    opens = false;
  }
  return out;
}

/**
 * The texts of the code spans among inline tokens, inside emphasis and links too. Pushed one by
 * one: spread into a call, a paragraph of 200,000 code spans would overflow the stack.
 */
function codeSpans(inline: Token[] | undefined): string[] {
  const out: string[] = [];
  const stack: Token[] = [];
  const add = (tokens: Token[]) => {
    for (let i = tokens.length - 1; i >= 0; i--) stack.push(tokens[i]);
  };
  add(inline ?? []);
  for (let token = stack.pop(); token !== undefined; token = stack.pop()) {
    if (token.type === "codespan") out.push((token as Tokens.Codespan).text);
    else if ("tokens" in token && token.tokens) add(token.tokens);
  }
  return out;
}

/**
 * What inline tokens name as an index's entry: links, bold or not, with at most a few words of
 * label beside them; undefined for any other text. SQLite's keyword index lists "**[About
 * SQLite](...)**", named by the link's text; its cross-references "--safe command-line option -
 * [cli.html#safemode](...)", named by the label where the links show addresses.
 */
function entryName(inline: Token[] | undefined): string | undefined {
  const shown = (inline ?? []).filter((t) => !(t.type === "text" && t.raw.trim() === ""))
    .map((t) => t.type === "strong" || t.type === "em" ? onlyChild(t) ?? t : t);
  const links = shown.filter((t): t is Tokens.Link => t.type === "link");
  // "Ilse Brandvold <ilse@lamps.example>" credits a person, whose address is no page.
  if (links.length === 0 || links.some((link) => /^mailto:/iu.test(link.href))) return undefined;
  const label = inlineText(shown.filter((t) => t.type !== "link"), "")
    .replace(/^\s*(?:[-–—→:|]\s+)?|(?:\s+[-–—→:|])?\s*$/gu, "");
  const words = label.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  if (words > INDEX_LABEL || /[.!?]$/u.test(label)) return undefined;
  const texts = links.map((link) => inlineText([link], "").trim());
  const name = label !== "" && texts.every((text) => ADDRESS.test(text)) ? label : texts.join(", ");
  return name === "" ? undefined : name;
}

/** A link's text that is its address: "cli.html#safemode", "c3ref/open.html". */
const ADDRESS = /^\S*(?:[/#]|\.html?\b)\S*$/iu;

/** Words an index's entry says beside its links at most ("about 200 SQL statements per webpage
 * -"): a sentence ends in a stop. */
const INDEX_LABEL = 8;

/** The one token that bold or emphasis wraps, if it wraps one. */
function onlyChild(token: Token): Token | undefined {
  const inner = ("tokens" in token ? token.tokens ?? [] : [])
    .filter((t) => !(t.type === "text" && t.raw.trim() === ""));
  return inner.length === 1 ? inner[0] : undefined;
}

/** Whether the inline tokens open with a code span, alone or as a link's text ("[`dbm`](...)"). */
function opensWithCodeSpan(inline: Token[] | undefined): boolean {
  const first = inline?.[0];
  if (first?.type === "codespan") return true;
  return first?.type === "link" && (first as Tokens.Link).tokens[0]?.type === "codespan";
}

/** A sentence's opening words that start its subject: "The", "Each", "It". */
const SUBJECT_FIRST = /^(?:The|A|An|This|These|Those|Each|Every|All|Any|Some|No|Its|It)\s/u;

/** A paragraph that opens with a command-line option, its argument, then what it does; or with
 * another term of a manual that is no word. */
const OPTION_ENTRY = new RegExp(
  "^(?:[−–-]{1,2}[\\p{L}\\p{N}?][\\p{L}\\p{N}?=-]*(?: [\\p{Ll}<[][^\\s]*)?|" +
    // "%i The line number currently being executed...": a prompt's escape, as the Z Shell
    // Manual lists them; "0 <S> The name used to invoke...", "ARGC <S> <Z> Same as #.": a
    // parameter with its flags. Not a name in small letters: "impl Trait provides ways..."
    "%[^\\s]{1,3}|[\\p{L}\\p{N}_$#*@?!-]+(?: <[A-Z]>)+) \\p{Lu}\\p{Ll}",
  "u",
);

/**
 * A heading that names an entry of API documentation, as Node.js's Markdown does:
 * "### `fs.readFile(path[, options], callback)`", "#### `dir.path`", "### Class: `fs.Dir`",
 * "#### Event: `'close'`".
 */
function isEntryHeading(token: Tokens.Heading): boolean {
  const shown = token.tokens.filter((t) => !(t.type === "text" && t.raw.trim() === ""));
  const code = shown.at(-1)?.type === "codespan" ? (shown.at(-1) as Tokens.Codespan).text : "";
  if (shown.length === 1) return /[.(]/u.test(code) && (NAME_ALONE.test(code) || CALL.test(code));
  return shown.length === 2 && code !== "" && shown[0].type === "text" &&
    /^(?:Class|Event|Static method|Interface|Type|Enum):\s*$/u.test(shown[0].raw);
}

/**
 * A paragraph that is one piece of code naming something, as API documentation heads an entry:
 * "`itertools.accumulate(iterable[, func])`", "`Counter.total()`", "`datetime.min`", and as a
 * manual page heads an option's: "`--edit`".
 */
function isSignature(token: Tokens.Paragraph): boolean {
  const shown = token.tokens.filter((t) => !(t.type === "text" && t.raw.trim() === ""));
  if (shown.length !== 1 || shown[0].type !== "codespan") return false;
  const code = (shown[0] as Tokens.Codespan).text;
  return NAME_ALONE.test(code) || CALL.test(code) || OPTION.test(code);
}

/** A command's option or argument, as a manual page heads its entry: "`--edit`",
 * "`--cleanup=<mode>`", "`<commit>…`", "`-f, --failfast`". */
const OPTION =
  /^(?:-{1,2}[\p{L}\p{N}][\p{L}\p{N}_-]*(?:, -{1,2}[\p{L}\p{N}][\p{L}\p{N}_-]*)*(?:[= [].*)?|<[\p{L}\p{N}_-]+>(?:…|\.\.\.)?)$/u;

/** A name alone, after what kind of name it is as Sphinx writes it: "`datetime.min`",
 * "`parents`", "`class datetime.timedelta`", "`exception re.error`". */
const NAME_ALONE =
  /^(?:(?:class|exception|data|attribute|method|classmethod|staticmethod|abstractmethod|property|coroutine|async|awaitable|decorator|type)\s+)*[\p{L}_][\p{L}\p{N}_.]*$/u;
/** A call's signature, after words such as "class" or a C return type, or a decorator's:
 * "`class collections.deque([iterable[, maxlen]])`", "`int PyObject_Print(PyObject *o)`",
 * "`@functools.cached_property(func)`". */
const CALL = /^(?:[\p{L}_][\p{L}\p{N}_*]*\s+){0,4}[*@]*[\p{L}_][\p{L}\p{N}_.]*\s*\(.*\)$/u;

/** How many of the sorted offsets are below `value`. */
function countBelow(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A mail's header as a paragraph: lines of fields ("Date: ...", "From: ...", "Content-type: ..."),
 * a field's value maybe carried on an indented line, one of them naming who wrote or what about.
 */
const MAIL_HEADER = /^(?:[A-Za-z][\w-]*:[ \t][^\n]*(?:\n[ \t]+[^\n]*)*\n?)+$/u;
const SENDER = /^(?:From|Subject|Date|Message-ID|Content-type|Abstract):/imu;

/**
 * What a mail's header says in words: who wrote it and about what (the From and Subject fields,
 * whose names are the note's people and whose subject its topic) and its abstract ("Abstract:
 * Sometimes a branch..."); its other fields ("Message-ID:", "Content-type:") are none. A
 * paragraph of fields without a sender, a subject, a content type or an abstract is no mail's
 * header (Git's howtos open with "Content-type:" and "Abstract:" alone).
 */
function mailFields(header: string): string[] | undefined {
  if (!SENDER.test(header)) return undefined;
  return [...header.matchAll(/^([A-Za-z][\w-]*):[ \t]*([^\n]*(?:\n[ \t]+[^\n]*)*)/gmu)]
    .filter(([, name]) => /^(?:From|Subject|Abstract)$/iu.test(name))
    .map(([field, name, value]) => /^abstract$/iu.test(name) ? value : field);
}

/** A gap of a tab or three spaces after a word: columns laid out with spaces, not a sentence's. */
const COLUMN_GAP = /(?<=[\p{L}\p{N})\]])(?:[ ]*\t[ \t]*|[ ]{3,})(?=\S)/gu;
/** Lines of a paragraph that may make a list. */
const LIST_LINES = 3;
const SHORT_LINE = 40;

/**
 * Whether the lines of a paragraph are a list written one item to a line, not wrapped prose:
 * short lines each opening with a capital or a digit ("Clark Cooper" / "Fred L. Drake, Jr."), or
 * lines nearly all of which are entries of a key, a dash or a colon and a value ("Joe Steffen -
 * Creator of Cscope" / "Hans-Bernhard Broeker <broeker@...> - Maintainer"), which wrapped prose
 * seldom has on every line.
 */
function isListOfLines(lines: string[]): boolean {
  if (lines.length < LIST_LINES) return false;
  const trimmed = lines.map((l) => l.trim());
  if (
    trimmed.every((l, i) => l.length <= SHORT_LINE && (i === 0 || /^[\p{Lu}\p{N}]/u.test(l)))
  ) return true;
  // Entries: "Joe Steffen - Creator of Cscope", "arch: David MacKenzie, Karel Zak", "Author:
  // Philip A. Nelson".
  const entries = trimmed.filter((l) => ENTRY_LINE.test(l)).length;
  return trimmed.every((l) => l.length <= 160 && !/[,;]$/u.test(l)) &&
    entries >= 0.8 * trimmed.length;
}

/** A term on a line of its own: eight words at most, ending in no sentence's punctuation. */
const LABEL_LINE = /^(?=\S)(?:\S+ ){0,7}\S+(?<![.!?,;])$/u;

/** A line of an entry: a name or key, then a dash, a colon or a tab, then what it is. */
const ENTRY_LINE = /^\S[^\t]{0,60}?(?: [-–—] |: |\t)\S/u;

/** Lines as the runs that each open with a line `opens` matches. */
function groupTurns(lines: string[], opens: RegExp): string[] {
  const turns: string[] = [];
  for (const line of lines) {
    if (opens.test(line) || turns.length === 0) turns.push(line);
    else turns[turns.length - 1] += "\n" + line;
  }
  return turns;
}

function toBlock(raw: string, section: number): Block {
  let text = oneLine(raw);
  const block: Block = { text: "", section };
  const stamp = STAMP.exec(text);
  if (stamp) {
    block.startMs = ((Number(stamp[1]) * 60 + Number(stamp[2])) * 60 + Number(stamp[3])) * 1000;
    text = text.slice(stamp[0].length);
    const label = LABEL.exec(text);
    if (label) {
      block.speaker = label[1];
      text = text.slice(label[0].length);
    }
  }
  // A footnote's mark ("a module object [^1], initializing it") and its label ("[^1]: This
  // limitation...") are no words of the sentence: as a key point they showed as "[\^1]:".
  block.text = text.replace(FOOTNOTE_LABEL, "").replace(FOOTNOTE_MARK, "");
  return block;
}

const FOOTNOTE_LABEL = /^\[\^[^\]\s]+\]:\s*/u;
const FOOTNOTE_MARK = /\s?\[\^[^\]\s]+\](?!:)/gu;

/** A full stop, two spaces or more and a word in small letters. */
const TYPEWRITER_END = /[.!?][ \t]{2,}\p{Ll}/u;

/** Text on one line, its runs of white space one space each, but for two after a full stop
 * before a word in small letters: where a typewriter's sentence ended ("...and locate programs.
 * find and xargs comply..."), which the language pass needs to see. */
function oneLine(s: string): string {
  // Most texts have no such end: one pass, no call per run of white space.
  if (!TYPEWRITER_END.test(s)) return s.replace(/\s+/gu, " ").trim();
  return s.replace(
    /\s+/gu,
    (run, at) =>
      run.length >= 2 && /^[ \t]+$/u.test(run) && /[.!?]/u.test(s[at - 1] ?? "") &&
        /\p{Ll}/u.test(s[at + run.length] ?? "")
        ? "  "
        : " ",
  ).trim();
}
