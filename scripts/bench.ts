/**
 * @module
 * `deno task bench`: the batch engine's figures, each measured side by side in one run and
 * printed as a ratio next to its target. Not a test: nothing here fails on a number.
 *
 *   1. pool with 1 worker vs the pipeline called in-process, same CPU-bound corpus
 *   2. 2 workers vs 1 on that corpus, and on real documents (bench_workers.ts)
 *   3. share of batch time spent making results durable (note write + checkpoint)
 *   4. launch to the first newly finished file, resuming a half-done 100,000-file job
 *   5. peak RSS after 1,000 and after 10,000 files
 *
 * and first the knowledge figures (summary ROUGE against baselines, keyphrase F1, analysis
 * throughput): see bench_knowledge.ts, and the same on real Debian documents and on long speeches,
 * each with a held-out part: see bench_gold.ts; the topic maps, related notes and ripple rewrites of a vault made from
 * Debian's documentation sets: see bench_maps.ts; then the web UI's (launch to URL, API latency idle and
 * under load): see bench_ui.ts; and last the sharded batch's (one shard against three at once
 * plus the merge, merge time per 1,000 notes): see bench_shards.ts; and what survives extraction
 * against pandoc and pdftotext: see bench_fidelity.ts. `--only knowledge,resume`
 * runs just those sections.
 */
import { sha256Hex } from "../src/fs/sha256.ts";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Worker as NodeWorker } from "node:worker_threads";
import { Job } from "../src/job/run_job.ts";
import { outputOptions } from "../src/options/job_options.ts";
import { extractDocx } from "../src/pipeline/docx.ts";
import { extractHtml } from "../src/pipeline/html.ts";
import { extractPdf } from "../src/pipeline/pdf.ts";
import { pipelineInProcess } from "./pipeline_in_process.ts";
import { extractSubtitles } from "../src/pipeline/subtitles.ts";
import { extractText } from "../src/pipeline/text.ts";
import { appCommand } from "../tests/support/app.ts";
import { makeDocx, makePdf } from "../tests/support/documents.ts";
import { JobStore } from "../src/store/job_store.ts";
import { VaultWriter } from "../src/vault/vault_writer.ts";
import { nameKey } from "../src/markdown/note_name.ts";
import { knowledgeQuality } from "./bench_knowledge.ts";
import { GOLD_DEBIAN, GOLD_SPEECHES, goldQuality } from "./bench_gold.ts";
import { mapsQuality } from "./bench_maps.ts";
import { uiLatency } from "./bench_ui.ts";
import { shardScaling } from "./bench_shards.ts";
import { fidelity } from "./bench_fidelity.ts";
import { benchJobOptions, realDocumentScaling } from "./bench_workers.ts";
import { whisperCliAvailable } from "../src/models/choose_engine.ts";
import { writeTinyWhisperModel } from "../tests/support/tiny_whisper_model.ts";

/** Deno's and @types/node's web streams differ only in their typings. */
type WebStream = NodeWebStream<Uint8Array>;

const flags = parseArgs({
  options: {
    quick: { type: "boolean" },
    "resume-files": { type: "string" },
    "rss-files": { type: "string" },
    only: { type: "string" },
  },
}).values;
/** `--only knowledge,resume`: just those sections. */
const SECTIONS = {
  knowledge: () => knowledgeQuality(report),
  fidelity: () => fidelity(report, root),
  "gold-debian": () => goldQuality(report, GOLD_DEBIAN),
  "gold-speeches": () => goldQuality(report, GOLD_SPEECHES),
  maps: () => mapsQuality(report, root),
  extraction: extractionThroughput,
  transcription: transcriptionOverhead,
  cpu: cpuBound,
  workers: () => realDocumentScaling(report, root, { quick: flags.quick ?? false }),
  resume: resumeLatency,
  rss: rssGrowth,
  ui: () => uiLatency(report),
  shards: () => shardScaling(report, { quick: flags.quick ?? false }),
};
const only = flags.only?.split(",").map((s) => s.trim()) ?? Object.keys(SECTIONS);
for (const name of only) {
  if (!(name in SECTIONS)) {
    throw new Error(`--only: no section "${name}" (${Object.keys(SECTIONS)})`);
  }
}
const RESUME_FILES = Number(flags["resume-files"] ?? (flags.quick ? 10_000 : 100_000));
const RSS_FILES = Number(flags["rss-files"] ?? (flags.quick ? 2_000 : 10_000));
const CPU_FILES = flags.quick ? 8 : 24;

/** Real read speech from Debian's pocketsphinx-testdata. */
const LIBRIVOX = "/usr/share/pocketsphinx/test/data/librivox";
const WORDS = ("river archive signal tempo harbor lattice meadow quarry orbit ember canyon " +
  "velvet prism sonnet glacier thimble").split(" ");

const root = await Deno.makeTempDir({ prefix: "gleaner-bench-" });
const rows: [string, string, string][] = [];
const report = (name: string, value: string, target: string) => {
  rows.push([name, value, target]);
  console.error(`  ${name}: ${value}`);
};

try {
  for (const [name, run] of Object.entries(SECTIONS)) if (only.includes(name)) await run();
} finally {
  await Deno.remove(root, { recursive: true });
}

console.log("\ngleaner benchmark");
const width = Math.max(...rows.map((r) => r[0].length));
for (const [name, value, target] of rows) {
  console.log(`${name.padEnd(width)}  ${value.padEnd(32)}  target ${target}`);
}
Deno.exit(0);

// ---- 1-3: CPU-bound corpus ----

async function cpuBound() {
  const input = join(root, "cpu");
  // About 1.5 MB of text each: word segmentation and hashing make them CPU-bound.
  for (let i = 0; i < CPU_FILES; i++) {
    const words = Array.from({ length: 220_000 }, (_, k) => WORDS[(i * 31 + k * 7 + k % 13) % 16]);
    await write(join(input, `f${String(i).padStart(3, "0")}.txt`), words.join(" "));
  }
  console.error(`CPU-bound corpus: ${CPU_FILES} files of ~1.5 MB`);
  const inProcess = await timeInProcess(input, join(root, "v-inproc"));
  const one = await timeJob(input, join(root, "v-one"), 1);
  const two = await timeJob(input, join(root, "v-two"), 2);
  report("pool(1) / in-process, whole run", `${(one.ms / inProcess.ms).toFixed(3)}`, "<= 1.05");
  report(
    "pool(1) / in-process, per file after the first",
    `${(one.steadyMs / inProcess.steadyMs).toFixed(3)}`,
    "<= 1.05",
  );
  report("2 workers vs 1, whole run", `${(one.ms / two.ms).toFixed(2)}x`, ">= 1.8x");
  report(
    "2 workers vs 1, per file after the first",
    `${(one.steadyMs / two.steadyMs).toFixed(2)}x`,
    ">= 1.8x",
  );
  const ceiling = await bareThreadScaling();
  report(
    "  same CPU work in 2 bare threads vs 1",
    `${ceiling.toFixed(2)}x`,
    "(this machine's ceiling)",
  );
  report(
    "checkpoint share (SQLite, 2 workers)",
    `${((two.timings.checkpointMs / two.ms) * 100).toFixed(2)} %`,
    "<= 2 %",
  );
  report(
    "  durable note write share (fsync, 1.5 MB notes)",
    `${((two.timings.noteWriteMs / two.ms) * 100).toFixed(2)} %`,
    "(info; overlaps the workers)",
  );
}

/** The same work as a 1-worker job, with no sandbox: pipeline, then the same durable commit. */
async function timeInProcess(input: string, vaultDir: string) {
  await Deno.mkdir(join(vaultDir, ".gleaner"), { recursive: true });
  const store = JobStore.open(join(vaultDir, ".gleaner", "state.db"));
  const vault = new VaultWriter(vaultDir, store);
  const started = performance.now();
  await vault.prepare();
  const job = store.createJob(input, "{}", outputOptions().hash);
  const runId = store.beginRun(job.id, Deno.pid);
  const names = [...Deno.readDirSync(input)].map((e) => e.name).sort();
  const doneAt: number[] = [];
  for (const name of names) {
    const stat = await Deno.stat(join(input, name));
    const file = store.insertFile(job.id, {
      path: name,
      size: stat.size,
      mtimeMs: stat.mtime!.getTime(),
      hash: "",
      status: "pending",
    });
    const attemptId = store.startAttempt(file.id, runId);
    const draft = await pipelineInProcess(
      { taskId: file.id, absPath: join(input, name), relPath: name, size: stat.size },
      { budgetMs: 600_000, maxBytes: 64 * 2 ** 20 },
    );
    await vault.commit({ file, attemptId, draft, optionsHash: outputOptions().hash });
    doneAt.push(performance.now());
  }
  const ms = performance.now() - started;
  store.close();
  console.error(`  in-process: ${ms.toFixed(0)} ms`);
  return { ms, steadyMs: steady(doneAt) };
}

/** Mean time per file after the first one is done: the one-off start-up left out. */
function steady(doneAt: number[]): number {
  return (doneAt.at(-1)! - doneAt[0]) / (doneAt.length - 1);
}

async function timeJob(input: string, vaultDir: string, workers: number) {
  const options = await benchJobOptions(input, vaultDir, workers);
  const timings = { noteWriteMs: 0, checkpointMs: 0 };
  options.stopwatch = {
    time(step, work) {
      const started = performance.now();
      const add = () => {
        const ms = performance.now() - started;
        if (step === "note_write") timings.noteWriteMs += ms;
        else timings.checkpointMs += ms;
      };
      const result = work();
      if (result instanceof Promise) return result.finally(add) as typeof result;
      add();
      return result;
    },
  };
  const doneAt: number[] = [];
  const job = new Job(options, (e) => {
    if (e.type === "file_done") doneAt.push(performance.now());
  });
  const started = performance.now();
  const summary = await job.run();
  const ms = performance.now() - started;
  if (summary.done !== CPU_FILES) throw new Error(`expected ${CPU_FILES} done: ${summary.done}`);
  console.error(`  pool(${workers}): ${ms.toFixed(0)} ms`);
  return { ms, steadyMs: steady(doneAt), timings };
}

/**
 * The machine's own limit for the 2-vs-1 figure: word segmentation, the pipeline's main cost,
 * in bare node threads with no gleaner around it.
 */
async function bareThreadScaling(): Promise<number> {
  const code = `
    const { parentPort } = require("node:worker_threads");
    const segmenter = new Intl.Segmenter("en", { granularity: "word" });
    const text = "river archive signal tempo harbor lattice meadow ".repeat(20000);
    parentPort.on("message", (n) => {
      let words = 0;
      for (let i = 0; i < n; i++) for (const s of segmenter.segment(text)) if (s.isWordLike) words++;
      parentPort.postMessage(words);
    });`;
  const run = async (threads: number, rounds: number) => {
    const workers = Array.from({ length: threads }, () => new NodeWorker(code, { eval: true }));
    const ask = (w: NodeWorker, n: number) =>
      new Promise((resolve) => {
        w.once("message", resolve);
        w.postMessage(n);
      });
    await Promise.all(workers.map((w) => ask(w, 1))); // warm up
    const started = performance.now();
    await Promise.all(workers.map((w) => ask(w, rounds)));
    const ms = performance.now() - started;
    await Promise.all(workers.map((w) => w.terminate()));
    return ms;
  };
  return (await run(1, 12)) / (await run(2, 6));
}

// ---- extraction throughput per format, one thread ----

async function extractionThroughput() {
  const sentence = (i: number) =>
    `Sentence ${i} talks about ${WORDS[i % 16]} and ${WORDS[(i * 7) % 16]} near the ${
      WORDS[(i * 3) % 16]
    }.`;
  const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => sentence(i));
  const encode = (text: string) => new TextEncoder().encode(text);
  const scale = flags.quick ? 1 : 4;
  type Extractor = (b: Uint8Array, n: string) => { body: string } | Promise<{ body: string }>;
  const inputs: [string, string, Uint8Array, Extractor][] = [
    ["text", "t.txt", encode(paragraphs(20_000 * scale).join("\n\n")), extractText],
    [
      "markdown",
      "m.md",
      encode(
        paragraphs(20_000 * scale).map((p, i) => (i % 20 ? p : `## Part ${i}\n\n${p}`)).join(
          "\n\n",
        ),
      ),
      extractText,
    ],
    [
      "html",
      "h.html",
      encode(
        `<html><head><title>Bench</title></head><body><nav>menu</nav><article><h1>Bench</h1>${
          paragraphs(10_000 * scale).map((p) => `<p>${p}</p>`).join("")
        }</article><footer>foot</footer></body></html>`,
      ),
      extractHtml,
    ],
    [
      "pdf",
      "p.pdf",
      await makePdf(
        "Bench",
        Array.from({ length: 40 * scale }, (_, i) => paragraphs(60).join(" ") + i),
      ),
      extractPdf,
    ],
    ["docx", "d.docx", await makeDocx("Bench", paragraphs(10_000 * scale)), extractDocx],
    [
      "subtitles",
      "s.srt",
      encode(
        paragraphs(10_000 * scale).map((p, i) =>
          `${i + 1}\n${srtTime(i * 3000)} --> ${srtTime(i * 3000 + 2500)}\n${p}\n`
        ).join("\n"),
      ),
      extractSubtitles,
    ],
  ];
  for (const [format, name, bytes, extract] of inputs) {
    const started = performance.now();
    const { body } = await extract(bytes.slice(), name);
    const seconds = (performance.now() - started) / 1000;
    const mb = bytes.byteLength / 2 ** 20;
    const textMb = new TextEncoder().encode(body).byteLength / 2 ** 20;
    report(
      `extract ${format} (${mb.toFixed(2)} MB in, ${textMb.toFixed(2)} MB text)`,
      `${(mb / seconds).toFixed(2)} MB/s in, ${(textMb / seconds).toFixed(2)} MB/s text`,
      "(info)",
    );
  }
}

function srtTime(ms: number): string {
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${p(Math.floor(ms / 3_600_000))}:${p(Math.floor(ms / 60_000) % 60)}:${
    p(Math.floor(ms / 1000) % 60)
  },${p(ms % 1000, 3)}`;
}

// ---- recordings: gleaner's transcription path vs the engine run directly ----

async function transcriptionOverhead() {
  const input = join(root, "audio");
  await Deno.mkdir(input);
  const recording = join(input, "talk.mp3");
  // Real read speech, joined to about two minutes by ffmpeg.
  const clips = [...Deno.readDirSync(LIBRIVOX)].filter((e) => e.name.endsWith(".wav"))
    .map((e) => join(LIBRIVOX, e.name)).sort();
  const list = join(root, "clips.txt");
  const repeats = flags.quick ? 2 : 8;
  await Deno.writeTextFile(
    list,
    Array.from({ length: repeats }, () => clips.map((c) => `file '${c}'`).join("\n")).join("\n"),
  );
  await tool("ffmpeg", ["-v", "error", "-f", "concat", "-safe", "0", "-i", list, recording]);
  console.error(`recording: ${repeats * clips.length} clips joined`);

  // The engine alone: decode the whole file once, transcribe it once.
  const direct = performance.now();
  const wav = join(root, "direct.wav");
  await tool("ffmpeg", ["-v", "error", "-i", recording, "-ac", "1", "-ar", "16000", wav]);
  await tool("pocketsphinx_continuous", ["-infile", wav, "-time", "yes", "-logfn", "/dev/null"]);
  const directMs = performance.now() - direct;

  // A state folder of its own: the user's installed whisper models must not pick the engine.
  const env = { XDG_STATE_HOME: join(root, "audio-state") };
  const started = performance.now();
  const run = await appCommand([
    "--batch",
    input,
    "--out",
    join(root, "audio-vault"),
    "--workers",
    "1",
  ], { stderr: "null", env }).output();
  const gleanerMs = performance.now() - started;
  if (!run.success) throw new Error("the recording batch failed");
  console.error(
    `  engine directly: ${directMs.toFixed(0)} ms, gleaner: ${gleanerMs.toFixed(0)} ms`,
  );
  report(
    "transcription: gleaner / engine directly",
    `${(gleanerMs / directMs).toFixed(3)}`,
    "<= 1.05",
  );

  if (!(await whisperCliAvailable())) {
    console.error("  whisper: skipped, whisper-cli is not on the PATH (scripts/build_whisper.sh)");
    return;
  }
  // whisper-cli with the tests' tiny random model: real decoding work around gibberish, so the
  // ratio shows gleaner's own cost around whisper-cli, not Whisper's speed with real weights.
  const model = join(root, "ggml-tiny-bench.bin");
  await writeTinyWhisperModel(model, { seed: 7 });
  const threads = String(navigator.hardwareConcurrency || 1); // what gleaner gives 1 worker
  const whisperDirect = performance.now();
  const wav2 = join(root, "direct-whisper.wav");
  await tool("ffmpeg", ["-v", "error", "-i", recording, "-ac", "1", "-ar", "16000", wav2]);
  await tool("whisper-cli", [
    "--model",
    model,
    "--file",
    wav2,
    "--language",
    "auto",
    "--output-json",
    "--output-file",
    join(root, "direct-whisper"),
    "--threads",
    threads,
    "--no-prints",
  ]);
  const whisperDirectMs = performance.now() - whisperDirect;
  const whisperStarted = performance.now();
  const whisperRun = await appCommand([
    "--batch",
    input,
    "--out",
    join(root, "audio-vault-whisper"),
    "--workers",
    "1",
    "--whisper",
    model,
    // The default budget (120 s plus 60 s per MB) is too short for whisper on a busy machine.
    "--timeout",
    "3600",
  ], { stderr: "null", env }).output();
  const whisperMs = performance.now() - whisperStarted;
  if (!whisperRun.success) throw new Error("the whisper recording batch failed");
  console.error(
    `  whisper-cli directly: ${whisperDirectMs.toFixed(0)} ms, gleaner: ${whisperMs.toFixed(0)} ms`,
  );
  report(
    "transcription (whisper-cli, tiny test model): gleaner / engine directly",
    `${(whisperMs / whisperDirectMs).toFixed(3)}`,
    "<= 1.05",
  );
}

async function tool(program: string, args: string[]) {
  const out = await new Deno.Command(program, { args, stdout: "null", stderr: "piped" }).output();
  if (!out.success) throw new Error(`${program} failed: ${new TextDecoder().decode(out.stderr)}`);
}

// ---- 4: resume latency ----

async function resumeLatency() {
  const input = join(root, "resume-in");
  const vaultDir = join(root, "resume-vault");
  console.error(`resume: building a half-done job of ${RESUME_FILES} files`);
  await Deno.mkdir(join(vaultDir, ".gleaner"), { recursive: true });
  await Deno.mkdir(join(vaultDir, "Sources"), { recursive: true });
  const store = JobStore.open(join(vaultDir, ".gleaner", "state.db"));
  const inputDir = (await Deno.mkdir(input, { recursive: true }), await Deno.realPath(input));
  const { json, hash: optionsHash } = outputOptions();
  const job = store.createJob(inputDir, json, optionsHash);
  const perFolder = 1000;
  for (let start = 0; start < RESUME_FILES; start += perFolder) {
    const folder = `d${String(start / perFolder).padStart(3, "0")}`;
    Deno.mkdirSync(join(inputDir, folder));
    store.transaction(() => {
      for (let i = start; i < Math.min(start + perFolder, RESUME_FILES); i++) {
        const path = `${folder}/n${String(i).padStart(6, "0")}.txt`;
        const text = `note number ${i} about ${WORDS[i % 16]}\n`;
        Deno.writeTextFileSync(join(inputDir, path), text);
        const stat = Deno.statSync(join(inputDir, path));
        const done = i < RESUME_FILES / 2;
        const file = store.insertFile(job.id, {
          path,
          size: stat.size,
          mtimeMs: stat.mtime!.getTime(),
          hash: sha256Hex(text),
          status: done ? "done" : "pending",
        });
        if (!done) continue;
        const note = `Sources/n${String(i).padStart(6, "0")}.md`;
        Deno.writeTextFileSync(join(vaultDir, note), `---\ntitle: "n${i}"\n---\n`);
        store.upsertNote({
          fileId: file.id,
          base: `n${i}`,
          baseKey: nameKey(`n${i}`),
          path: note,
          contentHash: "",
        });
        store.commitAdopted(file.id, optionsHash);
      }
    });
  }
  store.close();
  const ms = await launchToFirstDone(["--batch", inputDir, "--out", vaultDir, "--json"]);
  report(`resume ${RESUME_FILES} half done: first new note`, `${ms.toFixed(0)} ms`, "<= 1000 ms");
}

async function launchToFirstDone(args: string[]): Promise<number> {
  const started = performance.now();
  const child = appCommand(args, { stderr: "null" }).spawn();
  let firstDone = NaN;
  const lines = createInterface({ input: Readable.fromWeb(child.stdout as unknown as WebStream) });
  for await (const line of lines) {
    if (line.includes('"type":"file_done"')) {
      firstDone = performance.now() - started;
      child.kill("SIGINT");
      break;
    }
  }
  lines.close();
  await child.status;
  return firstDone;
}

// ---- 5: RSS growth ----

async function rssGrowth() {
  const input = join(root, "rss-in");
  const vaultDir = join(root, "rss-vault");
  for (let i = 0; i < RSS_FILES; i++) {
    const folder = `d${String(Math.floor(i / 1000)).padStart(3, "0")}`;
    if (i % 1000 === 0) await Deno.mkdir(join(input, folder), { recursive: true });
    Deno.writeTextFileSync(
      join(input, folder, `n${String(i).padStart(6, "0")}.md`),
      `# Note ${i}\n\n${Array.from({ length: 60 }, (_, k) => WORDS[(i + k) % 16]).join(" ")}\n`,
    );
  }
  console.error(`RSS: a batch of ${RSS_FILES} small files`);
  const child = appCommand(["--batch", input, "--out", vaultDir, "--json"], { stderr: "null" })
    .spawn();
  const marks = new Map<number, number>();
  let done = 0;
  const started = performance.now();
  for await (
    const line of createInterface({ input: Readable.fromWeb(child.stdout as unknown as WebStream) })
  ) {
    if (!line.includes('"type":"file_done"')) continue;
    done++;
    if (done === 1000 || done === 2000 || done === RSS_FILES) marks.set(done, peakRss(child.pid));
  }
  const status = await child.status;
  const seconds = (performance.now() - started) / 1000;
  if (!status.success || done !== RSS_FILES) throw new Error(`RSS batch ended badly: ${done}`);
  const atEnd = marks.get(RSS_FILES)!;
  report("small files per second (2 workers)", `${(done / seconds).toFixed(0)}`, "(info)");
  for (const from of [1000, 2000]) {
    const at = marks.get(from)!;
    report(
      `peak RSS ${from.toLocaleString("en")} -> ${RSS_FILES.toLocaleString("en")} files`,
      `${mb(at)} -> ${mb(atEnd)} (+${(((atEnd - at) / at) * 100).toFixed(1)} %)`,
      "<= +10 %",
    );
  }
}

/** VmHWM of a process: the peak resident set size, in bytes (Linux). */
function peakRss(pid: number): number {
  const status = Deno.readTextFileSync(`/proc/${pid}/status`);
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return kb * 1024;
}

async function write(path: string, text: string) {
  await Deno.mkdir(join(path, ".."), { recursive: true });
  await Deno.writeTextFile(path, text);
}

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MB`;
}
