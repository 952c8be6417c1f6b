/**
 * @module
 * Main's handle on one sandbox: a Web Worker (running worker.ts) whose only permission is to
 * read the input folder and the stage thread's module. Validates everything it hears.
 */
import { dirname, sep } from "node:path";
import { fileURLToPath as fromFileUrl } from "node:url";
import {
  type Failure,
  type FromSandbox,
  FromSandbox as FromSandboxSchema,
  parseMessage,
  PROTOCOL_VERSION,
  type Task,
  type ToSandbox,
} from "../protocol/messages.ts";
import type { EnginePath } from "../pipeline/media/find_engines.ts";
import { releaseStartLock } from "../sandbox/start_lock.ts";

/**
 * What a sandbox may do. A document sandbox reads its input and nothing else; only a media
 * sandbox may also write its scratch folder and start the speech engines.
 */
export type Profile = "document" | "media";

export interface SandboxConfig {
  profile: Profile;
  /** Absolute input folder: the only user data a sandbox may read. */
  inputDir: string;
  /** The sandbox's own folder for decoded audio: the only place it may write. */
  scratchDir: string;
  threadUrl: URL;
  heapMb: number;
  stallMs: number;
  /** One for all sandboxes of the process: their stage threads start one at a time. */
  startLock: SharedArrayBuffer;
  /** This sandbox's name on the lock, no other's in the process (sandbox ids repeat per job). */
  lockOwner: number;
  /** `host:port` of the language model endpoint in LLM mode: the only place it may connect. */
  net?: string;
  /** The engines main found (find_engines.ts): a media sandbox may start these paths alone. */
  engines: Record<string, EnginePath>;
}

export interface SandboxHandlers {
  message(sandbox: Sandbox, message: FromSandbox): void;
  /** The Web Worker itself failed (uncaught error or invalid message); it has been replaced. */
  broken(sandbox: Sandbox, reason: string): void;
}

/**
 * Debug switches libraries in the pipeline read from the environment: yaml reads LOG_*,
 * compromise DEBUG_*. Without permission to read them they throw; main clears them before any
 * sandbox starts (see {@link clearLibrarySwitches}), so a user's shell cannot make a library
 * print into gleaner's output.
 */
export const LIBRARY_SWITCHES = [
  "LOG_TOKENS",
  "LOG_STREAM",
  "DEBUG_TAGS",
  "DEBUG_CHUNKS",
  "DEBUG_MATCH",
] as const;

export function clearLibrarySwitches(): void {
  for (const name of LIBRARY_SWITCHES) Deno.env.delete(name);
}

export class Sandbox {
  readonly id: number;
  readonly #config: SandboxConfig;
  /** Until a supervisor attaches, there is nothing to report: no task can be running. */
  #handlers: SandboxHandlers = { message: () => {}, broken: () => {} };
  #worker: Worker;

  /** Starts the sandbox at once: its stage thread takes about half a second to come up. */
  constructor(id: number, config: SandboxConfig) {
    this.id = id;
    this.#config = config;
    Deno.mkdirSync(config.scratchDir, { recursive: true });
    this.#worker = this.#spawn();
  }

  /** The scratch folder, for a media sandbox only. */
  get scratchDir(): string | undefined {
    return this.#config.profile === "media" ? this.#config.scratchDir : undefined;
  }

  get profile(): Profile {
    return this.#config.profile;
  }

  /** Restarts the sandbox with the permissions of another profile. */
  setProfile(profile: Profile): void {
    if (profile === this.#config.profile) return;
    this.#config.profile = profile;
    this.restart();
  }

  get engines(): Record<string, EnginePath> {
    return this.#config.engines;
  }

  attach(handlers: SandboxHandlers): void {
    this.#handlers = handlers;
  }

  run(task: Task): void {
    this.#send({ v: PROTOCOL_VERSION, type: "run", task });
  }

  abort(taskId: number, failure: Failure): void {
    this.#send({ v: PROTOCOL_VERSION, type: "abort", taskId, failure });
  }

  /** Replaces the Web Worker with a fresh one. */
  restart(): void {
    this.#worker.terminate();
    releaseStartLock(this.#config.startLock, this.#config.lockOwner);
    this.#worker = this.#spawn();
  }

  dispose(): void {
    this.#worker.terminate();
    releaseStartLock(this.#config.startLock, this.#config.lockOwner);
  }

  #send(message: ToSandbox): void {
    this.#worker.postMessage(message);
  }

  #spawn(): Worker {
    const { profile, inputDir, scratchDir, threadUrl, heapMb, stallMs, startLock, lockOwner, net } =
      this.#config;
    const media = profile === "media";
    const worker = new Worker(new URL("../../worker.ts", import.meta.url), {
      type: "module",
      name: `gleaner-${profile}-sandbox-${this.id}`,
      deno: {
        permissions: {
          read: [inputDir, ...(media ? [scratchDir] : []), ...codeRoots(threadUrl)],
          write: media ? [scratchDir] : false,
          net: net ? [net] : false,
          env: [...LIBRARY_SWITCHES],
          run: media ? runnable(this.#config.engines) : false,
          sys: false,
          ffi: false,
          import: false,
        },
      },
    });
    worker.onmessage = (event) => {
      if (worker !== this.#worker) return;
      const parsed = parseMessage(FromSandboxSchema, event.data);
      if (parsed.ok) this.#handlers.message(this, parsed.value);
      else this.#replace(`invalid message from the sandbox: ${parsed.error}`);
    };
    worker.onerror = (event) => {
      event.preventDefault(); // otherwise one sandbox's error would end the whole process
      if (worker === this.#worker) this.#replace(`sandbox failed: ${event.message}`);
    };
    worker.postMessage(
      {
        v: PROTOCOL_VERSION,
        type: "init",
        threadUrl: threadUrl.href,
        heapMb,
        stallMs,
        lockOwner,
        startLock,
      } satisfies ToSandbox,
    );
    return worker;
  }

  #replace(reason: string): void {
    this.restart();
    this.#handlers.broken(this, reason);
  }
}

/**
 * Where the stage thread's code lives. Inside a restricted Web Worker, node:worker_threads
 * checks read permission for every module the thread loads, npm packages included, so the
 * sandbox may read gleaner's own code and the npm package cache (public code), nothing more.
 */
function codeRoots(threadUrl: URL): string[] {
  const thread = dirname(fromFileUrl(threadUrl));
  // A compiled binary holds every module, npm packages included, in one embedded folder (the
  // project's root inside the binary), and nothing else is in it.
  if (Deno.build.standalone) return [fromFileUrl(new URL("../..", import.meta.url)), thread];
  const src = fromFileUrl(new URL("..", import.meta.url));
  const npmFile = fromFileUrl(import.meta.resolve("zod"));
  const folder = [`${sep}node_modules${sep}`, `${sep}npm${sep}`]
    .map((marker) => ({ marker, at: npmFile.lastIndexOf(marker) }))
    .find(({ at }) => at >= 0);
  if (!folder) throw new Error(`cannot tell where the npm packages are: ${npmFile}`);
  const npmRoot = npmFile.slice(0, folder.at + folder.marker.length - 1);
  return [src, thread, npmRoot];
}

/** The paths a media sandbox may start: the engines found and not refused. */
function runnable(engines: Record<string, EnginePath>): string[] | false {
  const paths = Object.values(engines).flatMap((e) => ("path" in e ? [e.path] : []));
  return paths.length > 0 ? paths : false;
}
