import assert from "node:assert/strict";
import { analyse } from "./analyse.ts";
import { questionsLine, replies } from "./questions.ts";

/** The summary of a body, as a note shows it. */
function summaryOf(body: string, title = "Lamps"): string[] {
  const wordCount = body.split(/\s+/u).length;
  return analyse({ title, body, wordCount }).analysis.summary;
}

const ANSWERS = [
  "The keeper trims the wicks at dusk with brass scissors, so that the flame burns low and even.",
  "Paraffin smokes when the wick stands too high above the brass burner of the lamp.",
  "Colza oil burns cleanest in the harbour lamps, though it costs the keeper more each winter.",
  "Each harbour lamp burns about a pint of colza oil on a long winter night.",
  "The lamp room is cleaned every morning, and the lenses are polished with soft cloth.",
  "Spare wicks are kept in a tin box beside the oil store, away from the damp.",
];
const QUESTIONS = [
  "How are wicks trimmed?",
  "Why do lamps smoke?",
  "Which oil burns cleanest?",
  "How much oil is used?",
  "When is the lamp room cleaned?",
  "Where are spare wicks kept?",
];

Deno.test("analyse() opens a FAQ's summary with how many questions it answers and the first", () => {
  const body = QUESTIONS.map((q, i) => `## ${q}\n\n${ANSWERS[i]}`).join("\n\n");
  const summary = summaryOf(body);
  assert.match(
    summary[0],
    /^Answers 6 questions, such as “How are wicks trimmed\?”, “Why do lamps smoke\?” and “Which oil burns cleanest\?”\. /u,
  );
  // Its answers follow, not one that needs its question to be read.
  assert.match(summary.join(" "), /colza oil|brass scissors/iu);
  const replies = QUESTIONS.map((q, i) =>
    `## ${q}\n\n${
      i === 1 ? "Yes. The harbour lamps smoke and burn colza oil all night." : ANSWERS[i]
    }`
  ).join("\n\n");
  assert.doesNotMatch(summaryOf(replies).join(" "), /Yes\./u);
  // An answer's mark goes.
  const marked = QUESTIONS.map((q, i) => `## ${q}\n\nA. ${ANSWERS[i]}`).join("\n\n");
  const said = analyse({ title: "Lamps", body: marked, wordCount: 120 }).analysis;
  assert.doesNotMatch([...said.summary, ...said.keyPoints.map((p) => p.text)].join(" "), /\bA\. /u);
});

Deno.test("analyse() finishes each question a heading opens and leaves open", () => {
  // Python's "Installing Python Modules": "How do I …?", then "… install pip ...?" under it.
  const ends = ["trim the wicks", "stop a lamp smoking", "pick the cleanest oil"];
  const more = ["oil is used", "wicks are spared"];
  const body = [
    "## How do I …?",
    ...ends.map((end, i) => `### … ${end}?\n\n${ANSWERS[i]}`),
    "## How much …?",
    ...more.map((end, i) => `### ... ${end}?\n\n${ANSWERS[i + 3]}`),
  ].join("\n\n");
  assert.match(
    summaryOf(body, "Lamp questions")[0],
    /^Answers 5 questions, such as “How do I trim the wicks\?”, “How do I stop a lamp smoking\?” and “How do I pick the cleanest oil\?”\./u,
  );
});

Deno.test("analyse() reads a plain FAQ's questions from its marked or lone paragraphs", () => {
  // "Q:", a number, or a paragraph of its own; a question of two sentences; each once, though a
  // table of contents lists them first.
  const contents = QUESTIONS.map((q) => `- ${q}`).join("\n");
  const asked = [
    "Q: How are wicks trimmed?",
    "1.2. Why do lamps smoke?",
    "Which oil burns cleanest?",
    "The lamps burn all night. How much oil is used?",
    "(5) When is the lamp room cleaned?",
    "Q3. Where are spare wicks kept?",
  ];
  const body = contents + "\n\n" + asked.map((q, i) => `${q}\n\n${ANSWERS[i]}`).join("\n\n");
  const summary = summaryOf(body);
  assert.match(summary[0], /^Answers 6 questions, such as “How are wicks trimmed\?”/u);
  // No question stands in the summary as a sentence of its own.
  assert.doesNotMatch(summary.join(" ").replace(/^Answers[^”]*(?:”[^“]*“[^”]*)*”\./u, ""), /\?/u);
});

Deno.test("analyse() finds no FAQ in a text that asks a few questions on its way", () => {
  // Rhetorical questions inside paragraphs, and a list of open questions in a long design note.
  const rhetorical = ANSWERS.map((a, i) => `${a} ${QUESTIONS[i]} ${a}`).join("\n\n");
  assert.doesNotMatch(summaryOf(rhetorical)[0], /^Answers/u);
  const prose = Array.from({ length: 320 }, (_, i) => ANSWERS[i % ANSWERS.length]).join("\n\n");
  const openQuestions = `${prose}\n\n${QUESTIONS.map((q) => `- ${q}`).join("\n")}\n`;
  assert.doesNotMatch(summaryOf(openQuestions)[0], /^Answers/u);
  // The same few questions under a title calling the text a FAQ make one.
  const few = QUESTIONS.slice(0, 3).map((q, i) => `## ${q}\n\n${ANSWERS[i]}`).join("\n\n");
  assert.doesNotMatch(summaryOf(few)[0], /^Answers/u);
  assert.match(summaryOf(few, "Lamp FAQ")[0], /^Answers 3 questions/u);
});

Deno.test("analyse() finds no FAQ in a checklist of questions after the text has begun", () => {
  // Each check a list item that asks, with what it is for below it, as suEXEC's page lists them.
  const intro = ANSWERS.join(" ") + "\n\nThe keeper's wrapper makes these checks:\n\n";
  const checks = QUESTIONS.map((q, i) => `1. **${q}**\n\n   ${ANSWERS[i]}`).join("\n");
  assert.doesNotMatch(summaryOf(intro + checks)[0], /^Answers/u);
  // A FAQ that asks from its start in a list is one.
  assert.match(summaryOf(checks + "\n\n" + ANSWERS.join(" "))[0], /^Answers 6 questions/u);
});

Deno.test("analyse() finds no FAQ in a reference whose entries ask what they test", () => {
  // Python's C API: "`int PyStatus_IsError(PyStatus status)`" then "Is the result an error?",
  // ten such entries on the page of Python's initialization, which was summed up as a FAQ.
  const entries = QUESTIONS.map((q, i) => `\`int Lamp_Check${i}(Lamp *lamp)\`\n\n${q}`)
    .join("\n\n");
  const body = `${ANSWERS.slice(0, 3).join(" ")}\n\n${entries}\n\n${ANSWERS.slice(3).join(" ")}`;
  assert.doesNotMatch(summaryOf(body, "Lamp Configuration")[0], /^Answers/u);
});

Deno.test("questionsLine() names the first question of each part, as many as fit a line", () => {
  const questions = ["How are wicks trimmed?", "Why do lamps smoke?", "Which oil burns best?"];
  // One part, or none: the first questions.
  assert.equal(
    questionsLine({ questions, parts: ["", "", ""], units: new Set() }),
    "Answers 3 questions, such as “How are wicks trimmed?”, “Why do lamps smoke?” and “Which oil burns best?”.",
  );
  // Parts: the first of each, then the rest in order.
  assert.equal(
    questionsLine({
      questions: [...questions, "Who lights the lamps?"],
      parts: ["Wicks", "Wicks", "Oil", "Oil"],
      units: new Set(),
    }),
    "Answers 4 questions, such as “How are wicks trimmed?”, “Which oil burns best?” and “Why do lamps smoke?”.",
  );
  // A question too long for the line gives way to the next.
  const long = `Why ${"does the lamp burn so very long ".repeat(7)}?`;
  assert.equal(
    questionsLine({ questions: [long, ...questions], parts: ["", "", "", ""], units: new Set() }),
    "Answers 4 questions, such as “How are wicks trimmed?”, “Why do lamps smoke?” and “Which oil burns best?”.",
  );
});

Deno.test("replies() knows an answer that needs its question", () => {
  assert.equal(replies("Yes. Lamps burn any oil."), true);
  assert.equal(replies("Not by itself, no."), true);
  assert.equal(replies("No two lamps are alike."), false);
});
