const a = await import("../../src/analyse/analyse.ts");
await import("../../src/pipeline/pipeline.ts");
a.warmUp();
const body = `The harbour 1 survey counted boats, nets and gulls. Keeper Ada Lind wrote it up.`;
for (let i = 0; i < 20; i++) a.analyse({ title: `Memo ${i}`, body, wordCount: 15 });
// deno-lint-ignore no-explicit-any
(globalThis as any).gc?.();
const m = Deno.memoryUsage();
console.log(`heapUsed ${(m.heapUsed / 1e6).toFixed(1)} MB heapTotal ${(m.heapTotal / 1e6).toFixed(1)} MB`);
