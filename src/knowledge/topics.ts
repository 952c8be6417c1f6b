/**
 * @module
 * Topics for Maps of Content: notes grouped by what they are about, as communities of the
 * similarity graph (Louvain, npm `graphology-communities-louvain`), with the folder tree as a
 * strong hint: notes in one folder (a course, a documentation set) are drawn together, those
 * under one parent folder a little. A note that fits no group of its own joins the group it is
 * closest to when one of that group's notes is plainly related to it, and otherwise stays out
 * of the topic maps: a catch-all "Other notes" map is a topic nobody would make.
 *
 * Deterministic and independent of the order the notes come in: the graph is built in the order
 * of the notes' keys, and Louvain's random walk draws from a fixed seed.
 */
import { UndirectedGraph } from "graphology";
import louvainModule from "graphology-communities-louvain";
import { keepingFolder } from "../pipeline/readable_name.ts";
import { relatedCut } from "./related.ts";
import { seeded } from "./seeded.ts";
import type { SimilarityGraph } from "./similarity.ts";

export interface Topic {
  /** Keys of the notes in it, in key order. */
  members: string[];
  /** The folder most of its notes come from, when its notes are that folder's ("" for none). */
  folder: string;
  /** How many of its notes come from outside `folder`, when some do. */
  elsewhere?: number;
}

export interface Topics {
  topics: Topic[];
  /** Notes in no topic, in key order. */
  alone: string[];
}

export interface TopicOptions {
  /** Edges per note: its closest neighbours above chance. */
  edges: number;
  /** Least standard deviations above the note's mean similarity for an edge. */
  aboveMean: number;
  /**
   * Weight an edge gets from a shared folder, as a multiple of the median edge weight. At 1 the
   * three PDF manuals of a review vault's "manuals" folder went to the SQLite and Python maps,
   * their faint likeness to those pages outweighing the folder; at 1.5 they stay one group
   * (maps bench, folders: purity and completeness 0.94 -> 0.96; one folder has no folders).
   */
  folderWeight: number;
  /** Least notes a topic has. */
  minMembers: number;
  /** Share of a topic from one folder, and of that folder in the topic, that make it the folder's. */
  folderShare: number;
  /**
   * Louvain's resolution: above 1, smaller communities. At 1 the three Graphviz guides of the
   * bench's one-folder vault went into the Python HOWTOs' map; at 1.3 they are a map of their
   * own (purity 0.79 -> 0.85), and the vault with folders is unchanged.
   */
  resolution: number;
}

export const TOPIC_DEFAULTS: TopicOptions = {
  edges: 8,
  aboveMean: 1,
  folderWeight: 1.5,
  minMembers: 3,
  folderShare: 0.6,
  resolution: 1.3,
};

/** At most this many topics: enough to navigate, few enough to read on a Home note. */
export function topicLimit(notes: number): number {
  return Math.min(60, Math.max(8, Math.round(2 * Math.sqrt(notes))));
}

/**
 * Groups the notes of `graph`; `folderOf` gives each note's folder in the input ("" at its top,
 * "a/b" for a subfolder).
 */
export function clusterTopics(
  graph: SimilarityGraph,
  folderOf: (key: string) => string,
  options: TopicOptions = TOPIC_DEFAULTS,
): Topics {
  const n = graph.keys.length;
  const folders = graph.keys.map(folderOf);
  const weights = edgeWeights(graph, folders, options);
  const g = new UndirectedGraph();
  graph.keys.forEach((_, i) => g.addNode(String(i)));
  for (const [pair, weight] of [...weights].sort((a, b) => a[0] - b[0])) {
    g.addEdge(String(Math.floor(pair / n)), String(pair % n), { weight });
  }
  const community = g.size === 0 ? {} : louvain(g, {
    getEdgeWeight: "weight",
    resolution: options.resolution,
    rng: seeded(15),
  });
  const groups = new Map<number, number[]>();
  graph.keys.forEach((_, i) => {
    const c = community[String(i)];
    if (c === undefined) return;
    let list = groups.get(c);
    if (!list) groups.set(c, list = []);
    list.push(i);
  });
  const least = leastMembers(n, options);
  const folderSize = countBy(folders);
  // A folder of two notes is a topic too when it is whole: the user put them together.
  const wholeFolder = (members: number[]) =>
    folders[members[0]] !== "" && members.every((i) => folders[i] === folders[members[0]]) &&
    members.length === folderSize.get(folders[members[0]]);
  const communities = [...groups.values()]
    .map((members) => belonging(graph, members, folders))
    .flatMap((members) => byWholeFolders(members, folders, folderSize, Math.min(2, least)));
  const byFolders = gathered(unbroken(communities, folders), folders, folderSize, n);
  const kept = homed(byFolders, folders, folderSize)
    .filter((members) => members.length >= least || members.length >= 2 && wholeFolder(members))
    .sort((a, b) => b.length - a.length || a[0] - b[0])
    .slice(0, topicLimit(n));
  const topicOf = new Int32Array(n).fill(-1);
  kept.forEach((members, t) => members.forEach((i) => topicOf[i] = t));

  // A note left over joins the topic holding most of its related notes, if any.
  const joins: [number, number][] = [];
  graph.keys.forEach((_, i) => {
    if (topicOf[i] >= 0) return;
    const t = nearestTopic(graph, i, topicOf, folders);
    if (t !== undefined) joins.push([i, t]);
  });
  for (const [i, t] of joins) kept[t].push(i);

  const underFolder = countBy(folders.flatMap(ancestors));
  const topics = kept.map((members): Topic => {
    members.sort((a, b) => a - b);
    // The folder that holds most of the topic's notes while most of its notes are in the topic,
    // the deepest of equals: "git" for notes from "git/howto" and "git/technical" together.
    const inTopic = countBy(members.flatMap((i) => ancestors(folders[i])));
    const own = [...inTopic]
      .filter(([folder, count]) =>
        count >= options.folderShare * members.length &&
        count >= options.folderShare * underFolder.get(folder)!
      )
      .sort((a, b) => b[1] - a[1] || depth(b[0]) - depth(a[0]) || (a[0] < b[0] ? -1 : 1))[0];
    const folder = own?.[0] ?? "";
    const elsewhere = folder === "" ? 0 : members.length - own![1];
    return {
      members: members.map((i) => graph.keys[i]),
      folder,
      ...(elsewhere > 0 ? { elsewhere } : {}),
    };
  }).sort((a, b) => (a.members[0] < b.members[0] ? -1 : 1));
  const placed = new Set(topics.flatMap((t) => t.members));
  return { topics, alone: graph.keys.filter((key) => !placed.has(key)) };
}

/** The least notes of a topic in a vault of `n` notes: in a small vault, two. */
export function leastMembers(n: number, options: TopicOptions = TOPIC_DEFAULTS): number {
  return n < 12 ? 2 : options.minMembers;
}

/**
 * The notes of groups no phrase names (keys of `graph`), parted where they are not related both
 * ways: Louvain may run several subjects together. In the maps bench's one-folder vault it put
 * systemd's three notes, Debian's constitution and social contract, Zstandard's two notes and
 * four on the web and servers in one group of eleven, which no phrase names; parted, systemd's
 * notes are a topic of their own. Parts of a topic's least notes or more, and two notes each the
 * other's closest, are `parts`, to be named in their turn; the notes of other parts are `rest`.
 * All in key order.
 */
export function relatedParts(
  graph: SimilarityGraph,
  groups: string[][],
): { parts: Topic[]; rest: string[] } {
  const indexOf = new Map(graph.keys.map((key, i) => [key, i]));
  const cut = graph.keys.map((_, i) => relatedCut(graph, i));
  const least = leastMembers(graph.keys.length);
  const parts: Topic[] = [];
  const rest: string[] = [];
  for (const group of groups) {
    const members = group.map((key) => indexOf.get(key)!).sort((a, b) => a - b);
    const inGroup = new Set(members);
    // Union-find over the pairs each of which is among the other's related notes.
    const root = new Map(members.map((i) => [i, i]));
    const find = (i: number): number => root.get(i) === i ? i : find(root.get(i)!);
    for (const i of members) {
      for (const nb of graph.neighbours[i]) {
        if (nb.score < cut[i] || nb.score < cut[nb.index] || !inGroup.has(nb.index)) continue;
        const [a, b] = [find(i), find(nb.index)];
        if (a !== b) root.set(Math.max(a, b), Math.min(a, b));
      }
    }
    const byRoot = new Map<number, number[]>();
    for (const i of members) {
      const part = byRoot.get(find(i));
      if (part) part.push(i);
      else byRoot.set(find(i), [i]);
    }
    for (const part of byRoot.values()) {
      const keys = part.map((i) => graph.keys[i]);
      if (part.length >= least || closestPair(graph, part)) {
        parts.push({ members: keys, folder: "" });
      } else rest.push(...keys);
    }
  }
  return {
    parts: parts.sort((a, b) => (a.members[0] < b.members[0] ? -1 : 1)),
    rest: rest.sort(),
  };
}

/**
 * Whether `part` is two notes each the other's closest: a pair such as Python's threading and
 * multiprocessing pages, or Apache's caching guide and mod_cache, is a subject of its own, which
 * the vault's Home had listed as two notes on subjects of their own.
 */
function closestPair(graph: SimilarityGraph, part: number[]): boolean {
  if (part.length !== 2) return false;
  const [a, b] = part;
  return graph.neighbours[a][0]?.index === b && graph.neighbours[b][0]?.index === a;
}

/**
 * The topic (by `topicOf`, -1 for none) holding most of note `i`'s related notes, if any; one
 * related note from another folder (`folders`, by index) is not enough (see {@link belonging}).
 */
function nearestTopic(
  graph: SimilarityGraph,
  i: number,
  topicOf: ArrayLike<number>,
  folders: string[],
): number | undefined {
  const cut = relatedCut(graph, i);
  const pull = new Map<number, { score: number; notes: number; near: boolean }>();
  for (const nb of graph.neighbours[i]) {
    const t = topicOf[nb.index];
    if (nb.score < cut || t < 0) continue;
    const p = pull.get(t) ?? { score: 0, notes: 0, near: false };
    const near = folders[nb.index] === folders[i] || sharesParent(folders[nb.index], folders[i]);
    pull.set(t, { score: p.score + nb.score, notes: p.notes + 1, near: p.near || near });
  }
  return [...pull].filter(([, p]) => p.notes >= 2 || p.near)
    .sort((a, b) => b[1].score - a[1].score || a[0] - b[0])[0]?.[0];
}

/**
 * `topics` with each of `notes` (keys of `graph`) in the one that holds most of its related
 * notes, and the notes no topic holds: the notes of a group no name speaks for (a catch-all
 * that had been "Systemd-nspawn" for eleven unrelated manuals) go where they belong, if
 * anywhere. Members stay in key order.
 */
export function joinRelated<T extends Topic>(
  graph: SimilarityGraph,
  topics: T[],
  notes: string[],
  folderOf: (key: string) => string,
): { topics: T[]; alone: string[] } {
  const indexOf = new Map(graph.keys.map((key, i) => [key, i]));
  const folders = graph.keys.map(folderOf);
  const topicOf = new Int32Array(graph.keys.length).fill(-1);
  topics.forEach((t, k) => t.members.forEach((key) => topicOf[indexOf.get(key)!] = k));
  const joined = topics.map((t) => [...t.members]);
  const alone: string[] = [];
  for (const key of notes) {
    const t = nearestTopic(graph, indexOf.get(key)!, topicOf, folders);
    if (t === undefined) alone.push(key);
    else joined[t].push(key);
  }
  // A topic of a folder counts the notes that joined it from elsewhere.
  const outside = (t: T, key: string) => {
    const folder = folderOf(key);
    return folder !== t.folder && !folder.startsWith(`${t.folder}/`);
  };
  return {
    topics: topics.map((t, k) => {
      const elsewhere = t.folder === "" ? 0 : joined[k].filter((key) => outside(t, key)).length;
      const { elsewhere: _, ...rest } = t;
      return { ...rest, members: joined[k].sort(), ...(elsewhere > 0 ? { elsewhere } : {}) } as T;
    }),
    alone: alone.sort(),
  };
}

/**
 * A note whose best match is below this shares next to nothing with any other: a lone
 * recording among manuals (0.002) that Louvain put with whichever group its faint similarities
 * pointed at. At 0.04, the related notes' floor, two notes of the maps bench's one-folder vault
 * that Louvain places right left their maps (completeness 0.73 -> 0.69); at 0.01 none does.
 */
const LONE = 0.01;

/**
 * A community's members but those close to no note, unless most members share their folder, and,
 * where most members share another folder, the notes from elsewhere related to one member at
 * most: Postfix's LDAP howto, alone in its folder, went with the SQLite pages its faint likeness
 * pointed at, and Libtasn1's manual, in "papers", with the Python HOWTOs for its likeness to the
 * Unicode HOWTO. A folder under the same parent is no other folder ("git/technical" beside
 * "git/howto").
 */
function belonging(
  graph: SimilarityGraph,
  members: number[],
  folders: string[],
): number[] {
  const byFolder = countBy(members.map((i) => folders[i]).filter((f) => f !== ""));
  const most = (folder: string) => (byFolder.get(folder) ?? 0) * 2 > members.length;
  const inGroup = new Set(members);
  const main = [...byFolder.keys()].find(most);
  const apart = (i: number) => {
    const folder = folders[i];
    if (main === undefined || folder === "" || folder === main) return false;
    const cut = relatedCut(graph, i);
    const ties = graph.neighbours[i].filter((nb) => nb.score >= cut && inGroup.has(nb.index));
    return !sharesParent(folder, main) && ties.length < 2;
  };
  return members.filter((i) =>
    ((graph.neighbours[i][0]?.score ?? 0) >= LONE || most(folders[i])) && !apart(i)
  );
}

/** Most notes in a crumb of a folder: see {@link unbroken}. */
const CRUMB = 3;
/** Most notes of a folder that one map lists though Louvain finds parts in it: twenty lines, a
 * screen. */
const ONE_MAP = 20;

/**
 * The groups with each folder that Louvain broke into crumbs made one again: when every group of
 * a folder's notes alone has at most {@link CRUMB} notes, the folder is one group. Ten State of
 * the Union addresses in "sotu" were four maps of two or three ("Fiscal year", "Social
 * security"), no grouping a person would make of one folder of one kind; a folder of many
 * subjects breaks into parts larger than that. A folder one map can list is one group too, its
 * name the subject: the sixteen chapters of Python's tutorial in "tutorial" were "Modules" and
 * "Tutorial", eight each; not a folder that only keeps files ("docs"), whose subjects differ.
 */
function unbroken(groups: number[][], folders: string[]): number[][] {
  const only = (members: number[]) =>
    members.every((i) => folders[i] === folders[members[0]]) ? folders[members[0]] : "";
  const parts = new Map<string, number[][]>();
  for (const members of groups) {
    const folder = only(members);
    if (folder === "") continue;
    let list = parts.get(folder);
    if (!list) parts.set(folder, list = []);
    list.push(members);
  }
  const broken = new Set(
    [...parts].filter(([folder, list]) =>
      list.length >= 2 &&
      (list.every((m) => m.length <= CRUMB) ||
        list.flat().length <= ONE_MAP && !keepingFolder(folder.split("/")))
    ).map(([folder]) => folder),
  );
  const out = groups.filter((members) => !broken.has(only(members)));
  for (const folder of broken) {
    out.push(parts.get(folder)!.flat().sort((a, b) => a - b));
  }
  return out;
}

/**
 * The groups with each folder that Louvain scattered made one again: when no group holds half a
 * folder's notes (of a folder of two, both), the folder is one group, its notes taken out of the
 * others. Thirteen pages of Node.js's manual in "nodejs" were four maps ("ES modules", "Js", and
 * two in others' maps, beside Python's pathlib and a PDF from elsewhere), and systemd's notes
 * for porters and for translators went one alone, one to pip's map: no grouping a person would
 * make of one folder. Not a folder that only keeps files ("docs", "misc"), nor one that holds
 * most of the vault: they say nothing of a subject.
 */
function gathered(
  groups: number[][],
  folders: string[],
  folderSize: Map<string, number>,
  n: number,
): number[][] {
  const largest = new Map<string, number>();
  for (const members of groups) {
    for (const [folder, count] of countBy(members.map((i) => folders[i]))) {
      largest.set(folder, Math.max(largest.get(folder) ?? 0, count));
    }
  }
  const scattered = new Set(
    [...folderSize].filter(([folder, size]) =>
      folder !== "" && size >= 2 && size <= Math.max(2, 0.8 * n) &&
      !keepingFolder(folder.split("/")) &&
      (size === 2 ? (largest.get(folder) ?? 0) < 2 : 2 * (largest.get(folder) ?? 0) < size)
    ).map(([folder]) => folder),
  );
  if (scattered.size === 0) return groups;
  const out = groups.map((members) => members.filter((i) => !scattered.has(folders[i])));
  for (const folder of scattered) {
    out.push(folders.flatMap((f, i) => f === folder ? [i] : []));
  }
  return out.filter((members) => members.length > 0);
}

/**
 * The groups with each note that is the only one of its folder in its group moved to the group
 * holding most of that folder's notes: Python's general FAQ went with the READMEs of Git, Wget
 * and MPFR, its five sibling FAQs to a map "Python FAQ" without it. Not a note at the top, nor
 * of a folder that only keeps files ("docs", "misc").
 */
function homed(
  groups: number[][],
  folders: string[],
  folderSize: Map<string, number>,
): number[][] {
  const home = new Map<string, number>();
  groups.forEach((members, g) => {
    for (const [folder, count] of countBy(members.map((i) => folders[i]))) {
      if (
        folder !== "" && 2 * count > folderSize.get(folder)! && !keepingFolder(folder.split("/"))
      ) home.set(folder, g);
    }
  });
  const out = groups.map(() => [] as number[]);
  groups.forEach((members, g) => {
    const count = countBy(members.map((i) => folders[i]));
    for (const i of members) {
      const to = home.get(folders[i]);
      out[to !== undefined && count.get(folders[i]) === 1 ? to : g].push(i);
    }
  });
  return out.filter((members) => members.length > 0).map((m) => m.sort((a, b) => a - b));
}

/**
 * A community that holds two or more folders whole, none under another's parent, as one group
 * per folder: a folder a user made is a topic of their own (three PDF manuals in "manuals" joined
 * the SQLite pages' map). Notes from elsewhere go with the largest folder; "git/howto" and
 * "git/technical" stay together.
 */
function byWholeFolders(
  members: number[],
  folders: string[],
  folderSize: Map<string, number>,
  least: number,
): number[][] {
  const inGroup = countBy(members.map((i) => folders[i]));
  const whole = [...inGroup]
    .filter(([folder, count]) =>
      folder !== "" && count >= least && count === folderSize.get(folder)
    )
    .map(([folder]) => folder)
    .sort((a, b) => inGroup.get(b)! - inGroup.get(a)! || (a < b ? -1 : 1));
  // One whole folder among as many notes from the top or more: Python's four "What's New" pages
  // went with a glossary, a SAT solver's manual and two library pages, a group too mixed to be
  // the folder's, which vanished under the name "PEP".
  if (
    whole.length === 1 && 2 * inGroup.get(whole[0])! <= members.length &&
    inGroup.get("") === members.length - inGroup.get(whole[0])!
  ) {
    return [
      members.filter((i) => folders[i] === whole[0]),
      members.filter((i) => folders[i] === ""),
    ];
  }
  if (whole.length < 2 || whole.some((a) => whole.some((b) => a !== b && sharesParent(a, b)))) {
    return [members];
  }
  const parts = whole.map((folder) => members.filter((i) => folders[i] === folder));
  parts[0].push(...members.filter((i) => !whole.includes(folders[i])));
  return parts.map((part) => part.sort((a, b) => a - b));
}

/**
 * The graph's edges, keyed `i * n + j` with i < j: each note's closest neighbours above chance,
 * plus a folder's pull: notes in one folder get the median edge weight more, those under one
 * parent folder half of it.
 */
function edgeWeights(
  graph: SimilarityGraph,
  folders: string[],
  options: TopicOptions,
): Map<number, number> {
  const n = graph.keys.length;
  const weights = new Map<number, number>();
  const key = (i: number, j: number) => (i < j ? i * n + j : j * n + i);
  graph.neighbours.forEach((list, i) => {
    const cut = graph.mean[i] + options.aboveMean * graph.sd[i];
    for (const nb of list.filter((nb) => nb.score > cut).slice(0, options.edges)) {
      const k = key(i, nb.index);
      weights.set(k, Math.max(weights.get(k) ?? 0, nb.score));
    }
  });
  const sorted = [...weights.values()].sort((a, b) => a - b);
  const median = sorted.length > 0 ? sorted[Math.floor(sorted.length / 2)] : 0.1;
  const bonus = options.folderWeight * median;
  // A folder holding nearly the whole vault says nothing about which notes belong together.
  const byFolder = new Map<string, number[]>();
  folders.forEach((folder, i) => {
    if (folder === "") return;
    let list = byFolder.get(folder);
    if (!list) byFolder.set(folder, list = []);
    list.push(i);
  });
  const telling = (size: number) => size >= 2 && size <= Math.max(2, 0.8 * n);
  for (const members of byFolder.values()) {
    if (!telling(members.length)) continue;
    // In a large folder each note is tied to its closest few in it, not to all.
    const all = members.length <= 40;
    for (const i of members) {
      const peers = all
        ? members.filter((j) => j > i)
        : graph.neighbours[i].map((nb) => nb.index).filter((j) => folders[j] === folders[i])
          .slice(0, options.edges);
      for (const j of peers) {
        const k = key(i, j);
        weights.set(k, (weights.get(k) ?? 0) + bonus);
      }
    }
  }
  // Under one parent folder ("git/howto" and "git/technical"): half the pull, between notes
  // that are already neighbours.
  for (const [k, w] of weights) {
    const i = Math.floor(k / n), j = k % n;
    if (folders[i] !== folders[j] && sharesParent(folders[i], folders[j])) {
      weights.set(k, w + bonus / 2);
    }
  }
  return weights;
}

/** A folder and the folders above it: "a/b" is in "a/b" and "a"; the top is in none. */
function ancestors(folder: string): string[] {
  if (folder === "") return [];
  const parts = folder.split("/");
  return parts.map((_, i) => parts.slice(0, i + 1).join("/"));
}

function depth(folder: string): number {
  return folder.split("/").length;
}

function sharesParent(a: string, b: string): boolean {
  const top = (f: string) => f.split("/")[0];
  return a !== "" && b !== "" && (a.includes("/") || b.includes("/")) && top(a) === top(b);
}

// A CommonJS module whose typings declare an ES default export: Deno hands over module.exports.
const louvain = louvainModule as unknown as typeof louvainModule.default;

function countBy<T>(values: T[]): Map<T, number> {
  const out = new Map<T, number>();
  for (const v of values) out.set(v, (out.get(v) ?? 0) + 1);
  return out;
}
