import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/openDatabase';
import { settings } from '../../../db/schema';

/** Small typed key/value access to the `settings` table (JSON values). */
export class KeyValueStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  get<T>(key: string): T | undefined {
    const row = this.db.select().from(settings).where(eq(settings.key, key)).get();
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  set(key: string, value: unknown): void {
    const json = JSON.stringify(value);
    const updatedAt = this.now();
    this.db
      .insert(settings)
      .values({ key, value: json, updatedAt })
      .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt } })
      .run();
  }

  delete(key: string): void {
    this.db.delete(settings).where(eq(settings.key, key)).run();
  }
}
