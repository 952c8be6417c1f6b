/**
 * @module
 * Words said before a person's name that are no part of it.
 */

/** Titles said only of a person: after one of these a capitalised word is a name ("Governor
 * Branstad"), where after "General" or "First" it may be a thing ("General Resolutions"). */
const PERSON_TITLE = new Set(
  ("mr mrs ms miss mx dr prof sir dame lady lord madam president speaker justice leader " +
    "senator sen representative rep congressman congresswoman secretary admiral adm sergeant " +
    "sgt captain capt lieutenant lt colonel col marshal governor gov mayor chairman chairwoman " +
    "judge ambassador minister premier chancellor reverend rev bishop cardinal pope rabbi imam " +
    "democrat republican")
    .split(" "),
);

/**
 * Honorifics and offices said before a name ("Justice John Roberts", "Leader Howard Baker"):
 * not part of it. Alone they name a role, no person ("Mr. President", "Vice President"). The
 * person's titles, and words that also come before things ("General", "First", "Chief").
 */
const TITLE = new Set([
  ...PERSON_TITLE,
  ..."vice general gen staff major commander corporal private chair chief prime commissioner director father majority minority first class former late elect deputy attorney surgeon officer detective agent"
    .split(" "),
]);

const bare = (word: string) => word.toLowerCase().replace(/\.$/u, "");
export const isTitle = (word: string) => TITLE.has(bare(word));
export const isPersonTitle = (word: string) => PERSON_TITLE.has(bare(word));
