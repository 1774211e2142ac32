import { Alert, Box, Button, Grid, Group, Text } from '@mantine/core';
import { Fragment, memo, useEffect, useRef, useState, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { useDraft, useDraftSnapshot } from '../../mailing/DraftContext';
import type { Block, BlockType } from '../../mailing/mailingTypes';
import { newBlockId } from '../documentOps';
import { BLOCKS } from '../blocks/registry';
import { BlockFrame } from './BlockFrame';
import { BlockPicker } from './BlockPicker';
import classes from './Canvas.module.css';
import { InsertSlot } from './InsertSlot';
import { SettingsPanel } from './SettingsPanel';
import { useBlockActions, type RemovedBlock } from './useBlockActions';
import { useMailLanguageT } from '../useMailLanguageT';
import { notifications } from '@mantine/notifications';
import { api } from '../../api';
import { errorText } from '../../components/fieldErrors';
import { useEditorEnvironment } from '../EditorEnvironment';
import { SaveOwnBlockDialog } from '../library/SaveOwnBlockDialog';

const FONT_FALLBACK = 'Arial, Helvetica, sans-serif';

/** Step 1's surface: the mail at its real width and colours, edited block by block. */
export function BlockCanvas({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation('editor');
  const mailT = useMailLanguageT();
  const draft = useDraft();
  const document = useDraftSnapshot((s) => s.mailing.document);
  const [selectedId, setSelectedId] = useState<string | null>(blockFromLocation);
  const [pickerAt, setPickerAt] = useState<number | null>(null);
  const [removed, setRemoved] = useState<RemovedBlock | null>(null);
  const [savingFrom, setSavingFrom] = useState<string | null>(null);
  const actions = useBlockActions(draft, setSelectedId, setRemoved, setSavingFrom);
  const { mailingId, reloadImages } = useEditorEnvironment();
  const { settings, blocks } = document;
  const selected = blocks.find((b) => b.id === selectedId) ?? null;

  // Coming from a preview warning ("?block=<id>"): show that block.
  useEffect(() => {
    const id = blockFromLocation();
    if (id) window.document.getElementById(`block-${id}`)?.focus();
  }, []);

  const pick = (type: BlockType) => {
    if (pickerAt === null) return;
    const block = { id: newBlockId(), type, data: BLOCKS[type].create(mailT) } as Block;
    actions.insert(pickerAt, block);
    setPickerAt(null);
    // Straight into the new block, so the shopkeeper can type at once.
    requestAnimationFrame(() => focusBlock(block.id));
  };

  // "Mijn blok": the main side copies its blocks and images into this mailing; they go in here.
  const pickOwn = async (id: string) => {
    if (pickerAt === null) return;
    const at = pickerAt;
    try {
      await draft.flush();
      const { blocks: copies } = await api.call('library.insertBlocks', { id, mailingId });
      reloadImages();
      actions.insertMany(at, copies);
      setPickerAt(null);
      const first = copies[0];
      if (first) requestAnimationFrame(() => focusBlock(first.id));
    } catch (error) {
      notifications.show({
        color: 'red',
        title: t('library:picker.insertFailed'),
        message: errorText(error, t),
      });
    }
  };

  // Closed without a choice (Escape, ×): back to the "Klik hier…" that opened it, not to <body>.
  // Only once the dialog has gone: until then its focus trap may still take focus back.
  const returnToSlot = useRef<number | null>(null);
  const closePicker = () => {
    returnToSlot.current = pickerAt;
    setPickerAt(null);
  };
  const pickerGone = () => {
    const opener = returnToSlot.current;
    returnToSlot.current = null;
    if (opener === null) return;
    window.document.querySelector<HTMLElement>(`[data-slot-index="${opener}"]`)?.focus();
  };

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        {removed && (
          <Alert color="gray" mb="sm" role="status" data-testid="block-removed">
            <Group justify="space-between">
              <Text size="sm">
                {t('canvas.removed', { name: t(`blocks.${removed.block.type}.name`) })}
              </Text>
              <Button size="compact-sm" variant="light" onClick={() => actions.restore(removed)}>
                {t('canvas.undoRemove')}
              </Button>
            </Group>
          </Alert>
        )}
        {/*
          Not a scroll container of its own (no overflow): Chromium then composites the whole mail
          as one layer and every panel overlapping it as more, and each keystroke paid for them
          (the editor bench's extra task time per key fell by a quarter to a third without it).
        */}
        <Box
          className={classes.canvas}
          style={{ background: settings.colors.background }}
          data-testid="mail-canvas"
          // Leaving a field of a block saves (the pause-based save covers typing).
          onBlurCapture={() => void draft.flush()}
        >
          <Box
            mx="auto"
            w={settings.width}
            py="sm"
            style={{
              background: settings.colors.content,
              color: settings.colors.text,
              fontFamily: `${settings.font}, ${FONT_FALLBACK}`,
              fontSize: 15,
              lineHeight: 1.55,
              ['--wp-link-color' as string]: settings.colors.link,
            }}
          >
            {blocks.length === 0 && !readOnly && (
              <Text c="dimmed" ta="center" size="sm" p="md">
                {t('canvas.empty')}
              </Text>
            )}
            {!readOnly && <SlotRow index={0} afterType={null} onInsert={setPickerAt} />}
            {blocks.map((block, index) => (
              <Fragment key={block.id}>
                <BlockFrame
                  block={block}
                  index={index}
                  count={blocks.length}
                  selected={block.id === selectedId}
                  readOnly={readOnly}
                  actions={actions}
                />
                {!readOnly && (
                  <SlotRow index={index + 1} afterType={block.type} onInsert={setPickerAt} />
                )}
              </Fragment>
            ))}
          </Box>
        </Box>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }} className={classes.settingsColumn}>
        <SettingsPanel
          block={selected}
          readOnly={readOnly}
          onChange={actions.change}
          onStyleChange={actions.changeStyle}
        />
      </Grid.Col>
      <BlockPicker
        opened={pickerAt !== null}
        onClose={closePicker}
        onGone={pickerGone}
        onPick={pick}
        onPickOwn={(id) => void pickOwn(id)}
      />
      <SaveOwnBlockDialog
        mailingId={mailingId}
        blocks={blocks}
        fromId={savingFrom}
        beforeSave={() => draft.flush()}
        onClose={() => setSavingFrom(null)}
      />
    </Grid>
  );
}

function focusBlock(id: string): void {
  const frame = window.document.getElementById(`block-${id}`);
  const field = frame?.querySelector<HTMLElement>('[contenteditable="true"], input, textarea');
  (field ?? frame)?.focus();
}

function blockFromLocation(): string | null {
  const query = window.location.hash.split('?')[1] ?? '';
  return new URLSearchParams(query).get('block');
}

/** Memo: the canvas re-renders when the draft folds typed text in; 41 rows need not follow. */
const SlotRow = memo(function SlotRow(props: ComponentProps<typeof InsertSlot>) {
  return (
    <Box px={8} py={4}>
      <InsertSlot {...props} />
    </Box>
  );
});
