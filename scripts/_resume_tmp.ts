import { join } from "node:path";
import { JobStore } from "../src/store/job_store.ts";
import { outputOptions } from "../src/job/run_job.ts";
import { nameKey } from "../src/vault/note_name.ts";
import { sha256Hex } from "../src/fs/sha256.ts";
const WORDS = ("river archive signal tempo harbor lattice meadow quarry orbit ember canyon velvet prism sonnet glacier thimble").split(" ");
const root = Deno.args[0]; const RESUME_FILES = Number(Deno.args[1] ?? 100000);
const input = join(root, "resume-in");
const vaultDir = join(root, "resume-vault");
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
      const file = store.insertFile(job.id, { path, size: stat.size, mtimeMs: stat.mtime!.getTime(), hash: sha256Hex(text), status: done ? "done" : "pending" });
      if (!done) continue;
      const note = `Sources/n${String(i).padStart(6, "0")}.md`;
      Deno.writeTextFileSync(join(vaultDir, note), `---\ntitle: "n${i}"\n---\n`);
      store.upsertNote({ fileId: file.id, base: `n${i}`, baseKey: nameKey(`n${i}`), path: note, contentHash: "" });
      store.commitAdopted(file.id, optionsHash);
    }
  });
}
store.close();
