/**
 * @module
 * The domain errors that cross folders: thrown in one part of gleaner and caught in another,
 * where each becomes an answer (a usage error is exit code 2 or HTTP 400, an unusable input a
 * failed file that is not retried, a corrupt state database a rebuild). Each sets `name`; all
 * take `{ cause }`, which a wrapping error passes on. Errors thrown and caught inside one folder
 * stay beside their code (StageTimeoutError, LlmError, PullError, MergeConflictError...).
 *
 * Also {@link errorMessage}, the one way to turn whatever was thrown into a message.
 */

/**
 * A command line, request or environment that cannot be used as given: batch mode prints its
 * message with a pointer to --help and exits with 2; the web UI answers 400 with it.
 */
export class UsageError extends Error {
  override name = "UsageError";
}

/** What a request names does not exist (a job, a note, a folder): the web UI answers 404. */
export class NotFound extends Error {
  override name = "NotFound";
}

/** The input itself is unusable (not text, undecodable, empty, encrypted); retrying will not help. */
export class InputError extends Error {
  override name = "InputError";
}

/**
 * The input is readable but holds nothing to make a note of (a web page that only redirects to
 * another): the file is skipped with the reason, not failed, and not retried.
 */
export class NothingToNoteError extends Error {
  override name = "NothingToNoteError";
}

/**
 * The file kept changing while it was read (something is still writing it): worth another
 * attempt later, unlike an InputError.
 */
export class InputChangedError extends Error {
  override name = "InputChangedError";
}

/** The path is not, or is no longer, a regular file inside the folder it must be in. */
export class UnsafeFileError extends Error {
  override name = "UnsafeFileError";
}

/** The state database cannot be trusted: it failed to open or its integrity check. */
export class CorruptStateError extends Error {
  override name = "CorruptStateError";
}

/** The disk that holds the vault is full, or the user's quota on it is used up. */
export class VaultFullError extends Error {
  override name = "VaultFullError";
}

/**
 * A note could not be made from what its stage returned (a defect the input brought out, not the
 * vault's disk): that file fails, and the rest of the batch goes on.
 */
export class NoteContentError extends Error {
  override name = "NoteContentError";
}

/** The message of anything thrown: an Error's message, else the value as a string. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
