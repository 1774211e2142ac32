import { z } from 'zod';

/** Shapes used by several capabilities. */
export const Id = z.string().min(1).max(100);
export const Empty = z.object({}).strict().default({});
export const Ok = z.object({ ok: z.literal(true) });
export const EmailAddress = z.string().trim().max(254).email({ message: 'common:errors.email' });
export const OptionalEmailAddress = z.union([z.literal(''), EmailAddress]);
export const HttpUrl = z
  .string()
  .trim()
  .max(2000)
  .url({ message: 'common:errors.url' })
  .refine((v) => /^https?:\/\//i.test(v), { message: 'common:errors.url' });
export const OptionalHttpUrl = z.union([z.literal(''), HttpUrl]);
/** A web address as a shopkeeper types it: "www.winkel.nl" gets its https:// added. */
export const WebsiteUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' || /^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v}`))
  .pipe(OptionalHttpUrl);
export const Language = z.enum(['nl', 'en']);
/** Milliseconds since the epoch. */
export const Timestamp = z.number().int().nonnegative();
