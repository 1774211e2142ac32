/** The only two IPC channel names between the window and the main process. */
export const INVOKE_CHANNEL = 'winkelpost:invoke';
export const EVENT_CHANNEL = 'winkelpost:event';
