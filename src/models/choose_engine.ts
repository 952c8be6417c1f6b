/**
 * @module
 * Which speech engine a batch uses, decided once in main before any file is touched: the
 * whisper model the user names (a catalogue name or a file), else an installed model when
 * whisper-cli is there, else PocketSphinx with a one-line hint on how to get Whisper. The model
 * is checked here, so a wrong or damaged one stops the batch at its start with the reason.
 */
import { resolve } from "node:path";
import { findEngines } from "../pipeline/media/find_engines.ts";
import { checkWhisperModel } from "../pipeline/media/whisper_model.ts";
import { findModel, installedModels, modelPath } from "./catalogue.ts";

export interface EngineChoice {
  /** Absolute path of the whisper model; PocketSphinx when absent. */
  whisperModel?: string;
  /** Said once to the user when the choice could be better. */
  hint?: string;
}

const WHISPER_HINT = "recordings are transcribed with PocketSphinx (rough: about 40 % of " +
  "words wrong); for Whisper, install whisper.cpp's whisper-cli and run `gleaner models pull " +
  "base.en`, or name a model with --whisper FILE";

/**
 * True when `whisper-cli` starts (it is on the PATH, is not gleaner itself, and runs). Looked up
 * like every engine (find_engines.ts), so a whisper-cli that is the app's own executable is
 * never started, not even for `--help`.
 */
export async function whisperCliAvailable(): Promise<boolean> {
  const found = findEngines(["whisper-cli"])["whisper-cli"];
  if (!found || "refused" in found) return false;
  try {
    const out = await new Deno.Command(found.path, {
      args: ["--help"],
      stdin: "null",
      stdout: "null",
      stderr: "null",
      clearEnv: true,
    }).output();
    return out.success;
  } catch {
    return false;
  }
}

/**
 * @param request `--whisper NAME|FILE` as given, if any
 * @throws {Error} when the named model is missing or unusable, with what to do
 */
export async function chooseEngine(
  request: string | undefined,
  stateDir: string,
  cliAvailable: () => Promise<boolean> = whisperCliAvailable,
): Promise<EngineChoice> {
  if (request !== undefined) {
    const known = findModel(request);
    const path = known ? modelPath(stateDir, known.name) : resolve(request);
    let real: string;
    try {
      real = await Deno.realPath(path);
    } catch {
      throw new Error(
        known
          ? `whisper model ${request} is not installed: run \`gleaner models pull ${request}\``
          : `whisper model not found: ${request}`,
      );
    }
    await checkWhisperModel(real);
    return { whisperModel: real };
  }
  const installed = await installedModels(stateDir);
  const best = installed[0]; // the preferred one comes first
  if (best && await cliAvailable()) {
    const path = await Deno.realPath(modelPath(stateDir, best));
    await checkWhisperModel(path);
    return { whisperModel: path };
  }
  return { hint: WHISPER_HINT };
}
