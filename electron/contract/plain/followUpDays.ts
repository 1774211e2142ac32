/** A second chance goes this many days after the original at the earliest and at the latest. */
export const FOLLOW_UP_DAYS = { min: 2, max: 14 } as const;
