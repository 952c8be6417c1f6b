/**
 * @module
 * What a release binary is made of, in one place: the version, the targets, and the flags that
 * shape how the binary runs. The build compiles with these flags, and the tests run the app
 * through `deno run` with the same ones, because `deno compile` cannot fetch its base runtime on
 * every machine (DESIGN.md).
 */
import { fileURLToPath } from "node:url";
import denoConfig from "../deno.json" with { type: "json" };

export const VERSION: string = denoConfig.version;

export const TARGETS = [
  "x86_64-unknown-linux-gnu",
  "aarch64-unknown-linux-gnu",
  "x86_64-apple-darwin",
  "aarch64-apple-darwin",
  "x86_64-pc-windows-msvc",
  "aarch64-pc-windows-msvc",
] as const;
export type Target = typeof TARGETS[number];

export const REPO = fileURLToPath(new URL("..", import.meta.url)).replace(/[\\/]$/, "");
export const CONFIG = `${REPO}/deno.json`;
export const ENTRY = `${REPO}/main.ts`;

/**
 * The binary's run-time flags: the one permission set (`release` in deno.json: no run right but
 * the named engines and the URL opener, so the app can never start itself), never a prompt.
 */
export const RUNTIME_FLAGS = ["--no-prompt", "--permission-set=release", "--config", CONFIG];

/** Modules loaded by URL rather than by import: the sandbox's Web Worker and its stage thread. */
export const INCLUDED = [
  `${REPO}/worker.ts`,
  `${REPO}/src/sandbox/stage_thread.ts`,
  `${REPO}/src/pipeline/asciidoc_thread.ts`,
];

export function binaryName(target: Target, version = VERSION): string {
  return `gleaner-${version}-${target}${target.includes("windows") ? ".exe" : ""}`;
}

/** `deno compile`'s arguments for one target. */
export function compileArgs(target: Target, outDir: string): string[] {
  return [
    "compile",
    // Baked into the binary as its log level, as `deno run --quiet` runs the app in the tests:
    // without it every start printed "Info Failed to resolve 'whisper-cli' for allow-run".
    "--quiet",
    ...RUNTIME_FLAGS,
    "--frozen",
    "--exclude-unused-npm",
    ...INCLUDED.flatMap((path) => ["--include", path]),
    "--target",
    target,
    "--output",
    `${outDir}/${binaryName(target)}`,
    ENTRY,
  ];
}

/** `deno run`'s arguments for the app exactly as the binary runs it (tests may name another
 * entry that runs the same command line). */
export function runArgs(entry = ENTRY): string[] {
  return ["run", "--quiet", ...RUNTIME_FLAGS, entry];
}

/** The target of the machine this runs on. */
export function hostTarget(): Target {
  const { arch, os } = Deno.build;
  const system = os === "darwin"
    ? "apple-darwin"
    : os === "windows"
    ? "pc-windows-msvc"
    : "unknown-linux-gnu";
  const target = `${arch}-${system}`;
  if (!(TARGETS as readonly string[]).includes(target)) {
    throw new Error(`no release target for ${arch} ${os}`);
  }
  return target as Target;
}
