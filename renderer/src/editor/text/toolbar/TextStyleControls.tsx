import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $patchStyleText } from '@lexical/selection';
import {
  ActionIcon,
  ColorPicker,
  NativeSelect,
  Popover,
  Stack,
  Button,
  Tooltip,
} from '@mantine/core';
import { IconPalette } from '@tabler/icons-react';
import { $getSelection, $isRangeSelection } from 'lexical';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const FONT_SIZES = ['12px', '14px', '16px', '18px', '20px', '24px', '28px', '32px'];
/** Colours that read well on white (4.5:1 or more) and in most shops' house styles. */
const SWATCHES = [
  '#000000',
  '#333333',
  '#595959',
  '#c92a2a',
  '#b33f00',
  '#237032',
  '#1a5fb4',
  '#862e9c',
];

/** Text colour and size: inline styles the main side keeps (colour and font size only). */
export function TextStyleControls({ color, fontSize }: { color: string; fontSize: string }) {
  const { t } = useTranslation('editor');
  const [editor] = useLexicalComposerContext();
  const [open, setOpen] = useState(false);
  const patch = (style: Record<string, string | null>) =>
    editor.update(() => {
      const selection = $getSelection();
      if ($isRangeSelection(selection)) $patchStyleText(selection, style);
    });
  return (
    <>
      <Popover opened={open} onChange={setOpen} position="bottom-start" withArrow trapFocus>
        <Popover.Target>
          <Tooltip label={t('toolbar.color')}>
            <ActionIcon
              variant="subtle"
              aria-label={t('toolbar.color')}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => setOpen((o) => !o)}
            >
              <IconPalette size={18} color={color || undefined} />
            </ActionIcon>
          </Tooltip>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs">
            <ColorPicker
              format="hex"
              swatches={SWATCHES}
              value={color || '#333333'}
              onChange={(value) => patch({ color: value })}
              // A swatch is a finished choice: close and go back to typing, as a word processor does.
              onColorSwatchClick={() => {
                setOpen(false);
                editor.focus();
              }}
            />
            <Button
              size="xs"
              variant="subtle"
              onClick={() => {
                patch({ color: null });
                setOpen(false);
              }}
            >
              {t('toolbar.colorReset')}
            </Button>
          </Stack>
        </Popover.Dropdown>
      </Popover>
      <NativeSelect
        size="xs"
        aria-label={t('toolbar.size')}
        value={fontSize}
        onChange={(e) => patch({ 'font-size': e.currentTarget.value || null })}
        data={[
          { value: '', label: t('toolbar.sizeDefault') },
          ...FONT_SIZES.map((s) => ({ value: s, label: s.replace('px', '') })),
        ]}
      />
    </>
  );
}
