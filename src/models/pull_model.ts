/**
 * @module
 * Downloads one whisper.cpp model into the state folder: into `NAME.bin.part` first, resumed
 * with an HTTP range request when a part is already there, checked against the SHA-1 whisper.cpp
 * publishes and by gleaner's own model check, and only then renamed to its final name, so a
 * model in the folder is always whole.
 */
import { createHash } from "node:crypto";
import { dirname } from "node:path";
import { checkWhisperModel } from "../pipeline/media/whisper_model.ts";
import { errorMessage } from "../common/errors.ts";

/** whisper.cpp's usual model host, as its models/download-ggml-model.sh names it. */
export const MODEL_HOST = "https://huggingface.co/ggerganov/whisper.cpp/resolve/main";

export interface PullRequest {
  /** The file's URL. */
  url: string;
  /** Where the model goes; `${dest}.part` holds an unfinished download. */
  dest: string;
  /** The SHA-1 the whole file must have (hex). */
  sha1: string;
  /** Told the bytes so far and the total, when the server says it. */
  progress?: (done: number, total: number | undefined) => void;
  signal?: AbortSignal;
}

export class PullError extends Error {
  override name = "PullError";
}

/**
 * @returns the bytes of the finished model
 * @throws {PullError} saying what went wrong and whether running it again resumes
 */
export async function pullModel(request: PullRequest): Promise<number> {
  const { url, dest, sha1 } = request;
  const part = `${dest}.part`;
  await Deno.mkdir(dirname(dest), { recursive: true });
  let have = await sizeOf(part);
  let response: Response;
  try {
    response = await fetch(url, {
      headers: have > 0 ? { range: `bytes=${have}-` } : {},
      ...(request.signal ? { signal: request.signal } : {}),
    });
  } catch (error) {
    throw new PullError(`cannot reach ${url}: ${errorMessage(error)}`, { cause: error });
  }
  if (response.status === 416 && have > 0) {
    // The part is already whole (or longer than the file): the check below decides.
    await response.body?.cancel();
  } else if (response.status !== 200 && response.status !== 206) {
    await response.body?.cancel();
    throw new PullError(`${url} answered HTTP ${response.status} ${response.statusText}`.trim());
  } else {
    if (response.status === 200) have = 0; // the server ignored the range: start over
    const length = Number(response.headers.get("content-length") ?? NaN);
    const total = Number.isFinite(length) ? have + length : undefined;
    using file = await Deno.open(part, {
      write: true,
      create: true,
      truncate: have === 0,
      append: have > 0,
    });
    let done = have;
    request.progress?.(done, total);
    try {
      for await (const piece of response.body ?? []) {
        await writeAll(file, piece);
        done += piece.length;
        request.progress?.(done, total);
      }
    } catch (error) {
      throw new PullError(
        `the download of ${url} broke off at ${done} bytes (${errorMessage(error)}); ` +
          "run the same command again to resume it",
        { cause: error },
      );
    }
    await file.sync();
    if (total !== undefined && done < total) {
      throw new PullError(
        `the download of ${url} ended early, at ${done} of ${total} bytes; run the same ` +
          "command again to resume it",
      );
    }
    if (total !== undefined && done > total) {
      await Deno.remove(part).catch(() => {});
      throw new PullError(`${url} sent ${done} bytes where it announced ${total}; try again`);
    }
  }
  const digest = await sha1Of(part);
  if (digest !== sha1) {
    await Deno.remove(part).catch(() => {});
    throw new PullError(
      `the downloaded file's SHA-1 is ${digest}, not the published ${sha1}: it is corrupted or ` +
        "not that model, and was removed; run the same command again to download it afresh",
    );
  }
  try {
    await checkWhisperModel(part);
  } catch (error) {
    await Deno.remove(part).catch(() => {});
    throw new PullError(errorMessage(error), { cause: error });
  }
  await Deno.rename(part, dest);
  return (await Deno.stat(dest)).size;
}

async function writeAll(file: Deno.FsFile, bytes: Uint8Array): Promise<void> {
  let written = 0;
  while (written < bytes.length) written += await file.write(bytes.subarray(written));
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await Deno.stat(path)).size;
  } catch {
    return 0;
  }
}

async function sha1Of(path: string): Promise<string> {
  const hash = createHash("sha1");
  // The stream closes the file at its end.
  const file = await Deno.open(path, { read: true });
  for await (const piece of file.readable) hash.update(piece);
  return hash.digest("hex");
}
