/**
 * @module
 * Sandbox: stage code that tries every way out we know (tests/support/escape_attempts.ts) in
 * document and media sandboxes, and in LLM mode, over many files and so over fresh and reused
 * sandboxes. Each attempt must be refused every time, the controls must work (else the probe
 * proves nothing), and nothing outside the vault may change.
 */
import { join } from "node:path";
import { ATTEMPTS, judgeEscapes } from "../../tests/support/escape_attempts.ts";
import { FAULT_APP, ofType, runApp } from "../../tests/support/app.ts";
import { snapshotVault, writeText } from "../../tests/support/corpus.ts";
import { startFakeLlm } from "../../tests/support/fake_llm.ts";
import { parseFrontmatter } from "../../src/markdown/frontmatter.ts";
import { lastLines, type Section } from "./section.ts";
import { exists } from "../../src/fs/maybe_missing.ts";

const SIZES = {
  short: { documents: 8, recordings: 4 },
  long: { documents: 60, recordings: 20 },
};

export const sandboxEscapesSection: Section = {
  name: "sandbox",
  async run({ root, profile }) {
    const { documents, recordings } = SIZES[profile];
    const problems: string[] = [];
    const secret = join(root, "secret.txt");
    await writeText(secret, "outside the input folder\n");
    await writeText(join(root, "secret.js"), "export default 'outside';\n");
    const input = join(root, "input");
    const names = [
      ...Array.from({ length: documents }, (_, i) => `doc-${i}__escape__.md`),
      ...Array.from({ length: recordings }, (_, i) => `talk-${i}__escape__.wav`),
    ];
    for (const name of names) await writeText(join(input, name), "escape\n");
    const outside = await listOutside(root);

    let escapes = 0;
    let refused = 0;
    let controls = 0;
    let controlsWorked = 0;
    const llm = startFakeLlm();
    try {
      for (const mode of ["plain", "llm"] as const) {
        const vault = join(root, "vault");
        const extra = mode === "llm" ? ["--llm", "--llm-url", llm.url] : [];
        const run = await runApp(["--batch", input, "--out", vault, "--json", ...extra], {
          entry: FAULT_APP,
        });
        if (run.code !== 0) problems.push(`${mode}: exited ${run.code}: ${lastLines(run.stderr)}`);
        const done = ofType(run.events, "file_done").length;
        if (done !== names.length) problems.push(`${mode}: ${done} of ${names.length} files done`);
        for (const [path, markdown] of await snapshotVault(vault)) {
          const { data, body } = parseFrontmatter(markdown);
          const source = String((data as { source?: string } | null)?.source ?? path);
          const v = judgeEscapes(body, { media: source.endsWith(".wav"), llm: mode === "llm" });
          escapes += v.escapes;
          refused += v.refused;
          controls += v.controls;
          controlsWorked += v.controlsWorked;
          problems.push(...v.problems.map((p) => `${mode} ${source}: ${p}`));
        }
        await Deno.remove(vault, { recursive: true });
      }
    } finally {
      await llm.close();
    }
    const after = await listOutside(root);
    if (after !== outside) problems.push("files outside the vault changed");
    for (const planted of ["/tmp/gleaner-escape.txt", "/tmp/gleaner-escape-node.txt"]) {
      if (await exists(planted)) {
        problems.push(`${planted} was written`);
        await Deno.remove(planted);
      }
    }
    return {
      tried:
        `${
          ATTEMPTS.filter((a) => !a.control).length
        } ways out (reading, writing, network, programs, ` +
        `signals, environment, system, native code, new threads) from ${names.length} files ` +
        `in document and media sandboxes, without and with LLM mode`,
      found: `${refused} of ${escapes} attempts refused, ${controlsWorked} of ${controls} ` +
        `controls worked, ${after === outside ? 0 : "some"} changes outside the vault`,
      problems,
    };
  },
};

/** Every path with its size and modification time, outside the vault. */
async function listOutside(root: string): Promise<string> {
  const lines: string[] = [];
  const walk = async (dir: string) => {
    for await (const entry of Deno.readDir(dir)) {
      const path = join(dir, entry.name);
      if (path === join(root, "vault")) continue;
      const info = await Deno.lstat(path);
      lines.push(`${path} ${info.size} ${info.mtime?.getTime()} ${info.mode}`);
      if (info.isDirectory) await walk(path);
    }
  };
  await walk(root);
  return lines.sort().join("\n");
}
