import { Anchor, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fillSampleCustomer } from '../../../../electron/contract/plain/variables';
import { api } from '../../api';
import { useChannelQuery } from '../../data/useChannelQuery';
import { useInvalidate } from '../../data/useInvalidate';
import { formatDateTime } from '../../format';
import { href } from '../../router';
import { FollowUpDialog } from './FollowUpDialog';

const statsOf = (mailingId: string) => href(`/statistieken/${encodeURIComponent(mailingId)}`);

/**
 * On a sent mailing's statistics: the link to its second chance or to the mailing it is the second
 * chance of, and "Tweede kans voor niet-openers" while it has none.
 */
export function FollowUpPanel({ mailingId }: { mailingId: string }) {
  const { t, i18n } = useTranslation('followUps');
  const [dialog, setDialog] = useState(false);
  // Unreadable: no panel, as before; fetched again after a sync or send (staleAfter.ts).
  const links = useChannelQuery('followUps.forMailing', { mailingId }).data ?? null;
  const invalidate = useInvalidate();
  const changed = () => invalidate('followUps.forMailing', 'followUps.list');
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
          onClick={() => void api.call('followUps.cancel', { mailingId }).finally(changed)}
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
            void changed();
          }}
        />
      )}
    </Group>
  );
}
