import { Box, Code, ScrollArea, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { api } from '../../api';

type Message = Awaited<ReturnType<typeof api.call<'outbox.open'>>>;
type View = 'html' | 'text' | 'headers';

/**
 * The HTML part comes from the preview route with the mail preview's own CSP (the app's CSP
 * forbids a mail's inline styles), in a sandboxed frame: no scripts, as in step 4 Voorbeeld.
 */
function outboxFrameUrl(file: string): string {
  return `./_preview/outbox/${encodeURIComponent(file)}`;
}

/** One outbox message: From, To, Subject, Date, then the HTML part, the text part or all headers. */
export function OutboxMessageView({
  message,
  format,
}: {
  message: Message;
  format: (ms: number) => string;
}) {
  const { t } = useTranslation('sending');
  const [view, setView] = useState<View>(message.html !== null ? 'html' : 'text');
  const summary: [string, string][] = [
    [t('outbox.from'), message.from],
    [t('outbox.to'), message.to],
    [t('outbox.subject'), message.subject],
    ...(message.date !== null
      ? [[t('outbox.date'), format(message.date)] as [string, string]]
      : []),
  ];
  return (
    <Stack gap="xs" data-testid="outbox-message">
      <Box data-testid="outbox-summary">
        {summary.map(([label, value]) => (
          <Text size="sm" key={label}>
            <Text span fw={600}>
              {label}:
            </Text>{' '}
            {value}
          </Text>
        ))}
      </Box>
      <SegmentedControl
        aria-label={t('outbox.view')}
        value={view}
        onChange={(value) => setView(value as View)}
        data={[
          { value: 'html', label: t('outbox.viewHtml'), disabled: message.html === null },
          { value: 'text', label: t('outbox.viewText') },
          { value: 'headers', label: t('outbox.viewHeaders') },
        ]}
      />
      {message.html === null && view === 'text' && (
        <Text size="xs" c="dimmed">
          {t('outbox.noHtml')}
        </Text>
      )}
      {view === 'html' && (
        <iframe
          key={message.file}
          title={t('outbox.frameTitle')}
          sandbox=""
          src={outboxFrameUrl(message.file)}
          style={{
            width: '100%',
            height: '60vh',
            border: 0,
            display: 'block',
            background: 'white',
          }}
          data-testid="outbox-frame"
        />
      )}
      {view === 'text' && (
        <ScrollArea h={360}>
          <Code block data-testid="outbox-text">
            {message.text}
          </Code>
        </ScrollArea>
      )}
      {view === 'headers' && (
        <ScrollArea h={360}>
          <Table data-testid="outbox-headers" fz="xs">
            <Table.Tbody>
              {message.headers.map((header, index) => (
                <Table.Tr key={`${header.name}-${index}`}>
                  <Table.Td fw={600}>{header.name}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{header.value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
      {message.attachments.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('outbox.attachments', {
            list: message.attachments.map((a) => a.fileName).join(', '),
          })}
        </Text>
      )}
    </Stack>
  );
}
