/**
 * @module
 * Programming languages by name and alias, from GitHub Linguist's list (npm
 * `linguist-languages`): "Ada", "Object Pascal" and "Julia" read like people's names to a
 * tagger of prose.
 */
import * as linguist from "linguist-languages";
import type { Language } from "linguist-languages";

/** Lower case without spaces or dashes: "Object Pascal" is Linguist's alias "objectpascal". */
const squashed = (name: string) => name.toLowerCase().replace(/[\s-]+/gu, "");

const NAMES = new Set(
  (Object.values(linguist) as Language[])
    .filter((language) => language.type === "programming")
    .flatMap((language) => [language.name, ...language.aliases ?? []])
    .map(squashed),
);

/** Whether `name` is a programming language's name or alias ("Ada", "Object Pascal", "cpp"). */
export function isProgrammingLanguage(name: string): boolean {
  return NAMES.has(squashed(name));
}
