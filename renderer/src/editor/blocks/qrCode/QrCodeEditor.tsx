import { Center, Paper, Stack, Text } from '@mantine/core';
import { IconQrcode } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { qrLinkProblem } from '../../../../../electron/contract/plain/qrLink';
import type { BlockEditorProps } from '../types';

/**
 * The QR code's place in the mail. The code itself is drawn by the main process (see Voorbeeld);
 * here the shopkeeper sees its size, the caption and the link the reader gets.
 */
export function QrCodeEditor({ block }: BlockEditorProps<'qrCode'>) {
  const { t } = useTranslation('editor');
  const problem = qrLinkProblem(block.data.url);
  return (
    <Stack gap={4} align="center" py="sm" px="md">
      <Paper withBorder w={block.data.size} h={block.data.size} bg="gray.0">
        <Center h="100%">
          <IconQrcode size={Math.round(block.data.size * 0.6)} aria-hidden stroke={1.2} />
        </Center>
      </Paper>
      {block.data.caption.trim() !== '' && <Text ta="center">{block.data.caption}</Text>}
      {problem ? (
        <Text size="sm" c="red.8" ta="center" data-testid="qr-problem">
          {t(`settings.qrProblem.${problem}`)}
        </Text>
      ) : (
        block.data.showLink && (
          <Text size="sm" ta="center" style={{ wordBreak: 'break-all' }}>
            {block.data.url}
          </Text>
        )
      )}
    </Stack>
  );
}
