/**
 * @module
 * The web UI's HTTP API: zod schemas for what the UI sends and what the server answers, shared
 * by both sides. A request is validated before anything acts on it.
 */
import { z } from "zod";

/** A new job, as the UI's form sends it: some of the choices of the batch command line, checked
 * with the rest by the job options module (src/options/job_options.ts). */
export const JobRequest = z.object({
  input: z.string().trim().min(1, "choose an input folder"),
  out: z.string().trim().min(1).optional(),
  workers: z.number().int().min(1).max(256).optional(),
  include: z.array(z.string().min(1)).optional(),
  exclude: z.array(z.string().min(1)).optional(),
  restart: z.boolean().optional(),
  whisperModel: z.string().trim().min(1).optional(),
  llm: z.object({
    url: z.string().trim().min(1).optional(),
    model: z.string().trim().min(1).optional(),
  }).optional(),
}).strict();
export type JobRequest = z.infer<typeof JobRequest>;

/** How a stopped job is run again. */
export const ResumeRequest = z.object({
  restart: z.boolean().optional(),
  retryFailed: z.boolean().optional(),
}).strict();

/** A folder of the folder browser. */
export const FolderListing = z.object({
  path: z.string(),
  parent: z.string().nullable(),
  folders: z.array(z.string()),
});
export type FolderListing = z.infer<typeof FolderListing>;

/** Every error answer. */
export const ApiError = z.object({ error: z.string() });

/** The page trades the one-time code of an `--open` link for the session token. */
export const SessionRequest = z.object({ code: z.string().min(1).max(200) }).strict();
export const SessionGranted = z.object({ token: z.string() });

/** A note whose text holds the vault browser's search, with the first line that does. */
export const TextMatch = z.object({ path: z.string(), snippet: z.string() });
export type TextMatch = z.infer<typeof TextMatch>;
