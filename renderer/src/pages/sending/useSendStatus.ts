import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api';

export type SendStatus = NonNullable<Awaited<ReturnType<typeof api.call<'send.status'>>>>;

/** One send's status (by send or by mailing), refreshed on every send.progress event. */
export function useSendStatus(by: { mailingId: string } | { sendId: string }) {
  const [value, setValue] = useState<SendStatus | null>(null);
  const key = 'mailingId' in by ? by.mailingId : by.sendId;
  const isMailing = 'mailingId' in by;
  const refresh = useCallback(async () => {
    const next = await api.call('send.status', isMailing ? { mailingId: key } : { sendId: key });
    setValue(next);
  }, [key, isMailing]);
  useEffect(() => {
    const load = () =>
      api
        .call('send.status', isMailing ? { mailingId: key } : { sendId: key })
        .then(setValue)
        .catch(() => undefined);
    void load();
    return api.on('send.progress', (event) => {
      if (event.mailingId === key || event.sendId === key) void load();
    });
  }, [key, isMailing]);
  return { value, refresh };
}
