/**
 * Errors with stable codes. The HTTP layer maps them to `{ code, message, details }` answers; the CLI prints the
 * message and exits non-zero. Codes are part of the API contract: never rename one.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export class NotFoundError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super(code, message, 404, details);
    this.name = 'NotFoundError';
  }
}

/** Redacts the password of a database URL so it can be printed. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}

/** A timestamp as ISO 8601 text, whichever form the driver gave. */
export function iso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}
