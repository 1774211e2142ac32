import { TOGGLE_LINK_COMMAND } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ActionIcon, Button, Group, Popover, Stack, TextInput, Tooltip } from '@mantine/core';
import { IconLink } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAllowedLinkUrl, normalizeLinkUrl } from '../linkUrl';

/** Makes the selected words a link; the address is checked before it is set. */
export function LinkButton({ current }: { current: string | null }) {
  const { t } = useTranslation('editor');
  const [editor] = useLexicalComposerContext();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const openWith = () => {
    setValue(current ?? '');
    setError(null);
    setOpen(true);
  };
  const apply = () => {
    const url = normalizeLinkUrl(value);
    if (!isAllowedLinkUrl(url)) {
      setError(t('link.invalid'));
      return;
    }
    editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
    setOpen(false);
  };
  const remove = () => {
    editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
    setOpen(false);
  };
  return (
    <Popover opened={open} onChange={setOpen} trapFocus position="bottom-start" withArrow>
      <Popover.Target>
        <Tooltip label={t('toolbar.link')}>
          <ActionIcon
            variant={current ? 'filled' : 'subtle'}
            aria-label={t('toolbar.link')}
            aria-pressed={current !== null}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => (open ? setOpen(false) : openWith())}
          >
            <IconLink size={18} />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            apply();
          }}
        >
          <Stack gap="xs" w={320}>
            <TextInput
              label={t('link.label')}
              placeholder="https://www.uwwinkel.nl"
              value={value}
              error={error}
              data-autofocus
              onChange={(e) => {
                setValue(e.currentTarget.value);
                setError(null);
              }}
            />
            <Group justify="space-between">
              {current ? (
                <Button variant="subtle" color="red" size="xs" onClick={remove}>
                  {t('link.remove')}
                </Button>
              ) : (
                <span />
              )}
              <Button type="submit" size="xs">
                {t('link.apply')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
