import { Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { Block, BlockType } from '../../mailing/mailingTypes';
import { BLOCKS } from '../blocks/registry';
import type { BlockChange, BlockSettingsProps } from '../blocks/types';
import type { BlockStyle } from '../documentOps';
import { BlockLayoutSettings } from '../settings/BlockLayoutSettings';
import classes from './Canvas.module.css';

/** The selected block's settings beside the mail (padding, colours, links, alt text, …). */
export function SettingsPanel(props: {
  block: Block | null;
  readOnly: boolean;
  onChange: (id: string, change: BlockChange<BlockType>) => void;
  onStyleChange: (id: string, patch: Partial<BlockStyle>) => void;
}) {
  const { t } = useTranslation('editor');
  const { block } = props;
  return (
    <Paper
      withBorder
      p="md"
      component="aside"
      aria-label={t('settings.title')}
      className={classes.settingsPanel}
      data-testid="block-settings"
    >
      <ScrollArea.Autosize mah="var(--wp-settings-max-height)">
        {!block ? (
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('settings.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('settings.none')}
            </Text>
          </Stack>
        ) : (
          <Stack gap="sm">
            <Title order={3} size="h5">
              {t('settings.titleFor', { name: t(`blocks.${block.type}.name`) })}
            </Title>
            {props.readOnly ? (
              <Text size="sm" c="dimmed">
                {t('settings.readOnly')}
              </Text>
            ) : (
              <>
                <BlockSettings key={block.id} block={block} onChange={props.onChange} />
                <BlockLayoutSettings
                  key={`layout-${block.id}`}
                  style={block.style}
                  onChange={(patch) => props.onStyleChange(block.id, patch)}
                />
              </>
            )}
          </Stack>
        )}
      </ScrollArea.Autosize>
    </Paper>
  );
}

function BlockSettings(props: {
  block: Block;
  onChange: (id: string, change: BlockChange<BlockType>) => void;
}) {
  const Settings = BLOCKS[props.block.type].Settings as ComponentType<
    BlockSettingsProps<BlockType>
  >;
  return (
    <Settings block={props.block} onChange={(change) => props.onChange(props.block.id, change)} />
  );
}
