import { Session } from "node:inspector";
import { Job } from "../src/job/run_job.ts";
const [input, vault] = Deno.args;
const s = new Session(); s.connect();
const post = (m: string, p?: object) => new Promise((res, rej) => s.post(m, p ?? {}, (e: unknown, r: unknown) => e ? rej(e) : res(r)));
await post("Profiler.enable"); await post("Profiler.setSamplingInterval", { interval: 1000 }); await post("Profiler.start");
const t0 = performance.now();
const seen = new Set<string>();
const done = Promise.withResolvers<void>();
const job = new Job({ inputDir: input, vaultDir: vault, workers: 2, include: [], exclude: [], restart: false, retryFailed: false, maxAttempts: 3, poisonAfter: 3, budgetBaseMs: 600000, budgetPerMbMs: 60000, stallMs: 120000, heapMb: 1024, retryBaseMs: 1000, pipeline: { maxBytes: 64 * 2 ** 20, maxDurationMs: 3600000, chunkMs: 300000 }, threadUrl: new URL("../src/sandbox/stage_thread.ts", import.meta.url), memoryCheckMs: 2000, sampleMs: 60000 }, (e) => {
  if (!seen.has(e.type)) { seen.add(e.type); console.log((performance.now() - t0).toFixed(0), e.type); }
  if (e.type === "file_done") done.resolve();
});
const run = job.run();
await done.promise;
const r = await post("Profiler.stop") as { profile: any };
job.interrupt();
const p = r.profile; const dt = (p.endTime - p.startTime) / 1000;
const counts = new Map<number, number>(); for (const id of p.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
const total = p.samples.length; const ms = (c: number) => (c / total * dt).toFixed(0);
const children = new Map<number, number[]>(); for (const nd of p.nodes) children.set(nd.id, nd.children ?? []);
const byId = new Map(p.nodes.map((nd: any) => [nd.id, nd]));
const incl = (id: number): number => (counts.get(id) ?? 0) + (children.get(id) ?? []).reduce((a, c) => a + incl(c), 0);
const inclBy = new Map<string, number>();
const walk = (id: number, seen: Set<string>) => { const nd: any = byId.get(id); const k = `${nd.callFrame.functionName} ${nd.callFrame.url.replace(/.*\//, "")}:${nd.callFrame.lineNumber}`; const first = !seen.has(k); if (first) inclBy.set(k, (inclBy.get(k) ?? 0) + incl(id)); const s2 = first ? new Set([...seen, k]) : seen; for (const c of children.get(id) ?? []) walk(c, s2); };
walk(p.nodes[0].id, new Set());
console.log("profile", dt.toFixed(0)); for (const [k, v] of [...inclBy].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(ms(v), k);
await run.catch(() => {});
Deno.exit(0);
