import { Anchor, Box, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BlockEditorProps } from '../types';

/** The legal footer: why the customer gets this mail and the unsubscribe link (always added). */
export function FooterEditor({ block, readOnly, onChange }: BlockEditorProps<'footer'>) {
  const { t } = useTranslation('editor');
  return (
    <Box
      p="sm"
      style={{ background: block.data.backgroundColor || undefined, color: block.data.textColor }}
    >
      <Stack gap={4} align="center">
        <Textarea
          variant="unstyled"
          aria-label={t('blocks.footer.reasonField')}
          value={block.data.reason}
          maxLength={500}
          autosize
          readOnly={readOnly}
          w="100%"
          onChange={(e) => onChange({ reason: e.currentTarget.value })}
          styles={{
            input: { textAlign: 'center', fontSize: 12, color: 'inherit', fontFamily: 'inherit' },
          }}
        />
        {block.data.showAddress && (
          <Text size="xs" c="inherit">
            {t('blocks.footer.address')}
          </Text>
        )}
        <Anchor size="xs" c="inherit" underline="always" component="span">
          {block.data.unsubscribeLabel}
        </Anchor>
      </Stack>
    </Box>
  );
}
