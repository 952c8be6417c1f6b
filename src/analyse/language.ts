/**
 * @module
 * What the `compromise` NLP library reads in a text, in one pass: sentence boundaries (it knows
 * "Dr." and "U.S." end no sentence), noun phrases (keyphrase candidates) and the people,
 * organisations and places named.
 *
 * compromise reads DEBUG_TAGS, DEBUG_CHUNKS and DEBUG_MATCH through `process.env` as it tags:
 * see LIBRARY_SWITCHES in the sandbox slot.
 */
import nlp from "compromise";

/** A span of the text passed to {@link readLanguage}. */
export interface Span {
  text: string;
  /** Offset of its first character (UTF-16 code units). */
  start: number;
}

/** A noun phrase: its words lower-cased, whether it names a person, whether an adjective
 * opens it ("strong colony"). */
export interface Phrase extends Span {
  words: string[];
  person: boolean;
  adjective: boolean;
}

export interface Language {
  sentences: Span[];
  phrases: Phrase[];
  people: Span[];
  organizations: Span[];
  places: Span[];
}

interface Term {
  normal?: string;
  tags?: string[];
}
interface Found {
  text: string;
  offset: { start: number; length: number };
  terms?: Term[];
}

export function readLanguage(text: string): Language {
  const doc = nlp(text);
  const spans = (view: { json(options: object): unknown }): Span[] =>
    (view.json({ offset: true, text: true, terms: false }) as Found[]).map((f) => ({
      text: f.text,
      start: f.offset.start,
    }));
  const phrases = (doc.match("#Adjective? #Noun+").not("(#Pronoun|#Honorific|#Value)").json({
    offset: true,
    text: true,
    terms: { normal: true, tags: true },
  }) as Found[]).map((f) => ({
    text: f.text,
    start: f.offset.start,
    words: (f.terms ?? []).map((t) => t.normal ?? "").filter((w) => w !== ""),
    person: (f.terms ?? []).some((t) => t.tags?.includes("Person")),
    adjective: f.terms?.[0]?.tags?.includes("Adjective") ?? false,
  }));
  return {
    sentences: locate(text, doc.sentences().out("array") as string[]),
    phrases,
    people: spans(doc.people().not("#Honorific")),
    organizations: spans(doc.organizations()),
    places: spans(doc.places()),
  };
}

/**
 * Finds each sentence in the text, in order. compromise can report offsets itself, but for
 * sentences that took time quadratic in their number (11 s for 1,500 sentences, measured).
 */
function locate(text: string, sentences: string[]): Span[] {
  const spans: Span[] = [];
  let cursor = 0;
  for (const raw of sentences) {
    const sentence = raw.trim();
    if (sentence === "") continue;
    const at = text.indexOf(sentence, cursor);
    const start = at < 0 ? cursor : at;
    spans.push({ text: sentence, start });
    if (at >= 0) cursor = at + sentence.length;
  }
  return spans;
}
