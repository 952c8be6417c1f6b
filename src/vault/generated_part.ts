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
  const end = existing.indexOf(END);
  // The last opening marker before the first closing one: a stray opening marker the user left
  // earlier in the file must not swallow the text after it.
  const begin = end < 0 ? -1 : existing.lastIndexOf(BEGIN, end);
  if (begin < 0) return `${existing.trimEnd()}\n\n${part}\n`;
  return existing.slice(0, begin) + part + existing.slice(end + END.length);
}

/** Whether a map holds nothing but what gleaner generated (its heading and the part). */
export function onlyGenerated(text: string, title: string): boolean {
  const end = text.indexOf(END);
  const begin = end < 0 ? -1 : text.lastIndexOf(BEGIN, end);
  if (begin < 0) return false;
  const outside = (text.slice(0, begin) + text.slice(end + END.length)).trim();
  return outside === "" || outside === `# ${title}`;
}
