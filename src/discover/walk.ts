/**
 * @module
 * Walks the input folder and yields every candidate file, or why a path was passed over, in
 * the same order on every run. Nothing is opened here: special files could block a reader.
 */
import { join, resolve, sep } from "node:path";
import picomatch from "picomatch";
import { errorMessage } from "../common/errors.ts";

export interface WalkOptions {
  /** picomatch globs matched against the POSIX relative path; empty = every file with a supported extension */
  include: string[];
  /** picomatch globs; a match excludes a file, or a whole folder when the folder path matches */
  exclude: string[];
  /** absolute real paths of folders never entered (the output vault when it lies inside the input) */
  skipDirs: string[];
  /** lower-case extensions with dot, e.g. [".txt", ".md", ".markdown"] */
  extensions: string[];
  /** Names of files taken too whatever their extension ("README", "README.Debian"). */
  names?: RegExp;
}

export type WalkEntry =
  | { kind: "file"; path: string; absPath: string; size: number; mtimeMs: number }
  | { kind: "skipped"; path: string; reason: string };

/** A folder being walked: its sorted listing and how far the walk has got through it. */
interface Frame {
  path: string;
  absPath: string;
  realPath: string;
  entries: Deno.DirEntry[];
  next: number;
}

/** What a symlink leads to, or why it is not followed. */
type LinkTarget = { realPath: string; info: Deno.FileInfo } | { reason: string };

/**
 * Yields the files under `root` (an absolute, symlink-resolved folder) depth first, each folder's
 * entries sorted by name in code-unit order. Hidden entries and `skipDirs` are passed over
 * silently; anything else not taken yields a `skipped` entry with a reason.
 *
 * Each real folder is walked once. Reaching it again through a symlink yields "symlink loop"
 * when it is an ancestor of the link, otherwise "folder already walked as <path>", so a tree
 * full of links cannot multiply the walk. Symlinks to files are followed (when inside root)
 * even if the target is also reached directly; callers dedupe by content hash if they care.
 *
 * Throws only when `root` itself cannot be listed.
 */
export async function* walkInputs(root: string, options: WalkOptions): AsyncGenerator<WalkEntry> {
  const isExcluded = matcher(options.exclude, false);
  const isIncluded = matcher(options.include, true);
  const skipDirs = options.skipDirs.map((dir) => resolve(dir));
  // A symlink can lead below a skipped folder without passing through it.
  const isSkipped = (realPath: string) => skipDirs.some((dir) => isInside(realPath, dir));
  const extensions = new Set(options.extensions);
  const supported = (name: string) => {
    const extension = extensionOf(name);
    return extensions.has(extension) || options.names?.test(name) === true;
  };

  let entries: Deno.DirEntry[];
  try {
    entries = await listFolder(root);
  } catch (error) {
    throw new Error(`cannot read input folder ${root}: ${describe(error)}`, { cause: error });
  }
  const walkedAs = new Map<string, string>([[root, "."]]);
  const stack: Frame[] = [{ path: "", absPath: root, realPath: root, entries, next: 0 }];

  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const entry = frame.entries[frame.next++];
    if (entry === undefined) {
      stack.pop();
      continue;
    }
    if (entry.name.startsWith(".")) continue;
    const path = frame.path === "" ? entry.name : `${frame.path}/${entry.name}`;
    if (isExcluded(path)) continue;
    const absPath = join(frame.absPath, entry.name);
    if (entry.name.includes("\uFFFD") && !(await exists(absPath))) {
      // Deno lists a name that is not UTF-8 with U+FFFD for its bad bytes, and by that name
      // the entry cannot be opened: every later look at it would say "No such file".
      if (entry.isDirectory || isIncluded(path)) yield { kind: "skipped", path, reason: NOT_UTF8 };
      continue;
    }

    let realPath = join(frame.realPath, entry.name);
    let info: Deno.FileInfo | undefined;
    if (entry.isSymlink) {
      const target = await followLink(absPath, root);
      if ("reason" in target) {
        // The target's kind is unknown, so the link is judged by the file rules.
        if (isIncluded(path)) yield { kind: "skipped", path, reason: target.reason };
        continue;
      }
      ({ realPath, info } = target);
    }

    if (info?.isDirectory ?? entry.isDirectory) {
      // A trailing slash lets gitignore-style folder globs such as "drafts/" match too.
      if (isExcluded(`${path}/`) || isSkipped(realPath)) continue;
      const firstPath = walkedAs.get(realPath);
      if (firstPath !== undefined) {
        const isAncestor = stack.some((open) => open.realPath === realPath);
        const reason = isAncestor ? "symlink loop" : `folder already walked as ${firstPath}`;
        yield { kind: "skipped", path, reason };
        continue;
      }
      walkedAs.set(realPath, path);
      try {
        stack.push({ path, absPath, realPath, entries: await listFolder(absPath), next: 0 });
      } catch (error) {
        yield { kind: "skipped", path, reason: `cannot read folder: ${describe(error)}` };
      }
      continue;
    }

    if (!isIncluded(path)) continue;
    if (entry.isSymlink && isSkipped(realPath)) continue;
    const isFile = info?.isFile ?? entry.isFile;
    yield await inspectFile({ path, absPath, isFile, viaSymlink: entry.isSymlink }, supported);
  }
}

/** A file that passed the path filters: its entry, or why it cannot be taken. */
async function inspectFile(
  file: { path: string; absPath: string; isFile: boolean; viaSymlink: boolean },
  supported: (name: string) => boolean,
): Promise<WalkEntry> {
  const { path, absPath } = file;
  if (!file.isFile) return { kind: "skipped", path, reason: "not a regular file" };
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (!supported(name)) {
    const extension = extensionOf(name);
    const reason = extension === ""
      ? "unsupported file type (no extension)"
      : `unsupported file type ${extension}`;
    return { kind: "skipped", path, reason };
  }
  let info: Deno.FileInfo;
  try {
    // lstat unless the link was checked already: a file swapped for a symlink since the
    // listing must not be followed unchecked. Whether it is readable is found out when a
    // worker opens it, which reports a clear per-file error.
    info = file.viaSymlink ? await Deno.stat(absPath) : await Deno.lstat(absPath);
  } catch (error) {
    return { kind: "skipped", path, reason: `cannot read file: ${describe(error)}` };
  }
  // The file may have been swapped for something else since the listing.
  if (!info.isFile) return { kind: "skipped", path, reason: "not a regular file" };
  return { kind: "file", path, absPath, size: info.size, mtimeMs: info.mtime?.getTime() ?? 0 };
}

const NOT_UTF8 = "its name is not valid UTF-8, so it cannot be opened: rename it " +
  "(for example with convmv) and run again";

async function exists(absPath: string): Promise<boolean> {
  try {
    await Deno.lstat(absPath);
    return true;
  } catch {
    return false;
  }
}

/** A predicate over POSIX relative paths; `whenEmpty` is its answer when there are no globs. */
function matcher(globs: string[], whenEmpty: boolean): (path: string) => boolean {
  if (globs.length === 0) return () => whenEmpty;
  // Paths are always POSIX here; left to detect the platform, picomatch would read a
  // backslash in a Linux file name as a separator. Without dotAll, its "**" stops at a folder
  // name that contains a newline.
  return picomatch(globs, { windows: false, flags: "s" });
}

async function listFolder(absPath: string): Promise<Deno.DirEntry[]> {
  const entries: Deno.DirEntry[] = [];
  for await (const entry of Deno.readDir(absPath)) entries.push(entry);
  // Plain code-unit order: localeCompare would depend on the machine's locale.
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

async function followLink(absPath: string, root: string): Promise<LinkTarget> {
  let realPath: string;
  try {
    realPath = await Deno.realPath(absPath);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return { reason: "broken symlink" };
    if (error instanceof Deno.errors.FilesystemLoop) return { reason: "symlink loop" };
    return { reason: `cannot follow symlink: ${describe(error)}` };
  }
  if (!isInside(realPath, root)) {
    return { reason: "symlink leads outside the input folder" };
  }
  try {
    return { realPath, info: await Deno.stat(realPath) };
  } catch (error) {
    return { reason: `cannot follow symlink: ${describe(error)}` };
  }
}

/** Whether `path` is `folder` or lies below it; both must be absolute real paths. */
function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/** The lower-cased extension with its dot, or "" when the name has none. */
function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot <= 0 || dot === name.length - 1 ? "" : name.slice(dot).toLowerCase();
}

/** A short reason without the path, which the entry already carries. */
function describe(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof Deno.errors.PermissionDenied || code === "EACCES" || code === "EPERM") {
    return "Permission denied";
  }
  if (error instanceof Deno.errors.NotFound || code === "ENOENT") {
    // Usually a file or folder removed between its parent's listing and this look at it.
    return "No such file or directory";
  }
  if (error instanceof Deno.errors.NotCapable) return "gleaner was not granted read access";
  return errorMessage(error);
}
