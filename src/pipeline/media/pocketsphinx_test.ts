import assert from "node:assert/strict";
import { parsePocketsphinx } from "./pocketsphinx.ts";

// Shape of `pocketsphinx_continuous -time yes` output, as Debian's 0.8-era build prints it.
const OUTPUT = `and mr john at leisure
<s> 0.000 0.140 0.999400
and(2) 0.150 0.360 0.260057
mr 0.370 0.620 0.988762
<sil> 0.630 0.700 0.553348
john 0.710 1.000 0.929128
[NOISE] 1.010 1.100 0.5
at 1.110 1.250 0.051112
leisure(2) 1.260 1.710 0.454575
</s> 1.720 1.800 1.000000
second one
<s> 3.000 3.100 1.0
second 3.100 3.500 0.9
one 3.500 3.900 0.9
</s> 3.900 4.000 1.0
`;

Deno.test("parsePocketsphinx() makes one segment per utterance, without fillers", () => {
  assert.deepEqual(parsePocketsphinx(OUTPUT), [
    { startMs: 150, endMs: 1710, text: "and mr john at leisure" },
    { startMs: 3100, endMs: 3900, text: "second one" },
  ]);
});

Deno.test("parsePocketsphinx() shifts times by the chunk's offset", () => {
  const [first] = parsePocketsphinx(OUTPUT, 300_000);
  assert.equal(first.startMs, 300_150);
});

Deno.test("parsePocketsphinx() returns nothing for silence", () => {
  assert.deepEqual(parsePocketsphinx("\n<s> 0.000 0.100 1.0\n</s> 0.100 0.200 1.0\n"), []);
});
