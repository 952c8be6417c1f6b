/**
 * @module
 * Topic clusters for Maps of Content, from the notes' tags: a tag (or the parent of a nested
 * tag) that several notes share is a candidate topic; the topics that cover the most notes are
 * kept, skipping one whose notes are nearly those of a topic already kept. A note sits in every
 * kept topic it carries; notes in none go to "Other notes". Deterministic: ties break by name.
 */

export interface TaggedNote {
  id: number;
  tags: string[];
}

export interface Topic {
  /** The tag the topic is made of, e.g. "machine-learning" or "engine". */
  tag: string;
  members: number[];
}

export interface Topics {
  topics: Topic[];
  /** Notes in no topic. */
  other: number[];
}

/** Least notes a topic has. */
const MIN_MEMBERS = 2;
/** Share of a candidate's notes already in one kept topic that makes it a duplicate. */
const DUPLICATE = 0.8;

/** At most this many topics: enough to navigate, few enough to read on a Home note. */
export function topicLimit(notes: number): number {
  return Math.min(60, Math.max(8, Math.round(2 * Math.sqrt(notes))));
}

export function clusterTopics(notes: TaggedNote[], limit = topicLimit(notes.length)): Topics {
  const byTag = new Map<string, Set<number>>();
  for (const note of notes) {
    for (const tag of topicTags(note.tags)) {
      let set = byTag.get(tag);
      if (!set) byTag.set(tag, set = new Set());
      set.add(note.id);
    }
  }
  const candidates = [...byTag]
    .filter(([, members]) => members.size >= MIN_MEMBERS)
    .sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1));
  const kept: { tag: string; members: Set<number> }[] = [];
  for (const [tag, members] of candidates) {
    if (kept.length === limit) break;
    const duplicate = kept.some((k) => {
      let shared = 0;
      for (const id of members) if (k.members.has(id)) shared++;
      return shared / members.size >= DUPLICATE && shared / k.members.size >= DUPLICATE;
    });
    if (!duplicate) kept.push({ tag, members });
  }
  const covered = new Set(kept.flatMap((k) => [...k.members]));
  return {
    topics: kept
      .map((k) => ({ tag: k.tag, members: [...k.members].sort((a, b) => a - b) }))
      .sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0)),
    other: notes.map((n) => n.id).filter((id) => !covered.has(id)).sort((a, b) => a - b),
  };
}

/** A note's tags and the parents of its nested tags: "engine/analytical-engine" is "engine" too. */
function topicTags(tags: string[]): Set<string> {
  const out = new Set<string>();
  for (const tag of tags) {
    const parts = tag.split("/");
    for (let i = 1; i <= parts.length; i++) out.add(parts.slice(0, i).join("/"));
  }
  return out;
}

/** A topic's name as a title: the last part of its tag, words spaced, first letter capital. */
export function topicName(tag: string): string {
  const last = tag.slice(tag.lastIndexOf("/") + 1).replace(/[-_]+/g, " ").trim();
  return last.charAt(0).toUpperCase() + last.slice(1);
}
