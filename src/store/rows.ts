/**
 * @module
 * What the job store hands out and takes in: plain rows, free of SQLite.
 */
import type { FileStatus } from "../protocol/api.ts";
import type { NoteDraft } from "../protocol/messages.ts";

export type { FileStatus };

export type JobState = "running" | "paused" | "finished" | "interrupted" | "cancelled";
export type RunEnd = "finished" | "interrupted" | "cancelled" | "fatal";

export interface JobRow {
  id: number;
  inputDir: string;
  options: string;
  optionsHash: string;
  state: JobState;
}

export interface FileRow {
  id: number;
  jobId: number;
  path: string;
  size: number;
  mtimeMs: number;
  hash: string;
  status: FileStatus;
  /** Failed attempts that count toward quarantine. */
  failures: number;
  optionsHash: string | null;
  error: string | null;
}

export interface NoteRow {
  fileId: number;
  baseKey: string;
  base: string;
  path: string;
  contentHash: string;
}

/** A note with what related notes and Maps of Content are made from, and nothing more: a vault
 * of 10,000 notes must not need every draft in memory at once. */
export interface LinkedNote {
  fileId: number;
  /** The input's path, relative to its job's folder. */
  source: string;
  /** SHA-256 of the input's bytes: byte-identical inputs make one subject, not two. */
  sourceHash: string;
  path: string;
  title: string;
  contentHash: string;
  related: string[];
  terms: [string, number][];
  tags: string[];
  people: string[];
  /** The organisations and places it names: how the words of a map's name are spelled. */
  names: string[];
  keyphrases: string[];
  /** The summary's paragraphs. */
  summary: string[];
  /** The key points' sentences. */
  keyPoints: string[];
  /** Its body links to other inputs (or within itself), resolved when it is rendered. */
  hasLinks: boolean;
  /** The other inputs its body links to, by path relative to its job's folder. */
  linksTo: string[];
}

/** A note found in the vault after a rebuild, waiting for its source to be seen again. */
export interface Adoptable {
  path: string;
  base: string;
  contentHash: string;
  /** Read back from the note, when it is in gleaner's layout. */
  draft?: NoteDraft;
  related?: string[];
}

export interface VaultIntent {
  id: number;
  fileId: number;
  fromPath: string;
  toPath: string;
  baseKey: string;
  base: string;
}

/** One process's work on a job; a run that died is closed by the next one's recovery. */
export interface RunRow {
  id: number;
  startedAt: number;
  endedAt: number | null;
  endReason: string | null;
}

export interface RecoveredRuns {
  interruptedRuns: number;
  crashedRuns: number;
  /** Files that were in flight when a process died unexplained. */
  diedFileIds: number[];
}
