/**
 * @module
 * A job's settings checked against the machine: the input and vault folders resolved (and refused
 * when they are the disk's root, the home folder or a system folder), the shard read from the
 * cluster engine's variables, the speech engine chosen. Used by the command line and the web UI
 * alike, and by merge for the vault it writes.
 */
import { basename, dirname, join, resolve } from "node:path";
import { errorMessage } from "../common/errors.ts";
import { defaultStateDir } from "../fs/state_folder.ts";
import { type FolderRole, unsafeFolder } from "../fs/system_folders.ts";
import { chooseEngine } from "../models/choose_engine.ts";
import { resolveShard } from "../shard/shard_spec.ts";
import { type JobOptions, jobOptions, type JobSettings } from "./job_options.ts";

/** What tests change about how a job runs. */
export interface JobOverrides {
  /** The stage thread module; tests substitute one that injects faults. */
  threadUrl?: URL;
}

const PRODUCTION_THREAD = new URL("../sandbox/stage_thread.ts", import.meta.url);

/**
 * The options of a job from its settings: folders checked and resolved, limits converted.
 * @throws {UsageError} when the shard cannot be worked out
 * @throws {Error} with a message for the user when a folder or file is unusable
 */
export async function prepareJob(
  settings: JobSettings,
  overrides: JobOverrides = {},
  hint: (line: string) => void = () => {},
): Promise<JobOptions> {
  const env = (name: string) => Deno.env.get(name);
  // Before any folder is made: a task without its shard must leave nothing behind.
  const shard = settings.shard ? resolveShard(settings.shard, env) : undefined;
  // The speech engine too: a missing or damaged model stops the batch before it starts.
  const engine = await chooseEngine(settings.whisperModel, defaultStateDir());
  if (engine.hint) hint(engine.hint);
  const dirs = await resolvePaths(settings);
  return jobOptions(settings, {
    ...dirs,
    ...(engine.whisperModel ? { whisperModel: engine.whisperModel } : {}),
    ...(shard ? { shard } : {}),
    threadUrl: overrides.threadUrl ?? PRODUCTION_THREAD,
    env,
  });
}

/**
 * The vault a merge writes, made when missing and resolved.
 * @throws {Error} when it is a folder no vault may be in
 */
export async function prepareMergeVault(out: string): Promise<string> {
  const wanted = resolve(out);
  refuseUnsafe(wanted, "vault");
  await Deno.mkdir(wanted, { recursive: true });
  const vaultDir = await Deno.realPath(wanted);
  refuseUnsafe(vaultDir, "vault");
  return vaultDir;
}

/** Throws when `path` must not be a job's `role` folder: see system_folders.ts. */
function refuseUnsafe(path: string, role: FolderRole): void {
  const why = unsafeFolder(path, role, Deno.env.get("HOME") ?? Deno.env.get("USERPROFILE"));
  if (why) throw new Error(why);
}

async function resolvePaths(
  settings: JobSettings,
): Promise<{ inputDir: string; vaultDir: string }> {
  let inputDir: string;
  try {
    inputDir = await Deno.realPath(resolve(settings.input));
  } catch {
    throw new Error(`input folder not found: ${settings.input}`);
  }
  if (!(await Deno.stat(inputDir)).isDirectory) {
    throw new Error(`input is not a folder: ${settings.input}`);
  }
  refuseUnsafe(inputDir, "input");
  const wanted = settings.out !== undefined
    ? resolve(settings.out)
    : join(dirname(inputDir), `${basename(inputDir) || "input"}-vault`);
  // Before the folder is made, and again once links are resolved.
  refuseUnsafe(wanted, "vault");
  try {
    await Deno.mkdir(wanted, { recursive: true });
  } catch (error) {
    throw new Error(`cannot create the vault folder ${wanted}: ${errorMessage(error)}`, {
      cause: error,
    });
  }
  if (!(await Deno.stat(wanted)).isDirectory) throw new Error(`vault is not a folder: ${wanted}`);
  const vaultDir = await Deno.realPath(wanted);
  refuseUnsafe(vaultDir, "vault");
  if (vaultDir === inputDir) throw new Error("the vault cannot be the input folder itself");
  return { inputDir, vaultDir };
}
