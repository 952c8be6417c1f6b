/**
 * @module
 * The user's state folder for gleaner, by platform convention: where the web UI keeps its list
 * of jobs and `gleaner models pull` its whisper models.
 */
import { join } from "node:path";

/** The user's state folder for gleaner, by platform convention. */
export function defaultStateDir(): string {
  const env = (name: string) => Deno.env.get(name) || undefined;
  if (Deno.build.os === "windows") {
    return join(
      env("LOCALAPPDATA") ?? join(env("USERPROFILE") ?? ".", "AppData", "Local"),
      "gleaner",
    );
  }
  if (Deno.build.os === "darwin") {
    return join(env("HOME") ?? ".", "Library", "Application Support", "gleaner");
  }
  return join(env("XDG_STATE_HOME") ?? join(env("HOME") ?? ".", ".local", "state"), "gleaner");
}
