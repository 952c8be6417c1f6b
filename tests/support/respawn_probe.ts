/**
 * @module
 * Run with the release flags, in place of the app: tries every way a Deno program could start a
 * copy of itself, and a few other programs, and prints what the permissions answered.
 */
import { spawnSync } from "node:child_process";
import process from "node:process";

async function attempt(run: () => unknown): Promise<string> {
  try {
    await run();
    return "started";
  } catch (error) {
    return (error as Error).name;
  }
}

const self = Deno.execPath();
const allowed = async (command: string) =>
  (await Deno.permissions.query({ name: "run", command })).state === "granted";

console.log(JSON.stringify({
  selfAllowed: await allowed(self),
  spawnSelf: await attempt(() => new Deno.Command(self, { args: ["--version"] }).output()),
  spawnDenoByName: await attempt(() => new Deno.Command("deno", { args: ["--version"] }).output()),
  spawnShell: await attempt(() => new Deno.Command("sh", { args: ["-c", "true"] }).output()),
  nodeSpawnSelf: await attempt(() => {
    const result = spawnSync(process.execPath, ["--version"]);
    if (result.error) throw result.error;
  }),
  ffmpegAllowed: await allowed("ffmpeg"),
}));
