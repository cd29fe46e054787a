import { type DestinationStream, type Logger, pino, stdTimeFunctions } from 'pino';

export type { Logger };

/** Levels `HIREFLOW_LOG_LEVEL` accepts. */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/**
 * The server's structured JSON logger: one JSON object per line on stdout (or `destination`), ISO
 * timestamps, level names instead of numbers. Authorization headers and cookies are redacted in case
 * a caller ever logs a request object; the access log itself never logs headers, bodies or queries.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'hireflow' },
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie'],
    },
    destination,
  );
}

/** A logger that writes nothing (tests and library use, unless a logger is passed). */
export const silentLogger: Logger = pino({ level: 'silent' });
