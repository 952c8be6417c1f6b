/**
 * @module
 * TeX's quotation marks and dashes in a PDF whose fonts give no Unicode for them. Computer
 * Modern's text fonts (TeX's OT1 encoding) draw “ at the code of "\", ” at that of '"', – at "{"
 * and — at "|"; without a ToUnicode map pdf.js reads the codes as those ASCII characters:
 * `\shift"`, "Forrest{Tomlin", "(1.1)|(1.3)" (GLPK's reference manual, 96 quotations).
 * pdftotext knows the encoding. The typewriter font keeps ASCII, so code is left alone.
 */

/**
 * A quotation as OT1 leaves it: a backslash before a word, a straight quote after the last. Not an
 * escape a text about formats writes ("MIME-Magic\0\n"", "\x03"") nor TeX's own markup
 * ("$\backslash$x03""): the word has two letters and the quotation no "$".
 */
const QUOTED = /\\(\p{L}{2}[^\\"\n$]{0,200}?)"/gu;
/** Between two words or numbers, with no space: "Forrest{Tomlin", "1{3". */
const EN_DASH = /(?<=[\p{L}\p{N})])\{(?=[\p{L}\p{N}(])/gu;
/** "(1.1)|(1.3)", "constraints|the". */
const EM_DASH = /(?<=[\p{L}\p{N})])\|(?=[\p{L}\p{N}(])/gu;
/**
 * Quotations a document must show before anything is changed: a document in OT1 quotes often; a
 * backslash and a quote close by in a healthy text are an accident.
 */
const EVIDENCE = 3;

/**
 * A function that puts TeX's quotation marks and dashes back in one text of a document, given
 * all of the document's prose to judge whether its fonts lost them, or `texMath` when its
 * mathematics is known to be set in TeX's fonts without Unicode; it returns a text unchanged
 * when they did not.
 */
export function texPunctuation(texts: string[], texMath = false): (text: string) => string {
  let quotations = 0;
  for (const text of texts) {
    quotations += text.match(QUOTED)?.length ?? 0;
    if (quotations >= EVIDENCE) break;
  }
  // A document whose mathematics is in TeX's fonts has its text in them too, quoted or not.
  if (quotations < EVIDENCE && !texMath) return openingQuotes;
  return (text) =>
    openingQuotes(text).replace(QUOTED, "“$1”").replace(EN_DASH, "–").replace(EM_DASH, "—");
}

/**
 * A typewriter's quotation as a DocBook PDF sets it, its backquote a grave accent over nothing
 * between spaces ("the ̀ unstable’ archive", Debian's FAQ); and an opening double quote drawn as
 * a closing one ("attempt to ”upgrade” to Debian").
 */
const GRAVE_QUOTED = /(?<=^|\s)\u0300\s?(\p{L}[^’\n]{0,78})’/gu;
const CLOSING_OPENS = /(?<=^|[\s(\[])”(?=\p{L})([^”“\n]{1,200})”/gu;

function openingQuotes(text: string): string {
  return text.replace(GRAVE_QUOTED, "‘$1’").replace(CLOSING_OPENS, "“$1”");
}
