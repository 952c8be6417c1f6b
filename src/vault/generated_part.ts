/**
 * @module
 * The generated part of a Map of Content: between two Obsidian comment markers (`%% ... %%`,
 * invisible in reading view). gleaner replaces only what lies between them; whatever the user
 * writes before or after is kept, byte for byte.
 */

export const BEGIN =
  "%% gleaner: generated part begins; edits between these markers are replaced %%";
export const END = "%% gleaner: generated part ends %%";

/**
 * The file's text with `generated` between the markers. A new file gets a heading and the
 * markers; a file without a complete pair of markers keeps its text and gets the part appended.
 */
export function mergeGenerated(existing: string | undefined, title: string, generated: string) {
  const part = `${BEGIN}\n${generated}\n${END}`;
  if (existing === undefined) return `# ${title}\n\n${part}\n`;
  const found = locate(existing);
  if (!found) return `${existing.trimEnd()}\n\n${part}\n`;
  return existing.slice(0, found.begin) + part + existing.slice(found.end);
}

/** Whether a map holds nothing but what gleaner generated (its heading and the part). */
export function onlyGenerated(text: string, title: string): boolean {
  const found = locate(text);
  if (!found) return false;
  const outside = (text.slice(0, found.begin) + text.slice(found.end)).trim();
  return outside === "" || outside === `# ${title}`;
}

/**
 * The generated part: the last opening marker that has a closing one after it, up to that
 * closing marker. A stray marker the user left (an opening one anywhere, a closing one before the
 * pair) neither swallows their text nor makes the part appended again on every run.
 */
function locate(text: string): { begin: number; end: number } | undefined {
  for (
    let begin = text.lastIndexOf(BEGIN);
    begin >= 0;
    begin = text.lastIndexOf(BEGIN, begin - 1)
  ) {
    const end = text.indexOf(END, begin + BEGIN.length);
    if (end >= 0) return { begin, end: end + END.length };
    if (begin === 0) break;
  }
  return undefined;
}
