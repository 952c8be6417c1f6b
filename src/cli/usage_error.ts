/**
 * @module
 * The error of a command line or environment that cannot be used as given: batch mode prints its
 * message with a pointer to --help and exits with 2. Its own module so that the parts that
 * check the command line (args.ts, the shard spec) share it without importing each other.
 */

export class UsageError extends Error {
  override name = "UsageError";
}
