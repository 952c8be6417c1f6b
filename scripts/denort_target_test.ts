import assert from "node:assert/strict";
import { targetOfFile, targetOfHeader } from "./denort_target.ts";
import { hostTarget } from "./release.ts";

function header(bytes: [number, number, 2 | 4, boolean?][]): Uint8Array {
  const head = new Uint8Array(512);
  const view = new DataView(head.buffer);
  for (const [offset, value, size, big] of bytes) {
    if (size === 2) view.setUint16(offset, value, !big);
    else view.setUint32(offset, value, !big);
  }
  return head;
}

Deno.test("targetOfHeader() reads the system and machine of ELF, Mach-O and PE headers", () => {
  const elf = (machine: number) => header([[0, 0x7f454c46, 4, true], [18, machine, 2]]);
  assert.equal(targetOfHeader(elf(0x3e)), "x86_64-unknown-linux-gnu");
  assert.equal(targetOfHeader(elf(0xb7)), "aarch64-unknown-linux-gnu");
  const macho = (cpu: number) => header([[0, 0xfeedfacf, 4], [4, cpu, 4]]);
  assert.equal(targetOfHeader(macho(0x01000007)), "x86_64-apple-darwin");
  assert.equal(targetOfHeader(macho(0x0100000c)), "aarch64-apple-darwin");
  const pe = (machine: number) =>
    header([[0, 0x5a4d, 2], [0x3c, 0x80, 4], [0x80, 0x00004550, 4], [0x84, machine, 2]]);
  assert.equal(targetOfHeader(pe(0x8664)), "x86_64-pc-windows-msvc");
  assert.equal(targetOfHeader(pe(0xaa64)), "aarch64-pc-windows-msvc");
});

Deno.test("targetOfHeader() knows nothing of other machines, scripts and short files", () => {
  assert.equal(targetOfHeader(header([[0, 0x7f454c46, 4, true], [18, 0x28, 2]])), undefined);
  assert.equal(targetOfHeader(new TextEncoder().encode("#!/bin/sh\necho hi\n")), undefined);
  assert.equal(targetOfHeader(new Uint8Array([0x7f, 0x45])), undefined);
  assert.equal(targetOfHeader(header([[0, 0x5a4d, 2], [0x3c, 0x7fffffff, 4]])), undefined);
});

Deno.test("targetOfFile() finds the running deno built for this machine", async () => {
  assert.equal(await targetOfFile(Deno.execPath()), hostTarget());
});
