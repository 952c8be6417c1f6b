import assert from "node:assert/strict";
import { parseWhisperJson } from "./whisper.ts";

// The shape whisper.cpp writes with --output-json, written for this test.
const SAMPLE = JSON.stringify({
  systeminfo: "AVX = 1",
  model: { type: "base" },
  params: { model: "ggml-base.en.bin", language: "en", translate: false },
  result: { language: "en" },
  transcription: [
    {
      timestamps: { from: "00:00:00,000", to: "00:00:03,200" },
      offsets: { from: 0, to: 3200 },
      text: " And Mister John Dashwood had then leisure to consider.",
    },
    {
      timestamps: { from: "00:00:03,200", to: "00:00:04,000" },
      offsets: { from: 3200, to: 4000 },
      text: " [BLANK_AUDIO]",
    },
    {
      timestamps: { from: "00:00:04,000", to: "00:00:06,500" },
      offsets: { from: 4000, to: 6500 },
      text: "  He was not an ill-disposed   young man.",
    },
  ],
});

Deno.test("parseWhisperJson() takes each transcribed piece with its offsets", () => {
  assert.deepEqual(parseWhisperJson(SAMPLE), [
    { startMs: 0, endMs: 3200, text: "And Mister John Dashwood had then leisure to consider." },
    { startMs: 4000, endMs: 6500, text: "He was not an ill-disposed young man." },
  ]);
});

Deno.test("parseWhisperJson() shifts times by the chunk's offset", () => {
  assert.equal(parseWhisperJson(SAMPLE, 600_000)[1].startMs, 604_000);
});

Deno.test("parseWhisperJson() yields nothing for output without a transcription", () => {
  assert.deepEqual(parseWhisperJson("{}"), []);
});

Deno.test("parseWhisperJson() keeps times inside the chunk whisper's 30 s window overshoots", () => {
  const json = JSON.stringify({
    transcription: [
      { offsets: { from: 1000, to: 3000 }, text: " inside" },
      { offsets: { from: 4000, to: 30000 }, text: " runs past the end" },
      { offsets: { from: 30000, to: 31000 }, text: " wholly past it" },
    ],
  });
  assert.deepEqual(parseWhisperJson(json, 60_000, 5000), [
    { startMs: 61_000, endMs: 63_000, text: "inside" },
    { startMs: 64_000, endMs: 65_000, text: "runs past the end" },
  ]);
});
