/**
 * @module
 * The questions a text is written to answer, as a FAQ asks them: in its headings ("Why is there
 * no goto?"), or each opening a paragraph or list item of its own, bare or marked ("Q: What do
 * the letters XZ mean?", "3.11 Why does lsof update the device cache file?", "Q3. I'm trying to
 * make a layout larger. How?"). A FAQ's answers are about as many things as it has questions:
 * its summary says which it answers, since a handful of answer sentences from anywhere cannot.
 */
import type { BodyText } from "./blocks.ts";
import type { Unit } from "./summarise.ts";

/** The questions a text asks and answers. */
export interface Asked {
  /** Each question once, in the text's order, without its mark ("Q:", "1.1."). */
  questions: string[];
  /** For each question, the heading of the part it is asked in ("Core Language"), or "". */
  parts: string[];
  /** The units that ask them. */
  units: Set<number>;
}

/** Distinct questions that make a text a FAQ: a tutorial may ask two or three on its way. */
const FAQ = 5;
/** Distinct questions that make a FAQ of a text its title calls one (Python's GUI FAQ has 4). */
const TITLED_FAQ = 3;
/**
 * The most words of a text per question it asks, for a FAQ: the FAQs read have 70 to 670 (sed's),
 * Git's design notes on sparse checkouts, which list six open questions, 1,190.
 */
const WORDS_PER_QUESTION = 800;
const FAQ_TITLE = /\bFAQs?\b|\bfrequently asked questions\b/iu;
/** The share of its words a text says before a list of questions that is a checklist. */
const CHECKLIST_AFTER = 0.1;
/** The most words one question runs to; more is a paragraph that ends by asking. */
const QUESTION_WORDS = 40;
/** A question's mark: "Q:", "Q.", "Q3.", "1.", "1.1.", "(3)", "17.25 —". */
const MARK = /^(?:Q\d*\s*[.:)]|\(?\d{1,3}(?:\.\d{1,3})*[.)]?(?:\s+[—–-])?(?=\s))\s*/u;
const ASKS = /\?["”’)*]*$/u;
/** A question's first words ending in a trail of dots, which the headings below it finish. */
const OPENS_QUESTIONS = /\s*(?:…|\.{3})\s*\?$/u;
/** A question's last words after a trail of dots. */
const CONTINUES = /^(?:…|\.{3})\s*/u;

/**
 * The questions of a FAQ, or undefined for a text that is not one. A FAQ asks at least
 * {@link FAQ} distinct questions and one in every {@link WORDS_PER_QUESTION} words, or at least
 * {@link TITLED_FAQ} under a title saying FAQ. A question is a heading, or a sentence or two
 * opening a block of their own that are the whole block or carry a question's mark. A rhetorical
 * question inside a paragraph ("Why does this matter?") asks nothing a reader looks up.
 */
export function askedQuestions(
  list: Unit[],
  { blocks, headings, levels }: BodyText,
  title: string,
): Asked | undefined {
  const asked: { text: string; part: string; at: number; item?: boolean }[] = [];
  const units = new Set<number>();
  // The headings above the one being read, one per level: the part a question heading is in is
  // the nearest of them that is no question itself.
  const above: { level: number; text: string }[] = [];
  // Each heading stands before the first block of its section; blocks are in section order.
  let next = 0;
  headings.forEach((heading, h) => {
    while (next < blocks.length && blocks[next].section <= h) next++;
    while (above.length > 0 && above.at(-1)!.level >= levels[h]) above.pop();
    let text = bare(heading);
    // "How do I …?" over "… install pip in versions of Python prior to Python 3.4?": the
    // heading above opens each question below it, and asks none itself.
    const opener = above.findLast((a) => OPENS_QUESTIONS.test(a.text))?.text;
    if (opener !== undefined && CONTINUES.test(text)) {
      text = `${bare(opener).replace(OPENS_QUESTIONS, "")} ${text.replace(CONTINUES, "")}`;
    }
    if (ASKS.test(text) && !OPENS_QUESTIONS.test(text)) {
      const part = above.findLast((a) => !ASKS.test(a.text))?.text ?? "";
      asked.push({ text, part, at: next });
    }
    above.push({ level: levels[h], text: heading });
  });
  for (let i = 0; i < list.length; i++) {
    const unit = list[i];
    // "Is the result an error?" under "`int PyStatus_IsError(PyStatus status)`": an entry of a
    // reference says what its function tests, which no reader asked.
    if (!unit.leads || blocks[unit.block].entry) continue;
    // "I deleted a lot of data but the database file did not get any smaller. Is this a bug?";
    // "3.4." may be a unit of its own before "I tried running a Java program...".
    let last = i;
    while (!ASKS.test(list[last].text) && last - i < 2 && list[last + 1]?.block === unit.block) {
      last++;
    }
    if (!ASKS.test(list[last].text)) continue;
    const asking = list.slice(i, last + 1);
    const text = asking.map((u) => u.text).join(" ");
    const length = asking.reduce((sum, u) => sum + u.words, 0);
    const whole = list[last + 1]?.block !== unit.block;
    // "double/triple-space a file?": an item of a list that a question opened.
    const opens = /^[\p{Lu}\p{N}"“‘'(*]/u.test(text);
    if (length > QUESTION_WORDS || !opens || !(whole || MARK.test(text))) continue;
    const section = blocks[unit.block].section;
    asked.push({
      text: bare(text),
      part: section > 0 && !ASKS.test(headings[section - 1]) ? headings[section - 1] : "",
      at: unit.block,
      item: blocks[unit.block].item === true,
    });
    for (let j = i; j <= last; j++) units.add(j);
  }
  // A table of contents asks each question once more, where its answer starts.
  const seen = new Set<string>();
  const once = asked.toSorted((a, b) => a.at - b.at).filter(({ text }) => {
    // The question proper, without what its asker says first ("The lamps burn all night.").
    const key = text.split(/(?<=[.!])\s+/u).at(-1)!.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const words = list.reduce((sum, u) => sum + u.words, 0);
  // suEXEC's page lists the 23 checks its wrapper makes as questions, a quarter of the way in: a
  // list of questions after the text has begun is a checklist, not what the text is written to
  // answer. The FAQs read that ask in lists ask from their start (SQLite's) and say FAQ in their
  // titles; the others ask in headings (zsh's first chapter, from a fifth of its words).
  const first = once[0]?.at ?? 0;
  const before = list.reduce((sum, u) => u.block < first ? sum + u.words : sum, 0);
  const checklist = once.every((q) => q.item) && before > CHECKLIST_AFTER * words;
  const faq = FAQ_TITLE.test(title)
    ? once.length >= TITLED_FAQ
    : once.length >= FAQ && once.length * WORDS_PER_QUESTION >= words && !checklist;
  if (!faq) return undefined;
  return { questions: once.map((q) => q.text), parts: once.map((q) => q.part), units };
}

/** An answer's opener that needs its question: "Yes. inflate() will...", "Not by itself, no." */
const REPLY =
  /^(?:yes|no|not by itself|not really|not yet|not exactly|probably not|certainly)(?=\s*[,.!;])/iu;

/** Whether a sentence opens as the answer to a question it does not say. */
export function replies(sentence: string): boolean {
  return REPLY.test(sentence.trim());
}

/** The longest line of questions: a map shows a summary's first sentence up to 240 characters. */
const LONGEST_LINE = 230;
/** The most questions the line names. */
const SHOWN = 3;

/**
 * A sentence naming how many questions a FAQ answers and a few of them: "Answers 45 questions,
 * such as “Why is there no goto?” and “Why can’t raw strings end with a backslash?”." The first
 * of each of its first parts when it has parts ("General Questions", "Core Language"), for
 * their breadth, else the first it asks, as its author ordered them; as many as fit in a line.
 */
export function questionsLine({ questions, parts }: Asked): string {
  const firsts = questions.filter((_, i) => parts[i] !== "" && parts.indexOf(parts[i]) === i);
  const order = firsts.length >= 2 ? [...firsts, ...questions] : questions;
  const shown: string[] = [];
  const line = (items: string[]) => {
    const quoted = items.map((q) => `“${q}”`);
    const listed = quoted.length === 1
      ? quoted[0]
      : `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)}`;
    return `Answers ${questions.length} questions, such as ${listed}.`;
  };
  for (const question of new Set(order)) {
    if (shown.length === SHOWN) break;
    if (line([...shown, question]).length <= LONGEST_LINE) shown.push(question);
  }
  return shown.length > 0 ? line(shown) : `Answers ${questions.length} questions.`;
}

/** Whether a sentence is a line {@link questionsLine} made. */
export function isQuestionsLine(sentence: string): boolean {
  return /^Answers \d+ questions(?:, such as “.+”)?\.$/u.test(sentence);
}

/** A question without its mark, emphasis or run of spaces. */
function bare(question: string): string {
  return question.replace(/\s+/gu, " ").trim().replace(MARK, "").replace(/^\*+|\*+$/gu, "")
    .replace(/\s+(?=\?)/gu, "").trim();
}
