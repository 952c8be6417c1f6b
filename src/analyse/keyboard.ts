/**
 * @module
 * The names of keys on a keyboard ("Page Up", "Ctrl", "F5", "Ctrl-V"), which a manual writes in
 * capitals and tables of key bindings list: no person, and no subject a note is tagged by.
 */

/** Words that name keys on a keyboard. */
const KEYS = new Set(
  ("page up down home end enter return escape esc tab shift ctrl control alt option command cmd " +
    "backspace delete del insert ins space spacebar left right caps lock num print screen")
    .split(" "),
);

/** Whether a word names a key on a keyboard: "Ctrl", "Esc", "F5". */
export function namesKey(word: string): boolean {
  return KEYS.has(word.toLowerCase()) || /^F\d{1,2}$/u.test(word);
}

/** A key chord: "Ctrl-V", "Alt+F4". */
export const KEY_CHORD = /^(?:ctrl|alt|shift|cmd|meta|super|control)[-+]\S/iu;
/** A key that ends a chord or a line of a table of key bindings: "Ctrl-V Tab", "C. Esc". */
export const KEY_END = /^(?:esc|escape|tab|ctrl|alt|shift|backspace|enter)$/iu;
