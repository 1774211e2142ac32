/** The pause reason of a send that came back with a restored database (sending:pause.restored). */
export const RESTORED_PAUSE_REASON = 'restored';
