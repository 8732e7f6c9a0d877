import type { ErrorBody, ErrorCode } from '@yilin/contract';

export type { ErrorBody };

/**
 * Errors a person can act on. Each carries an HTTP status, a stable machine `code` that clients and
 * tests rely on, and a Chinese message shown to the user. Anything that is not an AppError becomes a
 * generic 500 (never serialised), see {@link toErrorResponse}.
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (code: ErrorCode, message: string, details?: Record<string, unknown>) =>
  new AppError(400, code, message, details);
export const unauthorized = (code: ErrorCode, message: string) => new AppError(401, code, message);
export const forbidden = (code: ErrorCode, message: string) => new AppError(403, code, message);
/** Also used for objects the caller may not see, so that ids cannot be probed. */
export const notFound = (code: ErrorCode, message: string) => new AppError(404, code, message);
export const conflict = (code: ErrorCode, message: string, details?: Record<string, unknown>) =>
  new AppError(409, code, message, details);
export const gone = (code: ErrorCode, message: string) => new AppError(410, code, message);
export const unavailable = (code: ErrorCode, message: string, retryAfterSeconds = 2) =>
  new AppError(503, code, message, { retryAfterSeconds });

export const INTERNAL_ERROR: ErrorBody = {
  error: { code: 'INTERNAL_ERROR', message: '系统开小差了，请稍后再试。' },
};
