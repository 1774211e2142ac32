import { describe, expect, it } from 'vitest';
import {
  migratePrefs,
  PREFS_DEFAULTS,
  PREFS_VERSION,
  prefsJsonSchema,
  usableBounds,
} from '../../../electron/main/desktopPrefs';

const bounds = { x: 100, y: 80, width: 1280, height: 860, maximized: false };

describe('desktop preference migrations', () => {
  it('gives defaults for a missing or unreadable file', () => {
    for (const stored of [undefined, null, 'x', 42, [], {}]) {
      expect(migratePrefs(stored)).toEqual(PREFS_DEFAULTS);
    }
  });

  it('keeps valid values of an unversioned file and drops the rest', () => {
    const migrated = migratePrefs({
      startAtLogin: true,
      notifyWhenSent: 'yes',
      windowBounds: bounds,
      theme: 'dark',
    });
    expect(migrated).toEqual({
      ...PREFS_DEFAULTS,
      startAtLogin: true,
      windowBounds: bounds,
    });
    expect(migrated).not.toHaveProperty('theme');
  });

  it('drops impossible window bounds instead of failing', () => {
    const migrated = migratePrefs({ schemaVersion: 0, windowBounds: { x: 0, y: 0, width: 5 } });
    expect(migrated.windowBounds).toBeNull();
  });

  it('leaves current preferences as they are', () => {
    const current = { ...PREFS_DEFAULTS, startAtLogin: true, closeToTrayExplained: true };
    expect(migratePrefs(current)).toEqual(current);
  });

  it('reads a file of a newer Winkelpost as far as it fits (downgrade)', () => {
    const migrated = migratePrefs({
      schemaVersion: PREFS_VERSION + 3,
      startAtLogin: true,
      somethingNew: { a: 1 },
    });
    expect(migrated.startAtLogin).toBe(true);
    expect(migrated.schemaVersion).toBe(PREFS_VERSION);
  });

  it('hands electron-store a JSON schema for every preference', () => {
    const schema = prefsJsonSchema();
    expect(Object.keys(schema).sort()).toEqual(Object.keys(PREFS_DEFAULTS).sort());
    expect(schema.startAtLogin).toMatchObject({ type: 'boolean' });
  });
});

describe('window place', () => {
  const screen = { x: 0, y: 0, width: 1920, height: 1080 };

  it('reuses the saved place when it is on a screen', () => {
    expect(usableBounds(bounds, [screen])).toEqual(bounds);
  });

  it('forgets a place on a monitor that is gone', () => {
    expect(usableBounds({ ...bounds, x: 2500 }, [screen])).toBeNull();
    expect(usableBounds(bounds, [])).toBeNull();
    expect(usableBounds(null, [screen])).toBeNull();
  });
});
