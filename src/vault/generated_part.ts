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
 * A map whose generated part was cut short, as a write torn by a crash or a bad disk leaves it:
 * the text before the part, which may be the user's, or undefined when the text holds a whole
 * part or no sign of one. Nothing but a prefix of gleaner's own heading comes back as "".
 * Only for a map gleaner wrote whose text is no longer what it wrote: a user's stray opening
 * marker looks the same.
 */
export function beforeTornPart(text: string, title: string): string | undefined {
  if (locate(text)) return undefined;
  let cut = text.lastIndexOf(BEGIN);
  // Cut inside the opening marker itself.
  for (let k = BEGIN.length - 1; cut < 0 && k > 0; k--) {
    if (text.endsWith(BEGIN.slice(0, k))) cut = text.length - k;
  }
  const heading = `# ${title}\n\n`;
  if (cut < 0) return heading.startsWith(text) ? "" : undefined;
  const kept = text.slice(0, cut);
  return heading.startsWith(kept) ? "" : kept;
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
