export interface Logger {
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

export const consoleLogger: Logger = {
  info: (message, detail) => console.info(`[winkelpost] ${message}`, detail ?? ''),
  warn: (message, detail) => console.warn(`[winkelpost] ${message}`, detail ?? ''),
  error: (message, detail) => console.error(`[winkelpost] ${message}`, detail ?? ''),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
