import { Logger } from '@aws-lambda-powertools/logger';

/** Structured JSON logs; the middleware chain adds the request id and route to every line. */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'yilin',
  logLevel: (process.env.LOG_LEVEL as 'INFO' | 'DEBUG' | 'WARN' | 'ERROR' | 'SILENT' | undefined) ?? 'INFO',
});
