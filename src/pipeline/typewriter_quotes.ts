/**
 * @module
 * Quotes as typewriters wrote them, a backquote and an apostrophe ("`groff'", "``like this''"),
 * turned into the quotation marks they stand for. Markdown reads a backquote as code's: a plain
 * text's "`MORE.STUFF' contains information about add-on packages useful for `groff'" became one
 * span of code, and a web page's "`stable'" showed its backquote escaped.
 */

/**
 * The text with its typewriter quotes as quotation marks. The quoted words start and end on a
 * letter or sign, and no letter follows: "`date` and it's" quotes nothing.
 */
export function typewriterQuotes(text: string): string {
  return text.replace(/``([^`'\s](?:[^`'\n]{0,198}[^`'\s])?)''(?!\p{L})/gu, "“$1”")
    .replace(/`([^`'\s](?:[^`'\n]{0,78}[^`'\s])?)'(?!\p{L})/gu, "‘$1’");
}
