/** The default port of browser mode (WINKELPOST_PORT overrides it). */
export const DEFAULT_BROWSER_PORT = 5180;

/**
 * WINKELPOST_PORT as a port number (0: any free port), or a message in Dutch saying what is wrong.
 * Only a number: the address is always 127.0.0.1, so `0.0.0.0:5180` or `[::]:5180` is refused
 * instead of being read as a port on all interfaces.
 */
export function browserPort(raw: string | undefined): { port: number } | { error: string } {
  if (raw === undefined || raw.trim() === '') return { port: DEFAULT_BROWSER_PORT };
  const text = raw.trim();
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (Number.isInteger(port) && port >= 0 && port <= 65535) return { port };
  return {
    error:
      `WINKELPOST_PORT moet een poortnummer zijn (1 tot en met 65535), niet "${text}". ` +
      'Winkelpost luistert altijd alleen op 127.0.0.1.',
  };
}
