/**
 * @module
 * How long a batch has left, from what this run has done so far: measured in files and in bytes
 * (a recording's bytes stand for its audio time, and its stage reports how far into the audio it
 * is), and the longer of the two. No estimate until this run has done some work to measure.
 */

/** One file being worked on: its size and how far into it its stage says it is. */
interface InFlight {
  bytes: number;
  percent: number;
}

export class WorkEstimate {
  /** Bytes still to do when the run started (updated once the walk is done). */
  #bytesLeft = 0;
  /** What this run has finished, whole files only. */
  #filesDone = 0;
  #bytesDone = 0;
  readonly #inFlight = new Map<string, InFlight>();
  /** When this run's first file started: the walk and start-up are not work. */
  #startedAt: number | undefined;

  /** Bytes known to be waiting: at the start, and again once the walk has found every file
   * (files in flight then are still waiting). */
  plan(bytes: number | undefined): void {
    this.#bytesLeft = Math.max(0, bytes ?? 0);
  }

  started(path: string, bytes: number | undefined, now: number): void {
    this.#startedAt ??= now;
    this.#inFlight.set(path, { bytes: bytes ?? 0, percent: 0 });
  }

  /** A stage's own measure of how far it is within the file (0..100). */
  progressed(path: string, percent: number | undefined): void {
    const file = this.#inFlight.get(path);
    if (file && percent !== undefined) {
      file.percent = Math.min(100, Math.max(file.percent, percent));
    }
  }

  /** A file left the queue: done, failed for good or quarantined. */
  settled(path: string): void {
    const file = this.#inFlight.get(path);
    this.#inFlight.delete(path);
    this.#filesDone++;
    const bytes = file?.bytes ?? 0;
    this.#bytesDone += bytes;
    this.#bytesLeft = Math.max(0, this.#bytesLeft - bytes);
  }

  /** A file given back to the queue (to be retried): its partial work is not done. */
  released(path: string): void {
    this.#inFlight.delete(path);
  }

  /**
   * Seconds left for `filesLeft` files (those in flight included), or undefined while there is
   * no rate to go by or nothing left.
   */
  secondsLeft(now: number, filesLeft: number): number | undefined {
    if (this.#startedAt === undefined || filesLeft <= 0) return undefined;
    const elapsed = (now - this.#startedAt) / 1000;
    if (elapsed <= 0) return undefined;
    let partialBytes = 0;
    let partialFiles = 0;
    for (const f of this.#inFlight.values()) {
      partialBytes += (f.bytes * f.percent) / 100;
      partialFiles += f.percent / 100;
    }
    const estimates: number[] = [];
    const filesDone = this.#filesDone + partialFiles;
    if (filesDone > 0) estimates.push(((filesLeft - partialFiles) * elapsed) / filesDone);
    const bytesDone = this.#bytesDone + partialBytes;
    if (bytesDone > 0 && this.#bytesLeft > 0) {
      estimates.push(((this.#bytesLeft - partialBytes) * elapsed) / bytesDone);
    }
    // The longer one: a batch of small notes and one long recording is not done when the notes are.
    return estimates.length > 0 ? Math.max(0, Math.max(...estimates)) : undefined;
  }
}

/** "unknown", "45s", "12m05s", "3h07m". */
export function formatEta(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return "unknown";
  const s = Math.max(1, Math.round(seconds));
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  if (h > 0) return `${h}h${String(m).padStart(2, "0")}m`;
  if (m > 0) return `${m}m${String(r).padStart(2, "0")}s`;
  return `${r}s`;
}
