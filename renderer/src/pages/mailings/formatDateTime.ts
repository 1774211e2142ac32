import dayjs from 'dayjs';

/** dd-mm-jjjj hh:mm:ss, the way shopkeepers read dates in the old product and on receipts. */
export function formatDateTime(timestamp: number): string {
  return dayjs(timestamp).format('DD-MM-YYYY HH:mm:ss');
}
