import assert from "node:assert/strict";
import { detectKind, isRecordingName } from "./detect.ts";
import { InputError } from "../common/errors.ts";

const text = (s: string) => new TextEncoder().encode(s);
const pdf = text("%PDF-1.7\n1 0 obj\n<< >>\nendobj\n");
const jpeg = new Uint8Array([
  0xff,
  0xd8,
  0xff,
  0xe0,
  0,
  16,
  ...text("JFIF"),
  0,
  1,
  1,
  0,
  0,
  1,
  0,
  1,
]);
// A minimal RIFF/WAVE header: enough for content sniffing.
const wav = new Uint8Array([
  ...text("RIFF"),
  36,
  0,
  0,
  0,
  ...text("WAVEfmt "),
  16,
  0,
  0,
  0,
  1,
  0,
  1,
  0,
  0x80,
  0x3e,
  0,
  0,
  0,
  0x7d,
  0,
  0,
  2,
  0,
  16,
  0,
  ...text("data"),
  0,
  0,
  0,
  0,
]);

Deno.test("detectKind() goes by the name for plain text formats", async () => {
  assert.deepEqual(await detectKind(text("hello"), "a.txt"), { kind: "text" });
  assert.deepEqual(await detectKind(text("# hi"), "notes/a.MD"), { kind: "markdown" });
  assert.deepEqual(await detectKind(text("<p>hi</p>"), "a.htm"), { kind: "html" });
  assert.deepEqual(await detectKind(text("1\n00:00:01,000 --> 00:00:02,000\nHi\n"), "a.srt"), {
    kind: "subtitles",
  });
});

Deno.test("detectKind() reads a PDF named .txt as a PDF and says so", async () => {
  assert.deepEqual(await detectKind(pdf, "report.txt"), {
    kind: "pdf",
    mismatch: "named .txt but the content is a PDF",
  });
});

Deno.test("detectKind() recognises WebVTT, SRT and HTML by content whatever the name", async () => {
  assert.equal(
    (await detectKind(text("\uFEFFWEBVTT\n\n00:01.000 --> 00:02.000\nx"), "a.txt")).kind,
    "subtitles",
  );
  assert.equal((await detectKind(text("<!DOCTYPE html><html><body>x"), "page.txt")).kind, "html");
  assert.equal(
    (await detectKind(text("1\r\n00:00:01,000 --> 00:00:02,000\r\nx"), "a.txt")).kind,
    "subtitles",
  );
});

Deno.test("detectKind() finds audio by its signature", async () => {
  assert.deepEqual(await detectKind(wav, "talk.wav"), { kind: "audio", container: "wav" });
  assert.deepEqual(await detectKind(wav, "talk.mp4"), { kind: "audio", container: "wav" });
});

Deno.test("detectKind() refuses a picture, whatever its name", async () => {
  await assert.rejects(detectKind(jpeg, "notes.md"), (e) => {
    assert.ok(e instanceof InputError, String(e));
    assert.match(e.message, /the content is image\/jpeg \(\.jpg\), not a supported document/);
    return true;
  });
});

Deno.test("detectKind() refuses a .pdf or .mp3 whose content is something else", async () => {
  await assert.rejects(
    detectKind(text("just words"), "paper.pdf"),
    /named \.pdf but the content is not a PDF/,
  );
  await assert.rejects(
    detectKind(text("just words"), "song.mp3"),
    /named \.mp3 but the content is not audio/,
  );
});

Deno.test("detectKind() refuses unknown extensions", async () => {
  await assert.rejects(detectKind(text("x"), "data.csv"), /unsupported file type \.csv/);
  await assert.rejects(detectKind(text("x"), "Makefile"), /unsupported file type \(no extension\)/);
});

Deno.test("detectKind() reads a document named by convention without an extension as text", async () => {
  for (
    const name of [
      "README",
      "NEWS",
      "docs/ChangeLog",
      "gzip-NEWS",
      "README.Debian",
      "README.source",
    ]
  ) {
    assert.deepEqual(await detectKind(text("Version 1.2 fixes a crash."), name), { kind: "text" });
  }
  assert.equal((await detectKind(text("<!DOCTYPE html><p>x"), "README")).kind, "html");
  assert.equal((await detectKind(text("# Lamps"), "README.md")).kind, "markdown");
  await assert.rejects(detectKind(text("x"), "README.gz"), /unsupported file type \.gz/);
  // A program or data named after a document is no document.
  for (const name of ["install.sh", "history.json", "changes.diff", "todo.py"]) {
    await assert.rejects(detectKind(text("x"), name), /unsupported file type/);
  }
});

Deno.test("isRecordingName() judges by the extension alone, in any case", () => {
  assert.equal(isRecordingName("talks/Episode 1.MP3"), true);
  assert.equal(isRecordingName("a.mkv"), true);
  assert.equal(isRecordingName("notes.md"), false);
  assert.equal(isRecordingName("mp3"), false);
  assert.equal(isRecordingName("folder.mp4/readme"), false);
});
