import { SandboxSlot } from "./src/supervisor/sandbox_slot.ts";
const t0 = performance.now();
const input = await Deno.makeTempDir();
await Deno.writeTextFile(input + "/a.txt", "hello world");
const slot = new SandboxSlot(1, {
  inputDir: input,
  threadUrl: new URL("./src/sandbox/stage_thread.ts", import.meta.url),
  heapMb: 512,
  stallMs: 60000,
}, {
  message: (_s, m) => {
    if (m.type === "ready") {
      slot.run({
        taskId: 1,
        absPath: input + "/a.txt",
        relPath: "a.txt",
        size: 11,
        budgetMs: 60000,
        options: { maxBytes: 1e6 },
      });
    }
    if (m.type === "result") {
      console.log("first result", Math.round(performance.now() - t0), "ms");
      slot.dispose();
      Deno.exit(0);
    }
  },
  broken: (_s, r) => console.log("broken", r),
});
