/**
 * @module
 * Which release target a runtime binary is built for, read from its header: an ELF, Mach-O or PE
 * file names its system and machine. `deno compile` puts the program on whatever `DENORT_BIN`
 * points at, whatever target it is asked for, so the build checks the two agree (an x86-64 ELF
 * was once published under an aarch64 name).
 */
import type { Target } from "./release.ts";

/** The target of the executable whose first bytes are `head` (4 KiB is plenty), or undefined. */
export function targetOfHeader(head: Uint8Array): Target | undefined {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const at = (offset: number, size: 2 | 4, little = true) =>
    offset + size > head.length
      ? undefined
      : size === 2
      ? view.getUint16(offset, little)
      : view.getUint32(offset, little);
  // ELF: 0x7f "ELF"; e_machine at 18 (little-endian on both targets).
  if (at(0, 4, false) === 0x7f454c46) {
    const machine = at(18, 2);
    return machine === 0x3e
      ? "x86_64-unknown-linux-gnu"
      : machine === 0xb7
      ? "aarch64-unknown-linux-gnu"
      : undefined;
  }
  // Mach-O, 64-bit little-endian: magic 0xfeedfacf, then the CPU type.
  if (at(0, 4) === 0xfeedfacf) {
    const cpu = at(4, 4);
    return cpu === 0x01000007
      ? "x86_64-apple-darwin"
      : cpu === 0x0100000c
      ? "aarch64-apple-darwin"
      : undefined;
  }
  // PE: "MZ", the PE header's offset at 0x3c, "PE\0\0", then the machine.
  if (at(0, 2) === 0x5a4d) {
    const pe = at(0x3c, 4);
    if (pe === undefined || at(pe, 4) !== 0x00004550) return undefined;
    const machine = at(pe + 4, 2);
    return machine === 0x8664
      ? "x86_64-pc-windows-msvc"
      : machine === 0xaa64
      ? "aarch64-pc-windows-msvc"
      : undefined;
  }
  return undefined;
}

/** The target of the binary at `path`, or undefined when its header is not one of the six. */
export async function targetOfFile(path: string): Promise<Target | undefined> {
  const file = await Deno.open(path);
  try {
    const head = new Uint8Array(4096);
    const n = (await file.read(head)) ?? 0;
    return targetOfHeader(head.subarray(0, n));
  } finally {
    file.close();
  }
}
