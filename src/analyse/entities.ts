/**
 * @module
 * Names found by the language pass, cleaned into the lists a note shows: possessives and stray
 * punctuation dropped, a surname alone counted for the full name it belongs to, ranked by how
 * often they are mentioned.
 */
import type { Span } from "./language.ts";

/** Something that is plainly a name: capitalised words, a few connecting ones, no markup. */
const NAME =
  /^\p{Lu}[\p{L}\p{M}\p{N}.'’&-]*(?:[ ](?:of|de|da|van|von|der|la|le|du|and|the|for|\p{Lu}[\p{L}\p{M}\p{N}.'’&-]*)){0,5}$/u;

export interface NameOptions {
  /** Count a lone word toward the one longer name that ends or starts with it ("Lovelace"). */
  mergeParts: boolean;
  limit: number;
}

/** The distinct names among the spans, most mentioned first, ties in order of appearance. */
export function rankNames(spans: Span[], options: NameOptions, extra: string[] = []): string[] {
  const counts = new Map<string, { name: string; count: number; first: number }>();
  const add = (raw: string, at: number) => {
    const name = cleanName(raw);
    if (!name) return;
    const key = name.toLowerCase();
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { name, count: 1, first: at });
  };
  extra.forEach((name, i) => add(name, -extra.length + i));
  for (const span of spans) add(span.text, span.start);

  if (options.mergeParts) {
    const full = [...counts.values()].filter((e) => e.name.includes(" "));
    for (const [key, entry] of counts) {
      if (entry.name.includes(" ")) continue;
      const owners = full.filter((f) => {
        const parts = f.name.toLowerCase().split(" ");
        return parts[0] === key || parts[parts.length - 1] === key;
      });
      if (owners.length === 1) {
        owners[0].count += entry.count;
        counts.delete(key);
      }
    }
  }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || a.first - b.first)
    .slice(0, options.limit)
    .map((e) => e.name);
}

/** A name as a note shows it, or undefined when the span is no usable name. */
export function cleanName(raw: string): string | undefined {
  let name = raw.replace(/\s+/gu, " ").trim()
    .replace(/^["'“”‘’(\[]+|["'“”‘’)\],;:!?]+$/gu, "")
    .replace(/['’]s$/u, "")
    .replace(/\.$/u, (dot) => (/\b\p{Lu}\.$/u.test(raw.trim()) ? dot : ""))
    .trim();
  // Shouted transcripts ("MARIA LOPEZ") read better in title case; one word in capitals is
  // more likely an acronym ("NASA") and stays as it is.
  if (name.includes(" ") && name === name.toUpperCase() && /\p{Lu}{2}/u.test(name)) {
    name = name.toLowerCase().replace(/(^|[ -])(\p{L})/gu, (_, sep, c) => sep + c.toUpperCase());
  }
  if (name.length < 2 || name.length > 60 || !NAME.test(name)) return undefined;
  return name;
}
