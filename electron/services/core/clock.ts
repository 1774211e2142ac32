// One Clock for the desktop app and the tracker (the desktop already builds on tracker/client and
// tracker/tokens): injected everywhere time matters, so tests can move it.
export { ManualClock, systemClock, type Clock } from '../../../tracker/clock';

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
