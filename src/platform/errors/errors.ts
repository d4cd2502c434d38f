/**
 * Errors that carry a stable code (a message-catalogue key) and an HTTP status. One handler maps
 * them to a localised page or JSON; anything else is a 500 that never shows its internals.
 */
export class AppError extends Error {
  constructor(
    /** Catalogue key of the message shown to the user, e.g. "errors.notFound". */
    readonly code: string,
    readonly statusCode: number,
    /** Values for the message's placeholders. */
    readonly values: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(code = 'errors.notFound.message', values?: Record<string, string | number>) {
    super(code, 404, values);
  }
}

export class BadRequestError extends AppError {
  constructor(code = 'errors.badRequest.message', values?: Record<string, string | number>) {
    super(code, 400, values);
  }
}

export class ForbiddenError extends AppError {
  constructor(code = 'errors.forbidden.message', values?: Record<string, string | number>) {
    super(code, 403, values);
  }
}

/** A resource that existed and is gone for good, e.g. a one-time link already used. */
export class GoneError extends AppError {
  constructor(code: string, values?: Record<string, string | number>) {
    super(code, 410, values);
  }
}

/** Something the app needs (the file store) does not answer for now; worth trying again later. */
export class ServiceUnavailableError extends AppError {
  constructor(code = 'errors.unavailable.message', values?: Record<string, string | number>) {
    super(code, 503, values);
  }
}
