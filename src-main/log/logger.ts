/** One logger per module, prefixed with its name; quiet below `warn` unless LETTRA_LOG says so. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(message: string, details?: Record<string, unknown>): void;
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

let threshold: LogLevel = readLevel(process.env.LETTRA_LOG);

function readLevel(text: string | undefined): LogLevel {
  return text !== undefined && text in order ? (text as LogLevel) : 'warn';
}

/** Changes the level of every logger, e.g. for `--verbose`. */
export function setLogLevel(level: LogLevel): void {
  threshold = level;
}

export function createLogger(module: string): Logger {
  const write = (level: LogLevel, message: string, details?: Record<string, unknown>) => {
    if (order[level] < order[threshold]) return;
    const suffix = details === undefined ? '' : ` ${JSON.stringify(details)}`;
    process.stderr.write(`${new Date().toISOString()} ${level} [${module}] ${message}${suffix}\n`);
  };
  return {
    debug: (message, details) => write('debug', message, details),
    info: (message, details) => write('info', message, details),
    warn: (message, details) => write('warn', message, details),
    error: (message, details) => write('error', message, details),
  };
}
