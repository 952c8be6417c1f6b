/**
 * @module
 * The words that end the name of a body: "Corporation", "Agency", "Board". A name that ends in one
 * is an organisation's ("the Reconstruction Finance Corporation"); one that does not is a thing's
 * ("Cipher Block Chaining").
 */

/** Whether `word` ends a body's name, in any case, singular or plural. */
export function isBodyWord(word: string): boolean {
  return BODY_WORD.test(word);
}

const BODY_WORD = new RegExp(
  "^(?:corporations?|compan(?:y|ies)|agency|agencies|banks?|boards?|commissions?|committees?|" +
    "councils?|departments?|administrations?|authority|authorities|bureaus?|offices?|" +
    "services?|foundations?|institutes?|associations?|society|societies|unions?|" +
    "organi[sz]ations?|groups?|networks?|universit(?:y|ies)|colleges?|laborator(?:y|ies)|" +
    "part(?:y|ies)|forces?|army|armies|navy|navies)$",
  "iu",
);
