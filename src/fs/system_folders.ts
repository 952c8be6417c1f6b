/**
 * @module
 * Folders a job must never read as its input or write as its vault: the root of the disk, the
 * home folder itself (a vault there would scatter Home.md and Maps/ among the user's files) and
 * the system's own folders. The web UI lets anyone holding the token name any path, so the rule
 * lives here, below both the command line and the server.
 */
import { isAbsolute, relative, resolve } from "node:path";

/** Where an operating system keeps itself; nothing below them is a vault. */
const SYSTEM: Record<string, string[]> = {
  linux: [
    "/bin",
    "/boot",
    "/dev",
    "/etc",
    "/lib",
    "/lib32",
    "/lib64",
    "/libx32",
    "/proc",
    "/run",
    "/sbin",
    "/sys",
    "/usr",
    "/var/cache",
    "/var/lib",
    "/var/log",
    "/var/mail",
    "/var/spool",
  ],
  darwin: [
    "/bin",
    "/sbin",
    "/dev",
    "/etc",
    "/usr",
    "/System",
    "/Library",
    "/Applications",
    "/private/etc",
    "/private/var/db",
    "/private/var/log",
  ],
  windows: ["C:\\Windows", "C:\\Program Files", "C:\\Program Files (x86)", "C:\\ProgramData"],
};

/** Pseudo-filesystems: reading them as documents makes no sense and some never end. */
const PSEUDO: Record<string, string[]> = {
  linux: ["/dev", "/proc", "/sys", "/run"],
  darwin: ["/dev"],
  windows: [],
};

export type FolderRole = "input" | "vault";

/**
 * Why `path` (absolute) may not serve as `role`, or undefined when it may. `home` is the user's
 * home folder, if known.
 */
export function unsafeFolder(
  path: string,
  role: FolderRole,
  home: string | undefined,
  os: string = Deno.build.os,
): string | undefined {
  const at = resolve(path);
  if (isRoot(at)) return `the ${role} cannot be the root of the disk (${at})`;
  if (role === "vault" && home && resolve(home) === at) {
    return `the vault cannot be your home folder itself (${at}): choose a folder inside it`;
  }
  const barred = role === "vault" ? SYSTEM[os] ?? [] : PSEUDO[os] ?? [];
  const hit = barred.find((folder) => within(at, folder, os === "windows"));
  if (hit) return `the ${role} cannot be in the system folder ${hit} (${at})`;
  return undefined;
}

function isRoot(path: string): boolean {
  return resolve(path, "..") === path;
}

function within(path: string, folder: string, caseless: boolean): boolean {
  const [p, f] = caseless ? [path.toLowerCase(), folder.toLowerCase()] : [path, folder];
  const rel = relative(f, p);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}
