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
    "judge ambassador minister premier chancellor reverend rev bishop cardinal pope rabbi imam sheriff " +
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
  ..."vice general gen staff major commander corporal private chair chief prime commissioner director father majority minority first class former late elect deputy attorney surgeon officer detective agent specialist seaman airman veteran coach trooper"
    .split(" "),
]);

/** Whether the set holds the word as a title, plural too ("Senators Frist and Breaux",
 * "Congressmen"), or a title to be ("President-elect"). */
function holds(set: Set<string>, word: string): boolean {
  const bare = word.toLowerCase().replace(/\.$/u, "").replace(/-(?:elect|designate)$/u, "");
  return set.has(bare) || set.has(bare.replace(/men$/u, "man")) ||
    /\p{L}{3}s$/u.test(bare) && set.has(bare.slice(0, -1));
}
export const isTitle = (word: string) => holds(TITLE, word);
export const isPersonTitle = (word: string) => holds(PERSON_TITLE, word);
