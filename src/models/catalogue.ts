/**
 * @module
 * The standard whisper.cpp models, as whisper.cpp's own models/README.md lists them (disk size
 * and SHA-1 as published there; version 1.8 of the source nodejs-whisper 0.3.1 ships), and
 * where a pulled model is kept: `models/ggml-NAME.bin` in gleaner's state folder.
 */
import { join } from "node:path";

export interface CatalogueModel {
  name: string;
  /** Disk size as whisper.cpp's README states it. */
  disk: string;
  /** Approximate bytes, for the list and the disk check; the download's length is exact. */
  approxBytes: number;
  /** "English" for `.en` models, which are better at English; else "multilingual". */
  language: "English" | "multilingual";
  /** SHA-1 of the file, published in whisper.cpp's models/README.md. */
  sha1: string;
}

const MIB = 1024 * 1024;

function model(name: string, disk: string, sha1: string): CatalogueModel {
  const [amount, unit] = disk.split(" ");
  const bytes = Number(amount) * (unit === "GiB" ? 1024 * MIB : MIB);
  return {
    name,
    disk,
    approxBytes: Math.round(bytes),
    language: /\.en(-|$)/.test(name) ? "English" : "multilingual",
    sha1,
  };
}

export const CATALOGUE: readonly CatalogueModel[] = [
  model("tiny", "75 MiB", "bd577a113a864445d4c299885e0cb97d4ba92b5f"),
  model("tiny.en", "75 MiB", "c78c86eb1a8faa21b369bcd33207cc90d64ae9df"),
  model("base", "142 MiB", "465707469ff3a37a2b9b8d8f89f2f99de7299dac"),
  model("base.en", "142 MiB", "137c40403d78fd54d454da0f9bd998f78703390c"),
  model("small", "466 MiB", "55356645c2b361a969dfd0ef2c5a50d530afd8d5"),
  model("small.en", "466 MiB", "db8a495a91d927739e50b3fc1cc4c6b8f6c2d022"),
  model("medium", "1.5 GiB", "fd9727b6e1217c2f614f9b698455c4ffd82463b4"),
  model("medium.en", "1.5 GiB", "8c30f0e44ce9560643ebd10bbe50cd20eafd3723"),
  model("large-v1", "2.9 GiB", "b1caaf735c4cc1429223d5a74f0f4d0b9b59a299"),
  model("large-v2", "2.9 GiB", "0f4c8e34f21cf1a914c59d8b3ce882345ad349d6"),
  model("large-v2-q5_0", "1.1 GiB", "00e39f2196344e901b3a2bd5814807a769bd1630"),
  model("large-v3", "2.9 GiB", "ad82bf6a9043ceed055076d0fd39f5f186ff8062"),
  model("large-v3-q5_0", "1.1 GiB", "e6e2ed78495d403bef4b7cff42ef4aaadcfea8de"),
  model("large-v3-turbo", "1.5 GiB", "4af2b29d7ec73d781377bfd1758ca957a807e941"),
  model("large-v3-turbo-q5_0", "547 MiB", "e050f7970618a659205450ad97eb95a18d69c9ee"),
];

/**
 * Which installed model a batch uses when none is named: the first of these that is there. The
 * English base model first: small enough for a laptop CPU and much better than PocketSphinx.
 */
const PREFERENCE = [
  "base.en",
  "small.en",
  "base",
  "small",
  "large-v3-turbo-q5_0",
  "large-v3-turbo",
  "medium.en",
  "medium",
  "tiny.en",
  "tiny",
];

export function findModel(name: string): CatalogueModel | undefined {
  return CATALOGUE.find((m) => m.name === name);
}

export function modelsDir(stateDir: string): string {
  return join(stateDir, "models");
}

export function modelPath(stateDir: string, name: string): string {
  return join(modelsDir(stateDir), `ggml-${name}.bin`);
}

/** The catalogue's models present in the state folder, by name, the preferred one first. */
export async function installedModels(stateDir: string): Promise<string[]> {
  const found: string[] = [];
  for (const m of CATALOGUE) {
    try {
      if ((await Deno.stat(modelPath(stateDir, m.name))).isFile) found.push(m.name);
    } catch {
      // not installed
    }
  }
  const rank = (name: string) => {
    const at = PREFERENCE.indexOf(name);
    return at < 0 ? PREFERENCE.length : at;
  };
  return found.sort((a, b) => rank(a) - rank(b));
}
