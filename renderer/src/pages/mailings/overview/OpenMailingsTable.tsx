import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MailingSummary } from '../../../mailing/mailingTypes';
import { MailingsTable } from '../MailingsTable';
import { DeleteMailingButton } from './DeleteMailingButton';
import { SaveTemplateButton } from './SaveTemplateButton';

/** Onderwerp, aangemaakt op, status, and per row: copy, and delete (never for a template). */
export function OpenMailingsTable({ mailings }: { mailings: MailingSummary[] }) {
  const { t } = useTranslation('mailings');
  if (mailings.length === 0) return <Text c="dimmed">{t('overview.empty')}</Text>;
  return (
    <MailingsTable
      mailings={mailings}
      testId="open-mailings"
      dateHeading={t('overview.createdAt')}
      dateOf={(mailing) => mailing.createdAt}
      pathOf={(mailing) => `/mailings/${mailing.id}/inhoud`}
      copyTooltip={t('overview.copy')}
      besideTitle={(mailing) =>
        mailing.templateKey && (
          <Badge variant="light" size="sm">
            {t('overview.template')}
          </Badge>
        )
      }
      moreActions={(mailing, title) => (
        <>
          <SaveTemplateButton id={mailing.id} title={title} />
          {!mailing.templateKey && <DeleteMailingButton id={mailing.id} title={title} />}
        </>
      )}
    />
  );
}
