/**
 * @module
 * Asciidoctor.js asks for the user's home folder as it loads (its USER_HOME constant, for "~"
 * in paths, which secure mode never expands). A stage worker may not read it: without this, the
 * import threw and took every file of the worker with it. Imported before `@asciidoctor/core`,
 * it makes `os.homedir()` give "" where the permission is missing, and the real folder elsewhere.
 */
import os from "node:os";

const homedir = os.homedir;
os.homedir = () => {
  try {
    return homedir();
  } catch {
    return "";
  }
};
