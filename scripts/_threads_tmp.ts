import { join } from "node:path";
import { cpuUsage } from "node:process";
import { realCorpus, timeBatch } from "./bench_workers.ts";
const root = await Deno.makeTempDir({ prefix: "gl-thr-" });
const input = join(root, "in");
await realCorpus(input, Number(Deno.args[0] ?? 30));
const tick = 100; // USER_HZ
for (const workers of (Deno.args[1] ?? "1,2").split(",").map(Number)) {
  const seen = new Map<string, { comm: string; cpu: number }>();
  const sample = () => {
    for (const t of Deno.readDirSync("/proc/self/task")) {
      try {
        const stat = Deno.readTextFileSync(`/proc/self/task/${t.name}/stat`);
        const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
        const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        const cpu = (Number(f[11]) + Number(f[12])) / tick;
        const prev = seen.get(t.name);
        seen.set(t.name, { comm, cpu: Math.max(cpu, prev?.cpu ?? 0) });
      } catch { /* gone */ }
    }
  };
  sample();
  const base = new Map([...seen].map(([k, v]) => [k, v.cpu]));
  const timer = setInterval(sample, 100);
  const c0 = cpuUsage();
  const t = await timeBatch(input, join(root, `v${workers}`), workers);
  clearInterval(timer);
  sample();
  const c = cpuUsage(c0);
  console.log(`workers ${workers}: wall ${t.ms.toFixed(0)} ms, process cpu ${((c.user + c.system) / 1000).toFixed(0)} ms`, JSON.stringify(t));
  const byComm = new Map<string, number>();
  for (const [tid, v] of seen) { const d = v.cpu - (base.get(tid) ?? 0); if (d > 0.05) console.log(`  ${tid} ${v.comm}: ${d.toFixed(2)} s`); byComm.set(v.comm, (byComm.get(v.comm) ?? 0) + d); }
}
await Deno.remove(root, { recursive: true });
Deno.exit(0);
