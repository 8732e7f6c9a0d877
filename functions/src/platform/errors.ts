/**
 * Errors a person can act on. Each carries an HTTP status, a stable machine `code` that clients and
 * tests rely on, and a Chinese message shown to the user. Anything that is not an AppError becomes a
 * generic 500 (never serialised), see {@link toErrorResponse}.
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(400, code, message, details);
export const unauthorized = (code: string, message: string) => new AppError(401, code, message);
export const forbidden = (code: string, message: string) => new AppError(403, code, message);
/** Also used for objects the caller may not see, so that ids cannot be probed. */
export const notFound = (code: string, message: string) => new AppError(404, code, message);
export const conflict = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(409, code, message, details);
export const gone = (code: string, message: string) => new AppError(410, code, message);
export const unavailable = (code: string, message: string, retryAfterSeconds = 2) =>
  new AppError(503, code, message, { retryAfterSeconds });

export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

export const INTERNAL_ERROR: ErrorBody = {
  error: { code: 'INTERNAL_ERROR', message: '系统开小差了，请稍后再试。' },
};
