/** What only the shopkeeper can confirm; each must be ticked before "Versturen" appears. */
export const MANUAL_CHECKS = ['permission', 'testChecked', 'contentCorrect'] as const;
