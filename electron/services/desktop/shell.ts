/** Desktop-shell preferences as the handlers see them (electron-store keeps them in Electron). */
export interface ShellPrefs {
  startAtLoginSupported: boolean;
  startAtLogin: boolean;
  notifyWhenSent: boolean;
}

/**
 * What the Electron main process lends the handler table: its preferences and a restart.
 * Browser mode has no shell; the channels then say so instead of pretending.
 */
export interface DesktopShell {
  prefs(): ShellPrefs;
  updatePrefs(patch: Partial<Omit<ShellPrefs, 'startAtLoginSupported'>>): ShellPrefs;
  /** Restarts the app soon (after the answer reached the window), applying a pending restore. */
  restartSoon(): void;
}
