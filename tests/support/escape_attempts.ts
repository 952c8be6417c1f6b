/**
 * @module
 * Every way we know for stage code to reach past its sandbox: reading outside its input folder,
 * writing anywhere, the network, other programs, the environment, the system, native code and
 * new threads or workers with permissions of their own. The fault-injecting stage thread runs
 * them for an input named `__escape__`; the torture suite's sandbox section checks that each was
 * refused. A few controls do what a sandbox may do, to show the probe itself works.
 */
import { Buffer } from "node:buffer";
import * as childProcess from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import process from "node:process";
import { Worker as NodeWorker } from "node:worker_threads";
import type { Task } from "../../src/protocol/messages.ts";

export type AttemptKind = "read" | "write" | "net" | "run" | "env" | "sys" | "ffi" | "escalate";

export interface Attempt {
  label: string;
  kind: AttemptKind;
  /** Set for what a sandbox may do: every sandbox, or only one that handles media. */
  control?: "all" | "media" | "llm";
  try(place: Place): unknown;
}

/** Where the attempts aim, worked out from the task alone. */
export interface Place {
  task: Task;
  inputDir: string;
  /** The folder the suite puts the input folder and vault in. */
  parent: string;
  llm?: URL;
}

export function placeOf(task: Task): Place {
  const inputDir = task.absPath.slice(0, -task.relPath.length - 1);
  const parent = inputDir.slice(0, inputDir.lastIndexOf("/"));
  const llm = task.options.llm ? new URL(task.options.llm.url) : undefined;
  return { task, inputDir, parent, ...(llm ? { llm } : {}) };
}

const WORKER_SOURCE =
  "data:application/javascript,postMessage(Deno.readTextFileSync('/etc/passwd'))";

export const ATTEMPTS: Attempt[] = [
  {
    label: "read own input",
    kind: "read",
    control: "all",
    try: (p) => Deno.readFile(p.task.absPath),
  },
  { label: "read /etc/passwd", kind: "read", try: () => Deno.readTextFile("/etc/passwd") },
  {
    label: "read via ..",
    kind: "read",
    try: (p) => Deno.readTextFile(`${p.inputDir}/../secret.txt`),
  },
  {
    label: "read sibling folder",
    kind: "read",
    try: (p) => Deno.readTextFile(`${p.parent}/secret.txt`),
  },
  {
    label: "read vault note",
    kind: "read",
    try: (p) => Deno.readDir(`${p.parent}/vault`)[Symbol.asyncIterator]().next(),
  },
  {
    label: "read state db",
    kind: "read",
    try: (p) => Deno.readFile(`${p.parent}/vault/.gleaner/state.db`),
  },
  {
    label: "read /proc/self/environ",
    kind: "read",
    try: () => Deno.readFile("/proc/self/environ"),
  },
  { label: "read /proc/self/mem", kind: "read", try: () => Deno.open("/proc/self/mem") },
  { label: "list /", kind: "read", try: () => Deno.readDir("/")[Symbol.asyncIterator]().next() },
  { label: "stat /root", kind: "read", try: () => Deno.stat("/root") },
  { label: "realpath /", kind: "read", try: () => Deno.realPath("/etc") },
  { label: "node fs readFileSync", kind: "read", try: () => fs.readFileSync("/etc/hostname") },
  { label: "node fs promises", kind: "read", try: () => fs.promises.readFile("/etc/hostname") },
  {
    label: "node fs existsSync leaks",
    kind: "read",
    try: () => {
      // existsSync swallows errors; a true answer would leak what exists outside.
      if (fs.existsSync("/etc/passwd")) return;
      throw Object.assign(new Error("refused"), { name: "NotCapable" });
    },
  },
  { label: "fetch file URL", kind: "read", try: () => fetch("file:///etc/passwd") },
  { label: "import outside", kind: "read", try: (p) => import(`file://${p.parent}/secret.js`) },
  {
    label: "write /tmp",
    kind: "write",
    try: () => Deno.writeTextFile("/tmp/gleaner-escape.txt", "x"),
  },
  {
    label: "write input folder",
    kind: "write",
    try: (p) => Deno.writeTextFile(`${p.inputDir}/planted.md`, "x"),
  },
  {
    label: "overwrite own input",
    kind: "write",
    try: (p) => Deno.writeTextFile(p.task.absPath, "x"),
  },
  { label: "truncate own input", kind: "write", try: (p) => Deno.truncate(p.task.absPath, 0) },
  {
    label: "write vault",
    kind: "write",
    try: (p) => Deno.writeTextFile(`${p.parent}/vault/planted.md`, "x"),
  },
  { label: "remove input", kind: "write", try: (p) => Deno.remove(p.task.absPath) },
  {
    label: "rename input",
    kind: "write",
    try: (p) => Deno.rename(p.task.absPath, `${p.task.absPath}.moved`),
  },
  { label: "mkdir", kind: "write", try: (p) => Deno.mkdir(`${p.inputDir}/planted`) },
  { label: "symlink", kind: "write", try: (p) => Deno.symlink("/etc", `${p.inputDir}/etc`) },
  { label: "chmod", kind: "write", try: (p) => Deno.chmod(p.task.absPath, 0o777) },
  { label: "temp file", kind: "write", try: () => Deno.makeTempFile() },
  {
    label: "node fs writeFileSync",
    kind: "write",
    try: () => fs.writeFileSync("/tmp/gleaner-escape-node.txt", "x"),
  },
  {
    label: "write scratch",
    kind: "write",
    control: "media",
    try: (p) => Deno.writeTextFile(`${p.task.scratchDir}/probe.txt`, "x"),
  },
  {
    label: "connect loopback",
    kind: "net",
    try: () => Deno.connect({ hostname: "127.0.0.1", port: 9 }),
  },
  {
    label: "connect outside",
    kind: "net",
    try: () => Deno.connect({ hostname: "192.0.2.1", port: 80 }),
  },
  {
    label: "listen",
    kind: "net",
    try: () => Deno.listen({ hostname: "127.0.0.1", port: 0 }).close(),
  },
  {
    label: "udp",
    kind: "net",
    try: () => Deno.listenDatagram({ transport: "udp", hostname: "127.0.0.1", port: 0 }).close(),
  },
  { label: "fetch http", kind: "net", try: () => fetch("http://127.0.0.1:65000/") },
  { label: "resolve dns", kind: "net", try: () => Deno.resolveDns("example.com", "A") },
  {
    label: "websocket",
    kind: "net",
    try: () =>
      new Promise((resolve, reject) => {
        const ws = new WebSocket("ws://127.0.0.1:9/");
        ws.onopen = resolve;
        ws.onerror = () =>
          reject(Object.assign(new Error("websocket failed"), { name: "WebSocketError" }));
      }),
  },
  {
    label: "node net connect",
    kind: "net",
    try: () =>
      new Promise((resolve, reject) => {
        const socket = net.connect(9, "127.0.0.1", () => resolve(socket.destroy()));
        socket.on("error", reject);
      }),
  },
  {
    label: "connect llm",
    kind: "net",
    control: "llm",
    // Without LLM mode, the port a model would listen on is as closed as any other.
    try: async (p) => {
      const to = p.llm ?? new URL("http://127.0.0.1:11434");
      (await Deno.connect({ hostname: to.hostname, port: Number(to.port) })).close();
    },
  },
  {
    label: "connect llm host, other port",
    kind: "net",
    try: (p) =>
      Deno.connect({
        hostname: p.llm?.hostname ?? "127.0.0.1",
        port: Number(p.llm?.port ?? 8) + 1,
      }),
  },
  {
    label: "run sh",
    kind: "run",
    try: () => new Deno.Command("sh", { args: ["-c", "true"] }).output(),
  },
  {
    label: "run /bin/sh",
    kind: "run",
    try: () => new Deno.Command("/bin/sh", { args: ["-c", "true"] }).output(),
  },
  {
    label: "run deno",
    kind: "run",
    try: () => new Deno.Command(Deno.execPath(), { args: ["--version"] }).output(),
  },
  {
    label: "node spawnSync",
    kind: "run",
    try: () => {
      const r = childProcess.spawnSync("sh", ["-c", "true"]);
      if (r.error) throw r.error;
    },
  },
  { label: "node execSync", kind: "run", try: () => childProcess.execSync("true") },
  { label: "signal the app", kind: "run", try: () => Deno.kill(Deno.pid, "SIGCONT") },
  { label: "node signal the app", kind: "run", try: () => process.kill(process.pid, "SIGCONT") },
  { label: "signal listener", kind: "run", try: () => Deno.addSignalListener("SIGTERM", () => {}) },
  { label: "node signal listener", kind: "run", try: () => process.on("SIGTERM", () => {}) },
  {
    label: "unseal kill",
    kind: "escalate",
    try: () => {
      Object.defineProperty(Deno, "kill", { value: () => {} });
    },
  },
  {
    // A media sandbox may write its scratch folder: a program it writes there must not run.
    label: "run a program written to scratch",
    kind: "run",
    try: async (p) => {
      const dir = p.task.scratchDir;
      if (!dir) throw new Deno.errors.NotCapable("no scratch folder in a document sandbox");
      const path = `${dir}/escape.sh`;
      await Deno.writeTextFile(path, "#!/bin/sh\ntrue\n", { mode: 0o755 });
      return await new Deno.Command(path).output();
    },
  },
  {
    label: "run engine",
    kind: "run",
    control: "media",
    try: () => new Deno.Command("ffprobe", { args: ["-version"] }).output(),
  },
  { label: "env HOME", kind: "env", try: () => Deno.env.get("HOME") },
  { label: "env all", kind: "env", try: () => Deno.env.toObject() },
  { label: "env set", kind: "env", try: () => Deno.env.set("GLEANER_ESCAPE", "1") },
  { label: "process.env", kind: "env", try: () => JSON.stringify(process.env) },
  { label: "hostname", kind: "sys", try: () => Deno.hostname() },
  { label: "os release", kind: "sys", try: () => Deno.osRelease() },
  { label: "network interfaces", kind: "sys", try: () => Deno.networkInterfaces() },
  { label: "memory info", kind: "sys", try: () => Deno.systemMemoryInfo() },
  { label: "node os userInfo", kind: "sys", try: () => os.userInfo() },
  { label: "dlopen libc", kind: "ffi", try: () => Deno.dlopen("libc.so.6", {}) },
  {
    label: "process.dlopen",
    kind: "ffi",
    try: () => {
      const module = { exports: {} };
      (process as unknown as { dlopen(m: object, f: string): void }).dlopen(
        module,
        "/usr/lib/x86_64-linux-gnu/libc.so.6",
      );
    },
  },
  {
    label: "web worker",
    kind: "escalate",
    try: () =>
      new Promise((resolve, reject) => {
        const w = new Worker(WORKER_SOURCE, { type: "module" });
        w.onmessage = (e) => (w.terminate(), resolve(e.data));
        w.onerror = (
          e,
        ) => (e.preventDefault(),
          w.terminate(),
          reject(Object.assign(new Error(e.message), { name: errorName(e.message) })));
      }),
  },
  {
    label: "node worker thread",
    kind: "escalate",
    try: () =>
      new Promise((resolve, reject) => {
        const w = new NodeWorker("require('fs').readFileSync('/etc/passwd')", { eval: true });
        w.on("exit", (code) =>
          code === 0
            ? resolve(code)
            : reject(Object.assign(new Error(`exit ${code}`), { name: "WorkerExit" })));
        w.on("error", reject);
      }),
  },
  {
    label: "permission request",
    kind: "escalate",
    try: async () => {
      const status = await Deno.permissions.request({ name: "read", path: "/etc" });
      if (status.state !== "granted") {
        throw Object.assign(new Error(status.state), {
          name: "NotCapable",
        });
      }
    },
  },
  {
    label: "buffer from /etc",
    kind: "read",
    try: () => Buffer.from(Deno.readFileSync("/etc/passwd")),
  },
];

function errorName(message: string): string {
  return /NotCapable|Requires .* access/.test(message) ? "NotCapable" : "WorkerError";
}

/** Runs every attempt; each line is "label: allowed" or "label: ErrorName message". */
export async function tryEscapes(place: Place): Promise<string[]> {
  const lines: string[] = [];
  for (const attempt of ATTEMPTS) {
    try {
      await attempt.try(place);
      lines.push(`${attempt.label}: allowed`);
    } catch (error) {
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      lines.push(`${attempt.label}: ${name} ${message.replace(/\s+/g, " ").slice(0, 160)}`);
    }
  }
  return lines;
}

/** How a refusal reads: a permission error, a sealed API, or an API that is not there at all. */
const REFUSED =
  /^(NotCapable\b|\w+ Requires \w+ access|\w+ a sandbox may not|TypeError Cannot redefine|TypeError \S+ is not a function)/;

/** What one probe's note says, judged against what its sandbox may do. */
export interface Verdict {
  escapes: number;
  refused: number;
  controls: number;
  controlsWorked: number;
  /** Each attempt that got through, each control that failed, each attempt not tried. */
  problems: string[];
}

/** Judges the body of a note the `__escape__` stage wrote. */
export function judgeEscapes(body: string, sandbox: { media: boolean; llm: boolean }): Verdict {
  const seen = new Map<string, string>();
  for (const line of body.split("\n")) {
    const at = line.indexOf(": ");
    if (at > 0) seen.set(line.slice(0, at), line.slice(at + 2));
  }
  const v: Verdict = { escapes: 0, refused: 0, controls: 0, controlsWorked: 0, problems: [] };
  for (const attempt of ATTEMPTS) {
    const outcome = seen.get(attempt.label);
    if (outcome === undefined) {
      v.problems.push(`"${attempt.label}" was not tried`);
      continue;
    }
    const allowed = attempt.control === "all" || (attempt.control === "media" && sandbox.media) ||
      (attempt.control === "llm" && sandbox.llm);
    if (allowed) {
      v.controls++;
      if (outcome === "allowed") v.controlsWorked++;
      else v.problems.push(`control "${attempt.label}" failed: ${outcome}`);
      continue;
    }
    v.escapes++;
    if (REFUSED.test(outcome)) v.refused++;
    else v.problems.push(`"${attempt.label}" was not refused: ${outcome}`);
  }
  return v;
}
