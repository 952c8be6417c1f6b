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
    "adm sergeant sgt staff captain capt lieutenant lt colonel col major commander corporal " +
    "private governor gov mayor chairman chairwoman chair chief judge ambassador minister " +
    "prime premier chancellor commissioner director reverend rev father bishop cardinal pope " +
    "rabbi imam majority minority first " +
    "former late elect deputy attorney surgeon officer detective agent")
    .split(" "),
);
export const isTitle = (word: string) => TITLE.has(word.toLowerCase().replace(/\.$/u, ""));
