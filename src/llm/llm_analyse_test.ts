import assert from "node:assert/strict";
import {
  completion,
  type FakeLlm,
  MADE_UP_QUOTE,
  startFakeLlm,
  SUMMARY_PREFIX,
} from "../../tests/support/fake_llm.ts";
import { analyse } from "../analyse/analyse.ts";
import { LLM_PART_CHARS, type LlmOptions } from "../protocol/messages.ts";
import { analyseWithLlm, splitParts } from "./llm_analyse.ts";

const SHORT = [
  "Ada Lovelace wrote the first published program for the Analytical Engine in London.",
  "Charles Babbage designed the engine but never finished building it.",
  "Her notes described how the engine could compute Bernoulli numbers step by step.",
  "Historians still debate how much of the program was her own work.",
].join(" ");

function input(title: string, body: string) {
  return { title, body, wordCount: body.split(/\s+/).filter((w) => w !== "").length };
}

/** Runs `fn` against the fake model in echo mode, always closing it. */
async function withModel(fn: (server: FakeLlm, options: LlmOptions) => Promise<void>) {
  const server = startFakeLlm();
  try {
    await fn(server, {
      url: server.url,
      model: "fake-model",
      timeoutMs: 10_000,
      retries: 0,
      retryDelayMs: 0,
    });
  } finally {
    await server.close();
  }
}

const prompts = (server: FakeLlm) =>
  server.requests.map((r) =>
    (r.body as { messages: { role: string; content: string }[] }).messages.at(-1)!.content
  );

const quiet = { alive() {} };

Deno.test("analyseWithLlm() reads a short text in one request and keeps verified claims", async () => {
  await withModel(async (server, options) => {
    const text = input("The first program", SHORT);
    const offline = analyse(text);
    const percents: number[] = [];
    const result = await analyseWithLlm(text, offline, options, {
      alive: (p) => percents.push(p),
    });

    assert.equal(server.requests.length, 1);
    assert.match(prompts(server)[0], /^Summarise the source "The first program"/);
    assert.ok(prompts(server)[0].includes(SHORT));
    assert.deepEqual(percents, [0]);

    const { analysis } = result;
    const first =
      "Ada Lovelace wrote the first published program for the Analytical Engine in London.";
    assert.deepEqual(analysis.summary, [`${SUMMARY_PREFIX} ${first}`]);
    assert.equal(analysis.keyPoints[0].text, first);
    assert.ok(analysis.keyphrases.length > 0);
    assert.deepEqual(analysis.claims, [{ claim: `The source states: ${first}`, evidence: first }]);
    assert.equal(
      result.warning,
      "1 of the model's claims were left out: their quotes are not in the text",
    );
    assert.ok(!JSON.stringify(analysis).includes(MADE_UP_QUOTE));

    const [usage] = server.requests.map((r) => r.usage!);
    assert.deepEqual(analysis.llm, {
      model: "fake-model",
      requests: 1,
      promptTokens: usage.prompt_tokens,
      completionTokens: usage.completion_tokens,
    });
    assert.ok(usage.prompt_tokens > 0 && usage.completion_tokens > 0);

    // Names and the terms related notes are found by stay those of the offline analysis.
    assert.ok(offline.analysis.people.includes("Ada Lovelace"), String(offline.analysis.people));
    for (const key of ["people", "organizations", "places", "terms"] as const) {
      assert.deepEqual(analysis[key], offline.analysis[key], key);
    }
    assert.equal(result.body, SHORT);
  });
});

Deno.test("analyseWithLlm() maps each part of a long text, then reduces the part summaries", async () => {
  const paragraphs = Array.from(
    { length: 90 },
    (_, i) =>
      `Paragraph ${i + 1} tells how the engine number ${i + 1} was tested in Manchester. ` +
      `Engineers measured its speed carefully, wrote down ${i * 7} readings and compared ` +
      "them with the figures of the previous week. Nothing in the results surprised anyone " +
      "who had followed the project from its beginning, but the report was filed anyway.",
  );
  const body = paragraphs.join("\n\n");
  assert.ok(body.length > 2 * LLM_PART_CHARS);
  const parts = splitParts(body);
  assert.ok(parts.length >= 3, `${parts.length} parts`);
  assert.ok(parts.every((p) => p.length <= LLM_PART_CHARS));

  await withModel(async (server, options) => {
    const text = input("Engine trials", body);
    const offline = analyse(text);
    const percents: number[] = [];
    const result = await analyseWithLlm(text, offline, options, {
      alive: (p) => percents.push(p),
    });

    assert.equal(server.requests.length, parts.length + 1);
    const asked = prompts(server);
    for (const [i, part] of parts.entries()) {
      assert.match(asked[i], new RegExp(`^This is part ${i + 1} of ${parts.length} of`));
      assert.ok(asked[i].includes(part));
    }
    const reduce = asked.at(-1)!;
    assert.match(reduce, /^Summarise the source "Engine trials"/);
    assert.match(reduce, /Summaries of its parts, in order:/);
    assert.ok(reduce.includes(`Part ${parts.length}: ${SUMMARY_PREFIX}`));
    assert.ok(reduce.length < body.length);
    assert.deepEqual(
      percents,
      [...parts.keys(), parts.length].map((s) => s / (parts.length + 1) * 100),
    );

    const { analysis } = result;
    assert.deepEqual(analysis.summary, [`${SUMMARY_PREFIX} ${paragraphs[0].split(". ")[0]}.`]);
    assert.ok(analysis.keyPoints.length > 0);
    // One verified claim per part; each part's made-up one is dropped.
    assert.equal(analysis.claims!.length, parts.length);
    for (const claim of analysis.claims!) assert.ok(body.includes(claim.evidence), claim.evidence);
    assert.equal(
      result.warning,
      `${parts.length} of the model's claims were left out: their quotes are not in the text`,
    );

    const usage = server.requests.map((r) => r.usage!);
    assert.deepEqual(analysis.llm, {
      model: "fake-model",
      requests: parts.length + 1,
      promptTokens: usage.reduce((n, u) => n + u.prompt_tokens, 0),
      completionTokens: usage.reduce((n, u) => n + u.completion_tokens, 0),
    });
    for (const key of ["people", "organizations", "places", "terms"] as const) {
      assert.deepEqual(analysis[key], offline.analysis[key], key);
    }
  });
});

Deno.test("analyseWithLlm() links a transcript's key points to where they are said", async () => {
  const turns = [
    "[00:00:05] **Ana:** Welcome to the programme about old bridges in the valley.",
    "[00:01:05] **Ben:** The stone bridge at Millford was built in 1820 by local masons.",
    "[00:02:10] **Ana:** Floods damaged its northern arch twice during the last century.",
    "[00:03:30] **Ben:** Volunteers repaired the arch with stones taken from the riverbed.",
    "[00:04:45] **Ana:** Today the bridge carries walkers and cyclists but no cars.",
    "[00:05:50] **Ben:** A festival on the bridge every summer raises money for its upkeep.",
  ];
  const body = turns.join("\n\n");
  await withModel(async (server, options) => {
    const text = input("Bridges of the valley", body);
    const offline = analyse(text);
    const result = await analyseWithLlm(text, offline, options, quiet);
    assert.equal(server.requests.length, 1);
    // The model sees times and speakers, so it can tell who said what.
    assert.ok(
      prompts(server)[0].includes(
        "[00:01:05] Ben: The stone bridge at Millford was built in 1820 by local masons.",
      ),
    );

    const points = result.analysis.keyPoints;
    assert.ok(points.length >= 2, JSON.stringify(points));
    for (const point of points) {
      assert.ok(point.startMs !== undefined, JSON.stringify(point));
      assert.match(point.anchor ?? "", /^t-\d{6}$/, JSON.stringify(point));
      // Each anchor is one block id, exactly once in the body, at the end of its paragraph.
      const id = ` ^${point.anchor}`;
      assert.equal(result.body.split(id).length, 2, `${id} in:\n${result.body}`);
      assert.match(result.body, new RegExp(`${id.replace("^", "\\^")}(\n|$)`));
    }
    assert.deepEqual(points[0], {
      text: "Welcome to the programme about old bridges in the valley.",
      startMs: 5_000,
      anchor: "t-000005",
    });
    // No block ids but those the key points link to.
    const ids = result.body.match(/\^t-[\d-]+/g) ?? [];
    assert.deepEqual(ids.sort(), points.map((p) => `^${p.anchor}`).sort());
    assert.equal(result.body.replace(/ \^t-\d{6}/g, ""), body);

    // The quote is the words alone, without time or speaker.
    assert.deepEqual(result.analysis.claims, [{
      claim: "The source states: Welcome to the programme about old bridges in the valley.",
      evidence: "Welcome to the programme about old bridges in the valley.",
    }]);
  });
});

Deno.test("analyseWithLlm() keeps a repeated quote once and warns only of quotes not in the text", async () => {
  const first =
    "Ada Lovelace wrote the first published program for the Analytical Engine in London.";
  const answer = {
    summary: ["A summary."],
    key_points: ["Lovelace wrote a program."],
    keyphrases: ["analytical engine"],
    claims: [
      { claim: "Lovelace wrote the first program", evidence: first },
      // The same quote again, as models do, in other case and spacing and with quote marks.
      { claim: "She programmed first", evidence: `"${first.toUpperCase().replace(/ /g, "  ")}"` },
      { claim: "Babbage finished it", evidence: "Babbage finished building the engine in 1840" },
    ],
  };
  const server = startFakeLlm({ script: [{ body: completion(JSON.stringify(answer)) }] });
  try {
    const text = input("The first program", SHORT);
    const result = await analyseWithLlm(text, analyse(text), {
      url: server.url,
      model: "m",
      timeoutMs: 10_000,
      retries: 0,
      retryDelayMs: 0,
    }, quiet);
    assert.deepEqual(result.analysis.claims, [answer.claims[0]]);
    assert.equal(
      result.warning,
      "1 of the model's claims were left out: their quotes are not in the text",
    );
    assert.deepEqual(result.analysis.keyphrases, ["analytical engine"]);
    assert.deepEqual(result.analysis.tags, ["analytical-engine"]);
  } finally {
    await server.close();
  }
});

Deno.test("analyseWithLlm() rejects an answer without the expected fields", async () => {
  const server = startFakeLlm({
    then: { body: JSON.stringify({ choices: [{ message: { content: '{"summary":"x"}' } }] }) },
  });
  try {
    const text = input("Short", SHORT);
    const error = await analyseWithLlm(text, analyse(text), {
      url: server.url,
      model: "m",
      timeoutMs: 10_000,
      retries: 0,
      retryDelayMs: 0,
    }, quiet).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof Error && error.name === "LlmError", String(error));
    assert.match(error.message, /^the model's answer lacks the expected fields: .*key_points/);
    assert.ok(!error.message.includes("\n"));
  } finally {
    await server.close();
  }
});
