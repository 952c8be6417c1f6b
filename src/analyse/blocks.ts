/**
 * @module
 * A note body (Markdown) as the blocks of prose the analysis reads: paragraphs and list items in
 * order, with the section they sit in, and for transcripts their `[hh:mm:ss]` time and speaker.
 * Parsed by mdast-util-from-markdown (CommonMark), so emphasis, escapes and links read as the
 * words they show; code blocks and HTML tags are left out.
 */
import type { Nodes, Parent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";

/** One block of prose. */
export interface Block {
  text: string;
  /** Index of the section (0 before the first heading), for spreading key points. */
  section: number;
  /** Start time in ms, when the block opens with a `[hh:mm:ss]` stamp. */
  startMs?: number;
  speaker?: string;
  /** Offset in the Markdown just past the block's last character, when the block is a whole
   * top-level paragraph: an Obsidian block id may be appended there. */
  anchorAt?: number;
}

/** The parsed body: its prose blocks and its headings. */
export interface BodyText {
  blocks: Block[];
  headings: string[];
}

const STAMP = /^\[(\d{1,6}):([0-5]\d):([0-5]\d)\]\s*/;
/** "Maria Lopez: ..." at the start of a transcript turn: a short capitalised label. */
const LABEL = /^(\p{Lu}[\p{L}\p{M}.'’-]*(?:[ \t]\p{Lu}[\p{L}\p{M}.'’-]*){0,3}):\s+/u;

export function readBody(markdown: string): BodyText {
  const blocks: Block[] = [];
  const headings: string[] = [];
  const visit = (node: Nodes, topLevel: boolean) => {
    switch (node.type) {
      case "heading":
        headings.push(oneLine(plain(node)));
        return;
      case "paragraph": {
        const raw = plain(node);
        // A transcript written as consecutive stamped lines is one Markdown paragraph: each
        // stamped line is a turn of its own.
        const lines = raw.split("\n");
        const turns = lines.length > 1 && lines.filter((l) => STAMP.test(l)).length > 1
          ? groupTurns(lines)
          : [raw];
        const whole = turns.length === 1 && topLevel;
        for (const turn of turns) {
          const block = toBlock(turn, headings.length);
          if (block.text === "") continue;
          if (whole && node.position) block.anchorAt = node.position.end.offset;
          blocks.push(block);
        }
        return;
      }
      case "code":
      case "html":
      case "definition":
      case "thematicBreak":
        return;
      default:
        if ("children" in node) {
          for (const child of (node as Parent).children) visit(child as Nodes, false);
        }
    }
  };
  // micromark drops a byte order mark, which would shift every offset by one.
  const bom = markdown.startsWith("\uFEFF") ? 1 : 0;
  const tree = fromMarkdown(bom ? markdown.slice(1) : markdown);
  for (const child of tree.children) visit(child, true);
  if (bom) { for (const b of blocks) if (b.anchorAt !== undefined) b.anchorAt += bom; }
  return { blocks, headings };
}

/** The words a node shows: a hard line break is a space, inline HTML tags are no words. */
function plain(node: Nodes): string {
  switch (node.type) {
    case "text":
    case "inlineCode":
      return node.value;
    case "break":
      return " ";
    case "html":
      return "";
    case "image":
      return node.alt ?? "";
    default:
      return "children" in node
        ? (node as Parent).children.map((c) => plain(c as Nodes)).join("")
        : "";
  }
}

function groupTurns(lines: string[]): string[] {
  const turns: string[] = [];
  for (const line of lines) {
    if (STAMP.test(line) || turns.length === 0) turns.push(line);
    else turns[turns.length - 1] += "\n" + line;
  }
  return turns;
}

function toBlock(raw: string, section: number): Block {
  let text = oneLine(raw);
  const block: Block = { text: "", section };
  const stamp = STAMP.exec(text);
  if (stamp) {
    block.startMs = ((Number(stamp[1]) * 60 + Number(stamp[2])) * 60 + Number(stamp[3])) * 1000;
    text = text.slice(stamp[0].length);
    const label = LABEL.exec(text);
    if (label) {
      block.speaker = label[1];
      text = text.slice(label[0].length);
    }
  }
  block.text = text;
  return block;
}

function oneLine(s: string): string {
  return s.replace(/\s+/gu, " ").trim();
}
