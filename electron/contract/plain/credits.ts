/** What one mail costs (DESIGN.md): a newsletter 1 credit, a voucher mail 2. */
export const CREDITS_PER_MAIL = { newsletter: 1, voucher: 2 } as const;
