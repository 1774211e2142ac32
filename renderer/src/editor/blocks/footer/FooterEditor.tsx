import { Anchor, Box, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../../data/useChannelQuery';
import type { BlockEditorProps } from '../types';

/**
 * The shop's details as the footer prints them; '' while name, address or city are missing, null
 * until read (either shows the placeholder). Display only: the line is not part of the document.
 */
function useShopLine(): string | null {
  const { data, isError } = useChannelQuery('settings.get', {});
  if (!data) return isError ? '' : null;
  const { shop } = data;
  const complete = [shop.name, shop.address, shop.city].every((v) => v.trim() !== '');
  const place = [shop.postalCode, shop.city].filter((v) => v.trim() !== '').join(' ');
  return complete ? [shop.name, shop.address, place].join(' · ') : '';
}

/** The legal footer: why the customer gets this mail and the unsubscribe link (always added). */
export function FooterEditor({ block, readOnly, onChange }: BlockEditorProps<'footer'>) {
  const { t } = useTranslation('editor');
  const shopLine = useShopLine();
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
            {shopLine || t('blocks.footer.address')}
          </Text>
        )}
        <Anchor size="xs" c="inherit" underline="always" component="span">
          {block.data.unsubscribeLabel}
        </Anchor>
      </Stack>
    </Box>
  );
}
