// The `stopword` package ships no types; gleaner uses only its English list.
export const eng: string[];
