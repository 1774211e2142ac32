import { Anchor, Button, Group, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/contract';
import { fillSampleCustomer } from '../../../../electron/contract/plain/variables';
import { api } from '../../api';
import { formatDateTime } from '../../format';
import { href } from '../../router';
import { FollowUpDialog } from './FollowUpDialog';

type Links = ChannelOutput<'followUps.forMailing'>;

const statsOf = (mailingId: string) => href(`/statistieken/${encodeURIComponent(mailingId)}`);

/**
 * On a sent mailing's statistics: the link to its second chance or to the mailing it is the second
 * chance of, and "Tweede kans voor niet-openers" while it has none.
 */
export function FollowUpPanel({ mailingId }: { mailingId: string }) {
  const { t, i18n } = useTranslation('followUps');
  const [links, setLinks] = useState<Links | null>(null);
  const [dialog, setDialog] = useState(false);
  const load = useCallback(() => {
    api
      .call('followUps.forMailing', { mailingId })
      .then(setLinks)
      .catch(() => setLinks(null));
  }, [mailingId]);
  useEffect(() => load(), [load]);
  if (!links) return null;
  const { followUp, followUpOf } = links;
  const open = followUp === null || followUp.state === 'cancelled';
  return (
    <Group gap="md" data-testid="follow-up-panel">
      {followUpOf && (
        <Anchor href={statsOf(followUpOf.originalMailingId)}>
          {t('linkFollowUpOf', { subject: fillSampleCustomer(followUpOf.originalSubject) })}
        </Anchor>
      )}
      {followUp?.followUpMailingId && followUp.state === 'started' && (
        <Anchor href={statsOf(followUp.followUpMailingId)}>
          {t('linkFollowUp', { subject: fillSampleCustomer(followUp.subject) })}
        </Anchor>
      )}
      {followUp && followUp.state !== 'started' && !open && (
        <Text>
          {t('linkPlanned', {
            date: formatDateTime(followUp.dueAt, i18n.language),
            subject: fillSampleCustomer(followUp.subject),
          })}{' '}
          ({t(`states.${followUp.state}`)})
        </Text>
      )}
      {followUp?.state === 'planned' && (
        <Button
          variant="default"
          onClick={() => void api.call('followUps.cancel', { mailingId }).then(load, () => load())}
        >
          {t('cancel')}
        </Button>
      )}
      {open && !followUpOf && (
        <Button variant="light" onClick={() => setDialog(true)}>
          {t('action')}
        </Button>
      )}
      {dialog && (
        <FollowUpDialog
          mailingId={mailingId}
          onClose={() => setDialog(false)}
          onScheduled={() => {
            setDialog(false);
            load();
          }}
        />
      )}
    </Group>
  );
}
