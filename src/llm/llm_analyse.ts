/**
 * @module
 * LLM mode: summary, key points, keyphrases and claims written by a language model. A text that
 * fits one request is read whole; a longer one (a two-hour transcript) is cut at paragraph
 * boundaries into parts, each summarised with its claims (map), then the part summaries are
 * combined (reduce). A claim is kept only when its evidence quote is really in the text. People,
 * places and the terms related notes are found by still come from the offline analysis.
 */
import { z } from "zod";
import { type Analysed, linkKeyPoints } from "../analyse/analyse.ts";
import { readBody } from "../analyse/blocks.ts";
import { tagsFor } from "../analyse/keyphrases.ts";
import { stem, words } from "../analyse/terms.ts";
import { stamp } from "../markdown/transcript.ts";
import { type Claim, LLM_PART_CHARS, type LlmOptions } from "../protocol/messages.ts";
import { ChatClient, type ChatMessage, LlmError } from "./chat_client.ts";

const MAX_CLAIMS = 20;

export interface LlmContext {
  /** Called before each request and every few seconds while one is waiting. */
  alive(percent: number): void;
}

const SYSTEM: ChatMessage = {
  role: "system",
  content: "You are a careful research assistant who summarises sources for a knowledge base. " +
    "You only state what the source says. You answer with a single JSON object and nothing else.",
};

const PartAnswer = z.object({
  summary: z.string().min(1),
  key_points: z.array(z.string().min(1)),
  claims: z.array(z.object({ claim: z.string().min(1), evidence: z.string().min(1) })),
});

const WholeAnswer = z.object({
  summary: z.array(z.string().min(1)).min(1),
  key_points: z.array(z.string().min(1)).min(1),
  keyphrases: z.array(z.string().min(1)),
});

/**
 * Rewrites an offline analysis with the model's summary, key points, keyphrases and claims.
 * @throws {LlmError} when the endpoint fails or answers something unusable
 */
export async function analyseWithLlm(
  input: { title: string; body: string; wordCount: number },
  offline: Analysed,
  options: LlmOptions,
  ctx: LlmContext,
): Promise<Analysed & { warning?: string }> {
  const client = new ChatClient(options);
  const parts = splitParts(input.body);
  if (parts.length === 0) return offline;
  const paragraphs = Math.min(6, Math.max(1, Math.round(input.wordCount / 1500)));
  const points = Math.min(10, Math.max(3, Math.round(input.wordCount / 250)));
  const steps = parts.length + (parts.length > 1 ? 1 : 0);
  const ask = async <T>(schema: z.ZodType<T>, prompt: string, step: number): Promise<T> => {
    ctx.alive((step / steps) * 100);
    const beat = setInterval(() => ctx.alive((step / steps) * 100), 5_000);
    try {
      const answer = schema.safeParse(
        await client.json([SYSTEM, { role: "user", content: prompt }]),
      );
      if (!answer.success) {
        throw new LlmError(
          `the model's answer lacks the expected fields: ${
            z.prettifyError(answer.error).replaceAll("\n", "; ")
          }`,
        );
      }
      return answer.data;
    } finally {
      clearInterval(beat);
    }
  };

  const claims: Claim[] = [];
  let whole: z.infer<typeof WholeAnswer>;
  if (parts.length === 1) {
    const answer = await ask(
      WholeAnswer.extend({ claims: PartAnswer.shape.claims }),
      wholePrompt(input.title, parts[0], paragraphs, points, true),
      0,
    );
    whole = answer;
    claims.push(...answer.claims);
  } else {
    const summaries: string[] = [];
    for (const [i, part] of parts.entries()) {
      const answer = await ask(PartAnswer, partPrompt(input.title, part, i, parts.length), i);
      summaries.push(
        `Part ${i + 1}: ${answer.summary}\nKey points: ${answer.key_points.join("; ")}`,
      );
      claims.push(...answer.claims);
    }
    whole = await ask(
      WholeAnswer,
      wholePrompt(input.title, summaries.join("\n\n"), paragraphs, points, false),
      parts.length,
    );
  }

  const verified = verifyClaims(claims, input.body);
  // The original body, not offline.body: that one carries the offline key points' block ids.
  const linked = linkKeyPoints(input.body, whole.key_points.slice(0, 10));
  const keyphrases = whole.keyphrases.map((k) => k.trim().toLowerCase()).filter((k) => k !== "")
    .slice(0, 10);
  const dropped = verified.unfound;
  return {
    analysis: {
      ...offline.analysis,
      summary: whole.summary.map((p) => p.trim()).filter((p) => p !== ""),
      keyPoints: linked.keyPoints,
      keyphrases,
      tags: tagsFor(keyphrases.map((text) => ({ text, key: words(text).map(stem).join(" ") }))),
      claims: verified.kept,
      llm: { model: options.model, ...client.usage },
    },
    body: linked.body,
    ...(dropped > 0
      ? {
        warning: `${dropped} of the model's claims were left out: their quotes are not in the text`,
      }
      : {}),
  };
}

/** The body as plain paragraphs (transcript ones with their time), cut into parts. */
export function splitParts(body: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (const block of readBody(body).blocks) {
    const time = block.startMs === undefined ? "" : `${stamp(block.startMs)} `;
    const who = block.speaker ? `${block.speaker}: ` : "";
    const line = time + who + block.text;
    if (current !== "" && current.length + line.length > LLM_PART_CHARS) {
      parts.push(current);
      current = "";
    }
    current += (current === "" ? "" : "\n\n") + line;
  }
  if (current !== "") parts.push(current);
  return parts;
}

function partPrompt(title: string, text: string, index: number, count: number): string {
  return `This is part ${index + 1} of ${count} of the source "${title}".

Return a JSON object with:
- "summary": one paragraph summarising this part;
- "key_points": up to 5 short sentences, the most important points of this part;
- "claims": up to 5 factual claims the source makes in this part, each as {"claim": "...", "evidence": "..."} where "evidence" is an exact quote copied word for word from the text below.

Text of part ${index + 1}:
"""
${text}
"""`;
}

function wholePrompt(
  title: string,
  text: string,
  paragraphs: number,
  points: number,
  withClaims: boolean,
): string {
  const source = withClaims ? "Text" : "Summaries of its parts, in order";
  return `Summarise the source "${title}".

Return a JSON object with:
- "summary": a list of ${paragraphs} paragraph(s) summarising the whole source;
- "key_points": ${points} short sentences, its most important points, in the order they come;
- "keyphrases": up to 10 keyphrases (1 to 3 words each) that say what the source is about, most important first${
    withClaims
      ? `;
- "claims": up to 8 factual claims the source makes, each as {"claim": "...", "evidence": "..."} where "evidence" is an exact quote copied word for word from the text`
      : ""
  }.

${source}:
"""
${text}
"""`;
}

/**
 * Claims whose evidence is in the text (spacing, case and quote marks aside), deduplicated, and
 * how many were left out because their quote is not (repeats and those past the cap aside).
 */
function verifyClaims(claims: Claim[], body: string): { kept: Claim[]; unfound: number } {
  const haystack = normalize(readBody(body).blocks.map((b) => b.text).join(" "));
  const seen = new Set<string>();
  const out: Claim[] = [];
  let unfound = 0;
  for (const c of claims) {
    const claim = c.claim.trim();
    const evidence = c.evidence.trim().replace(/^["“”']+|["“”']+$/g, "");
    const key = normalize(evidence);
    if (key.length < 8 || !haystack.includes(key)) {
      unfound++;
      continue;
    }
    if (seen.has(key) || out.length === MAX_CLAIMS) continue;
    seen.add(key);
    out.push({ claim, evidence });
  }
  return { kept: out, unfound };
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, " ")
    .trim();
}
