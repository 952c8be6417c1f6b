/**
 * @module
 * Words said before a person's name that are no part of it.
 */

/**
 * Honorifics and offices said before a name ("Justice John Roberts", "Leader Howard Baker"):
 * not part of it. Alone they name a role, no person ("Mr. President", "Vice President").
 */
const TITLE = new Set(
  ("mr mrs ms miss mx dr prof sir dame lady lord madam president vice speaker justice leader " +
    "senator sen representative rep congressman congresswoman secretary general gen admiral " +
    "adm sergeant sgt staff captain capt lieutenant lt colonel col major commander corporal marshal " +
    "private governor gov mayor chairman chairwoman chair chief judge ambassador minister " +
    "prime premier chancellor commissioner director reverend rev father bishop cardinal pope " +
    "rabbi imam majority minority first class democrat republican " +
    "former late elect deputy attorney surgeon officer detective agent")
    .split(" "),
);
export const isTitle = (word: string) => TITLE.has(word.toLowerCase().replace(/\.$/u, ""));

/** Titles said only of a person: after one of these a capitalised word is a name ("Governor
 * Branstad"), where after "General" or "First" it may be a thing ("General Resolutions"). */
const PERSON_TITLE = new Set(
  ("mr mrs ms miss mx dr prof sir dame lady lord madam president speaker justice leader " +
    "senator sen representative rep congressman congresswoman secretary admiral adm sergeant " +
    "sgt captain capt lieutenant lt colonel col marshal governor gov mayor chairman chairwoman judge " +
    "ambassador minister premier chancellor reverend rev bishop cardinal pope rabbi imam " +
    "democrat republican")
    .split(" "),
);
export const isPersonTitle = (word: string) =>
  PERSON_TITLE.has(word.toLowerCase().replace(/\.$/u, ""));
