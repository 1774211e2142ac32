import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { fillSampleCustomer } from '../../../electron/contract/plain/variables';

/**
 * Wherever the shopkeeper is in the app, a note appears when a send has finished. (The Electron
 * shell also shows a native notification, also when the window is closed.)
 */
export function useSendFinishedNotice(): void {
  const { t } = useTranslation('sending');
  const announced = useRef(new Set<string>());
  useEffect(
    () =>
      api.on('send.progress', (event) => {
        if (event.state !== 'finished' || announced.current.has(event.sendId)) return;
        announced.current.add(event.sendId);
        api
          .call('send.status', { sendId: event.sendId })
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
    [t],
  );
}
