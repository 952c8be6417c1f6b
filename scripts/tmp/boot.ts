const t0 = performance.now();
const a = await import("../../src/analyse/analyse.ts");
const t1 = performance.now();
await import("../../src/pipeline/pipeline.ts");
const t2 = performance.now();
a.warmUp();
const t3 = performance.now();
console.log(`analyse import ${(t1-t0).toFixed(0)} pipeline import ${(t2-t1).toFixed(0)} warmUp ${(t3-t2).toFixed(0)}`);
