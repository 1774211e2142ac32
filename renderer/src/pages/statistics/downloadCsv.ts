import type { ChannelInput } from '../../../../electron/contract';
import { api } from '../../api';

/** Asks the main side for the CSV text and saves it as a file (browser download / Electron save). */
export async function downloadCsv(input: ChannelInput<'stats.export'>): Promise<void> {
  const { fileName, csv } = await api.call('stats.export', input);
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
