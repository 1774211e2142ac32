import type { z } from 'zod';
import { invalidInput } from '../errors';

/** Validates a body or query with its schema; a failure is a 400 listing the fields. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const summary = issues.map((i) => `${i.path || 'body'}: ${i.message}`).join('; ');
    throw invalidInput(`Invalid input (${summary})`, issues);
  }
  return result.data;
}
