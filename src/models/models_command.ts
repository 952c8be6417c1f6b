/**
 * @module
 * `gleaner models` lists the standard whisper.cpp models and which are installed;
 * `gleaner models pull NAME` downloads one into the state folder with a progress bar.
 */
import process from "node:process";
import cliProgress from "cli-progress";
import { CATALOGUE, findModel, installedModels, modelPath, modelsDir } from "./catalogue.ts";
import { MODEL_HOST, pullModel } from "./pull_model.ts";
import { errorMessage } from "../common/errors.ts";

export interface ModelsArgs {
  mode: "models";
  /** Absent: list the models. */
  pull?: string;
  /** Another host with the same file names (a mirror); default whisper.cpp's usual one. */
  from?: string;
}

/** The list: name, size on disk, language, and whether it is installed. */
async function listModels(stateDir: string): Promise<string> {
  const installed = new Set(await installedModels(stateDir));
  const rows = CATALOGUE.map((m) =>
    (`${m.name.padEnd(21)}${m.disk.padStart(8)}  ${m.language.padEnd(13)}` +
      (installed.has(m.name) ? "  installed" : "")).trimEnd()
  );
  return [
    `${"model".padEnd(21)}${"size".padStart(8)}  language`,
    ...rows,
    "",
    `Installed models are in ${modelsDir(stateDir)}; a batch uses one by default when whisper-cli`,
    "is on the PATH. Get one with: gleaner models pull base.en",
  ].join("\n");
}

/** Runs the command; returns the exit code. */
export async function runModels(args: ModelsArgs, stateDir: string): Promise<number> {
  if (args.pull === undefined) {
    console.log(await listModels(stateDir));
    return 0;
  }
  const model = findModel(args.pull);
  if (!model) {
    console.error(
      `gleaner: models pull: no standard model is called ${args.pull}; \`gleaner models\` lists them`,
    );
    return 2;
  }
  const base = (args.from ?? MODEL_HOST).replace(/\/+$/, "");
  const url = `${base}/ggml-${model.name}.bin`;
  const dest = modelPath(stateDir, model.name);
  const bar = progressBar(model.name);
  try {
    const bytes = await pullModel({ url, dest, sha1: model.sha1, progress: bar.update });
    bar.stop();
    console.error(`gleaner: ${model.name} is installed (${bytes} bytes, SHA-1 checked): ${dest}`);
    return 0;
  } catch (error) {
    bar.stop();
    console.error(`gleaner: models pull ${model.name}: ${errorMessage(error)}`);
    return 1;
  }
}

/** A live bar on a terminal; a line per tenth otherwise (logs, CI). */
function progressBar(name: string) {
  const mb = (n: number) => (n / 1e6).toFixed(1);
  if (Deno.stderr.isTerminal()) {
    const bar = new cliProgress.SingleBar({
      format: `${name} [{bar}] {percentage}% {done}/{all} MB, ETA {eta_formatted}`,
      stream: process.stderr,
      hideCursor: true,
    }, cliProgress.Presets.shades_classic);
    let started = false;
    return {
      update: (done: number, total: number | undefined) => {
        const all = total ?? done;
        if (!started) bar.start(all, done, { done: mb(done), all: mb(all) });
        started = true;
        bar.setTotal(all);
        bar.update(done, { done: mb(done), all: mb(all) });
      },
      stop: () => started && bar.stop(),
    };
  }
  let shown = -1;
  return {
    update: (done: number, total: number | undefined) => {
      if (!total) return;
      const tenth = Math.floor((done / total) * 10);
      if (tenth === shown) return;
      shown = tenth;
      console.error(`gleaner: ${name}: ${tenth * 10}% (${mb(done)} of ${mb(total)} MB)`);
    },
    stop: () => {},
  };
}
