/**
 * @module
 * A note gleaner wrote, read back into the draft it was rendered from: used when the state
 * database had to be rebuilt, so adopted notes keep their place in related notes and Maps of
 * Content without their sources being processed again. The inverse of {@link renderNote}.
 */
import { termVector } from "../analyse/analyse.ts";
import type { Claim, KeyPoint, NoteDraft, PropertyValue } from "../protocol/messages.ts";
import { parseFrontmatter, STANDARD_KEYS } from "../markdown/frontmatter.ts";
import { unnestHeadings } from "../markdown/heading_levels.ts";

const SECTIONS = ["Summary", "Key points", "Claims", "People", "Related"] as const;
const FULL = /^## (?:Full text|Transcript)$/m;
/** Keys read into the draft's own fields; `duration` is the source's and stays a property. */
const OWN_KEYS = new Set([...STANDARD_KEYS].filter((key) => key !== "duration"));

/** What a note says about itself, or undefined when it is not in gleaner's layout. */
export function readNote(text: string): { draft: NoteDraft; related: string[] } | undefined {
  const { data, body } = parseFrontmatter(text);
  if (!data || typeof data.title !== "string" || typeof data.type !== "string") return undefined;
  if (typeof data.source_hash !== "string" || !/^[0-9a-f]{64}$/.test(data.source_hash)) {
    return undefined;
  }
  const full = FULL.exec(body);
  if (!full) return undefined;
  const head = body.slice(0, full.index);
  const fullText = body.slice(full.index + full[0].length).replace(/^\n\n?/, "").replace(
    /\n$/,
    "",
  );
  const sections = new Map<string, string>();
  const parts = head.split(/^## (.+)$/m);
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const content = parts[i + 1].trim();
    sections.set(parts[i], content === "_None._" ? "" : content);
  }
  if (!SECTIONS.every((s) => s === "Claims" || sections.has(s))) return undefined;

  const properties: Record<string, PropertyValue> = {};
  for (const [key, value] of Object.entries(data)) {
    if (OWN_KEYS.has(key)) continue;
    if (
      typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ) properties[key] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === "string")) {
      properties[key] = value;
    }
  }
  const draft: NoteDraft = {
    title: data.title,
    type: data.type,
    sourceHash: data.source_hash,
    sourceBytes: typeof data.source_bytes === "number" ? data.source_bytes : 0,
    wordCount: typeof data.words === "number" ? data.words : 0,
    body: fullText === "_None._" ? "" : unnestHeadings(fullText),
    analysis: {
      summary: sections.get("Summary")!.split(/\n{2,}/).filter((p) => p !== "").map(unescape),
      keyPoints: lines(sections.get("Key points")!).map(keyPoint),
      keyphrases: strings(data.tags).map((t) => t.slice(t.lastIndexOf("/") + 1).replace(/-/g, " ")),
      tags: strings(data.tags),
      people: strings(data.people),
      organizations: strings(data.organizations),
      places: strings(data.places),
      terms: termVector(fullText),
      ...(sections.has("Claims") ? { claims: claims(sections.get("Claims")!) } : {}),
    },
    ...(Object.keys(properties).length > 0 ? { properties } : {}),
  };
  const related = strings(data.related).map((link) => /^\[\[([^|\]]+)/.exec(link)?.[1])
    .filter((t) => t !== undefined).map((t) => `${t}.md`);
  return { draft, related };
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function lines(section: string): string[] {
  return section === "" ? [] : section.split("\n");
}

function keyPoint(line: string): KeyPoint {
  const linked = /^- \[\[#\^([A-Za-z0-9-]+)\|(\d+):(\d\d):(\d\d)\]\] (.*)$/.exec(line);
  if (linked) {
    return {
      text: unescape(linked[5]),
      startMs: ms(linked[2], linked[3], linked[4]),
      anchor: linked[1],
    };
  }
  const timed = /^- (\d+):(\d\d):(\d\d) (.*)$/.exec(line);
  if (timed) return { text: unescape(timed[4]), startMs: ms(timed[1], timed[2], timed[3]) };
  return { text: unescape(line.replace(/^- /, "")) };
}

function claims(section: string): Claim[] {
  const out: Claim[] = [];
  const all = lines(section);
  for (let i = 0; i + 1 < all.length; i += 2) {
    out.push({
      claim: unescape(all[i].replace(/^- /, "")),
      evidence: unescape(all[i + 1].replace(/^ {2}> /, "")),
    });
  }
  return out;
}

function ms(h: string, m: string, s: string): number {
  return ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000;
}

/** Undoes escapeMarkdown, which puts a backslash before every character it escapes. */
function unescape(text: string): string {
  return text.replace(/\\(.)/gs, "$1");
}
