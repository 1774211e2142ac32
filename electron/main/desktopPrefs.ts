import { z } from 'zod';

/**
 * Preferences of the desktop shell only (window place, start at login, notifications). The shop's
 * own settings live in SQLite, where they are saved in transactions and backed up every day.
 */
export const PREFS_VERSION = 1;

const Bounds = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean().default(false),
});
export type WindowBounds = z.infer<typeof Bounds>;

export const DesktopPrefsSchema = z.object({
  schemaVersion: z.number().int(),
  windowBounds: Bounds.nullable(),
  startAtLogin: z.boolean(),
  notifyWhenSent: z.boolean(),
  /** The "Winkelpost keeps sending in the background" message was shown once. */
  closeToTrayExplained: z.boolean(),
});
export type DesktopPrefsT = z.infer<typeof DesktopPrefsSchema>;

export const PREFS_DEFAULTS: DesktopPrefsT = {
  schemaVersion: PREFS_VERSION,
  windowBounds: null,
  startAtLogin: false,
  notifyWhenSent: true,
  closeToTrayExplained: false,
};

/** JSON schema for electron-store (its load-time check), derived from the zod schema above. */
export function prefsJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(DesktopPrefsSchema) as { properties: Record<string, unknown> };
  return schema.properties;
}

type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;

/**
 * Step n turns version n-1 into version n. Version 0 is a file without schemaVersion: whatever a
 * pre-release build or a hand edit left. Each step keeps what it understands and drops the rest.
 */
const MIGRATIONS: Migration[] = [
  // 0 → 1: keep the known keys that are valid; anything else falls back to its default.
  (raw) => {
    const result: Record<string, unknown> = { ...PREFS_DEFAULTS };
    for (const key of ['startAtLogin', 'notifyWhenSent', 'closeToTrayExplained'] as const) {
      if (typeof raw[key] === 'boolean') result[key] = raw[key];
    }
    const bounds = Bounds.safeParse(raw.windowBounds);
    result.windowBounds = bounds.success ? bounds.data : null;
    return result;
  },
];

/**
 * Any stored object in, valid current preferences out. A file from a newer Winkelpost (after a
 * downgrade) is read as far as it fits, never thrown away.
 */
export function migratePrefs(stored: unknown): DesktopPrefsT {
  const raw: Record<string, unknown> =
    stored !== null && typeof stored === 'object' && !Array.isArray(stored)
      ? { ...(stored as Record<string, unknown>) }
      : {};
  const from = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 0;
  let current = raw;
  if (from > PREFS_VERSION) current = MIGRATIONS[0]!(raw);
  for (let version = Math.max(from, 0); version < PREFS_VERSION; version += 1) {
    current = MIGRATIONS[version]!(current);
  }
  const parsed = DesktopPrefsSchema.safeParse({ ...current, schemaVersion: PREFS_VERSION });
  return parsed.success ? parsed.data : (MIGRATIONS[0]!(current) as DesktopPrefsT);
}

export interface DisplayArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The saved window place, if at least a usable part of its title bar is on a screen that is still
 * there (a laptop unplugged from its second monitor must not open the window off-screen).
 */
export function usableBounds(
  saved: WindowBounds | null,
  displays: DisplayArea[],
): WindowBounds | null {
  if (!saved) return null;
  const titleBar = { x: saved.x, y: saved.y, width: saved.width, height: 40 };
  const visible = displays.some((d) => {
    const overlapX =
      Math.min(titleBar.x + titleBar.width, d.x + d.width) - Math.max(titleBar.x, d.x);
    const overlapY =
      Math.min(titleBar.y + titleBar.height, d.y + d.height) - Math.max(titleBar.y, d.y);
    return overlapX >= 100 && overlapY >= 20;
  });
  return visible ? saved : null;
}
