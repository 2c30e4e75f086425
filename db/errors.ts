/** Raised when the database cannot be reached or opened; the message is one line for an operator. */
export class DbUnavailableError extends Error {
  override name = "DbUnavailableError";
}
