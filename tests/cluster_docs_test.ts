/**
 * docs/cluster.md cannot drift from the app: its YAML parses with the `yaml` package, its JSON
 * with JSON.parse, every `gleaner ...` command in it (in shell blocks, in the scripts inside the
 * manifests) parses with the app's own command-line parser, and each engine's example gives its
 * tasks the shards 0 to N-1, each exactly once, by the app's own reading of the variables.
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import { type Command, parseCommandLine } from "../src/cli/args.ts";
import { formatShard, resolveShard, type ShardRequest } from "../src/shard/shard_spec.ts";

const DOC = fileURLToPath(new URL("../docs/cluster.md", import.meta.url));
const markdown = await Deno.readTextFile(DOC);

interface Block {
  lang: string;
  code: string;
  /** The `##` heading the block is under. */
  section: string;
}

function fencedBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let section = "";
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const heading = /^## (.+)$/.exec(lines[i]);
    if (heading) section = heading[1];
    const open = /^```(\w*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
    assert.ok(i < lines.length, `unclosed code block in ${section}`);
    blocks.push({ lang: open[1], code: body.join("\n"), section });
  }
  return blocks;
}

const blocks = fencedBlocks(markdown);
const SECTIONS = ["Kubernetes", "Slurm", "AWS Batch", "GNU parallel"];
const sectionOf = (block: Block) => SECTIONS.find((s) => block.section.startsWith(s));

/** Every string in a parsed YAML or JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

/** Values for the shell variables the examples use inside `gleaner` commands; paths otherwise. */
const VARIABLES: Record<string, string> = { k: "0", n: "3" };

/**
 * The `gleaner` commands in a piece of shell, as argument lists: words split as the shell splits
 * them (quotes, backslashes, continued lines), up to the end of the command (a newline, `;`, `&&`,
 * `||`, `|`, `)`, `>` or a comment), with variables replaced.
 */
function gleanerCommands(shell: string): string[][] {
  const commands: string[][] = [];
  const start = /(^|[\s'"(;&|])gleaner(?=[ \t])/g;
  for (let found = start.exec(shell); found; found = start.exec(shell)) {
    const words: string[] = [];
    let word: string | undefined;
    let quote: string | undefined;
    let i = found.index + found[1].length + "gleaner".length;
    const end = () => {
      if (word !== undefined) words.push(word);
      word = undefined;
    };
    for (; i < shell.length; i++) {
      const c = shell[i];
      if (quote) {
        if (c === quote) quote = undefined;
        else if (c === "\\" && quote === '"') word += shell[++i];
        else word += c;
        continue;
      }
      if (c === "\\" && shell[i + 1] === "\n") {
        i++;
        continue;
      }
      if (c === " " || c === "\t") {
        end();
        continue;
      }
      if (c === "\n" || ";&|)>".includes(c) || (c === "#" && word === undefined)) break;
      word ??= "";
      if (c === "'" || c === '"') quote = c;
      else if (c === "\\") word += shell[++i];
      else word += c;
    }
    assert.equal(quote, undefined, `unclosed quote in: gleaner${shell.slice(found.index, i)}`);
    end();
    commands.push(
      words.map((w) => w.replace(/\$\{?(\w+)\}?/g, (_, name: string) => VARIABLES[name] ?? "/x")),
    );
  }
  return commands;
}

/** Every `gleaner` command of the document with the section it is in and what it parses to. */
function documentCommands() {
  const found: { section?: string; words: string[]; command: Command }[] = [];
  for (const block of blocks) {
    let texts: string[];
    if (block.lang === "yaml") {
      texts = parseAllDocuments(block.code).flatMap((d) => strings(d.toJS()));
    } else if (block.lang === "json") texts = strings(JSON.parse(block.code));
    else if (block.lang === "sh" || block.lang === "bash") texts = [block.code];
    else continue;
    for (const text of texts) {
      for (const words of gleanerCommands(text)) {
        let command: Command;
        try {
          command = parseCommandLine(words);
        } catch (error) {
          throw new Error(`docs/cluster.md: gleaner ${words.join(" ")}: ${error}`);
        }
        found.push({ section: sectionOf(block), words, command });
      }
    }
  }
  return found;
}

Deno.test("every YAML block of docs/cluster.md parses with the yaml package", () => {
  const yaml = blocks.filter((b) => b.lang === "yaml");
  assert.ok(yaml.length >= 1);
  for (const block of yaml) {
    for (const doc of parseAllDocuments(block.code)) {
      assert.deepEqual(doc.errors, [], `${block.section}: ${doc.errors.join("; ")}`);
      assert.deepEqual(doc.warnings, [], `${block.section}: ${doc.warnings.join("; ")}`);
    }
  }
});

Deno.test("every JSON block of docs/cluster.md parses", () => {
  const json = blocks.filter((b) => b.lang === "json");
  assert.ok(json.length >= 1);
  for (const block of json) JSON.parse(block.code);
});

Deno.test("every gleaner command in docs/cluster.md parses with the app's command line", () => {
  const commands = documentCommands();
  for (const section of SECTIONS) {
    const here = commands.filter((c) => c.section === section);
    const shards = here.filter((c) => c.command.mode === "batch" && c.command.shard);
    const merges = here.filter((c) => c.command.mode === "merge");
    assert.ok(shards.length >= 1, `${section}: no gleaner --batch ... --shard`);
    assert.ok(merges.length >= 1, `${section}: no gleaner merge`);
  }
  for (const { words, command } of commands) {
    assert.ok(
      command.mode === "batch" || command.mode === "merge",
      `not a batch or merge: gleaner ${words.join(" ")}`,
    );
  }
});

/** The shards an engine's tasks get, by the app's own reading of their variables. */
function shardsOf(request: ShardRequest, envs: Record<string, string>[]): string[] {
  return envs.map((env) => formatShard(resolveShard(request, (name) => env[name])));
}

const every = (n: number) => Array.from({ length: n }, (_, k) => `${k}/${n}`);

function shardRequest(section: string): ShardRequest {
  const batch = documentCommands().find((c) =>
    c.section === section && c.command.mode === "batch" && c.command.shard
  );
  assert.ok(batch?.command.mode === "batch" && batch.command.shard);
  return batch.command.shard;
}

Deno.test("the Kubernetes Indexed Job gives its pods the shards 0 to N-1", () => {
  const block = blocks.find((b) => b.lang === "yaml" && sectionOf(b) === "Kubernetes")!;
  const job = parseAllDocuments(block.code)[0].toJS();
  assert.equal(job.kind, "Job");
  assert.equal(job.spec.completionMode, "Indexed");
  const n: number = job.spec.completions;
  const env = Object.fromEntries(
    job.spec.template.spec.containers[0].env.map((e: { name: string; value: string }) => [
      e.name,
      e.value,
    ]),
  );
  const pods = Array.from({ length: n }, (_, i) => ({ ...env, JOB_COMPLETION_INDEX: String(i) }));
  assert.deepEqual(shardsOf(shardRequest("Kubernetes"), pods), every(n));
});

Deno.test("the Slurm array gives its tasks the shards 0 to N-1", () => {
  const block = blocks.find((b) => b.lang === "bash" && sectionOf(b) === "Slurm")!;
  const [, first, last] = /^#SBATCH --array=(\d+)-(\d+)$/m.exec(block.code)!.map(Number);
  const n = last - first + 1;
  const tasks = Array.from({ length: n }, (_, i) => ({
    SLURM_ARRAY_TASK_ID: String(first + i),
    SLURM_ARRAY_TASK_MIN: String(first),
    SLURM_ARRAY_TASK_MAX: String(last),
    SLURM_ARRAY_TASK_COUNT: String(n),
    SLURM_ARRAY_TASK_STEP: "1",
  }));
  assert.deepEqual(shardsOf(shardRequest("Slurm"), tasks), every(n));
});

Deno.test("the AWS Batch array job gives its children the shards 0 to N-1", () => {
  const [, size] = /--array-properties size=(\d+)/.exec(markdown)!;
  const n = Number(size);
  const children = Array.from({ length: n }, (_, i) => ({
    AWS_BATCH_JOB_ARRAY_INDEX: String(i),
    AWS_BATCH_JOB_ARRAY_SIZE: size,
  }));
  assert.deepEqual(shardsOf(shardRequest("AWS Batch"), children), every(n));
});

Deno.test("GNU parallel pairs each host with one of the shards 0 to N-1", () => {
  const block = blocks.find((b) => sectionOf(b) === "GNU parallel" && b.code.startsWith("chmod"))!;
  const run = /parallel --link .* \{1\} \{2\} (\d+) ::: (.+) ::: (.+)$/m.exec(block.code)!;
  const [n, hosts, ks] = [Number(run[1]), run[2].split(" "), run[3].split(" ")];
  assert.equal(hosts.length, n);
  // The script takes K and N as its second and third arguments, and runs `--shard $k/$n`.
  const script = blocks.find((b) => sectionOf(b) === "GNU parallel" && b.code.includes("ssh"))!;
  assert.match(script.code, /^host=\$1 k=\$2 n=\$3$/m);
  assert.match(script.code, / --shard \$k\/\$n /);
  assert.equal(shardRequest("GNU parallel").kind, "fixed");
  assert.deepEqual(ks.map((k) => `${k}/${n}`), every(n));
});
