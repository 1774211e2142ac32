import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { channelKey } from '../data/channelKey';
import { fillSampleCustomer } from '../../../electron/contract/plain/variables';

/**
 * Wherever the shopkeeper is in the app, a note appears when a send has finished. (The Electron
 * shell also shows a native notification, also when the window is closed.)
 */
export function useSendFinishedNotice(): void {
  const { t } = useTranslation('sending');
  const client = useQueryClient();
  const announced = useRef(new Set<string>());
  // An event subscription for a one-off note, not data on screen: stays an effect; the send's
  // status is asked through the query cache under its channel key.
  useEffect(
    () =>
      api.on('send.progress', (event) => {
        if (event.state !== 'finished' || announced.current.has(event.sendId)) return;
        announced.current.add(event.sendId);
        const input = { sendId: event.sendId };
        client
          .fetchQuery({
            queryKey: channelKey('send.status', input),
            queryFn: () => api.call('send.status', input),
          })
          .then((send) => {
            if (!send) return;
            notifications.show({
              title: t('page.finishedTitle'),
              message: t('page.finished', {
                subject: fillSampleCustomer(send.subject),
                sent: send.sent,
              }),
            });
          })
          .catch(() => undefined);
      }),
    [t, client],
  );
}
