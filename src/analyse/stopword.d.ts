// The `stopword` package ships no types. Its lists of function words are named by their
// language's ISO 639-3 code, as franc names languages; the default export holds them all.
export const eng: string[];
declare const lists: Record<string, unknown>;
export default lists;
