/**
 * @module
 * Who a web page says owns it: the holder its copyright notice names ("© Copyright 2001-2026,
 * Python Software Foundation."), usually in a footer the extractor leaves out of the note's body.
 */

/** Where a notice starts: the sign, "(c)" or the word. */
const NOTICE = /©|\(c\)|\bcopyright\b/giu;
/** What may come between the sign and the years: the sign and the word again, in any order. */
const SIGNS = /^(?:\s*(?:©|\(c\)|copyright)\s*)*/iu;
/** Years and ranges of years, with commas: "2001-2026,", "1999, 2003–2005". */
const YEARS =
  /^\d{4}(?:\s*[-–]\s*\d{4})?(?:\s*,\s*\d{4}(?:\s*[-–]\s*\d{4})?){0,9}\s*,?\s*(?:by\s+)?/iu;
/** The holder: a capitalised name up to the end of its sentence or its "All rights reserved";
 * the sentence after a line break runs on in a page's text ("Foundation.Licensed under"). */
const HOLDER =
  /^(\p{Lu}[^.|;:<>()[\]{}"]{1,80}?)\s*(?:,?\s*(?:all|ALL|All) (?:rights|RIGHTS|Rights) (?:reserved|RESERVED|Reserved)|\.(?:\s|$|(?=\p{Lu}))|[|;]|$)/u;

/**
 * The holder the last copyright notice in a page's text names, or undefined: a notice names
 * years before its holder, which tells it from prose about copyright ("copyright law").
 */
export function copyrightHolder(pageText: string): string | undefined {
  let holder: string | undefined;
  for (const notice of pageText.matchAll(NOTICE)) {
    const rest = pageText.slice(notice.index, notice.index + 200).replace(SIGNS, "");
    const years = YEARS.exec(rest);
    if (!years) continue;
    const found = HOLDER.exec(rest.slice(years[0].length))?.[1].trim();
    if (found && /\p{L}{2}/u.test(found)) holder = found;
  }
  return holder;
}
