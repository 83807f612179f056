/** Where Natter reports recoverable problems (malformed events, ignored input). */
export interface Logger {
  warn(message: string, ...details: unknown[]): void;
}

/** The default logger: `console.warn` with a `[natter]` prefix. */
export const consoleLogger: Logger = {
  warn(message, ...details) {
    console.warn(`[natter] ${message}`, ...details);
  },
};
