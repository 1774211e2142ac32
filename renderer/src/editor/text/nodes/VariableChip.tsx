import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import { Badge, Button, Popover, Stack, TextInput, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * How a variable looks in the editor: a chip with the [[name]]. Clicking it lets the shopkeeper
 * give a replacement for an empty value ([[voornaam|klant]]).
 */
export function VariableChip(props: {
  name: string;
  fallback: string | undefined;
  nodeKey: string;
  /** Given by the node (the chip does not import it back: no import cycle). */
  $setFallback: (nodeKey: string, fallback: string) => void;
}) {
  const { t } = useTranslation('editor');
  const [editor] = useLexicalComposerContext();
  const editable = useLexicalEditable();
  const [selected] = useLexicalNodeSelection(props.nodeKey);
  const [open, setOpen] = useState(false);
  const [fallback, setFallback] = useState(props.fallback ?? '');
  const label = props.fallback ? `[[${props.name}|${props.fallback}]]` : `[[${props.name}]]`;
  const chip = (
    <Badge
      component="span"
      variant={selected ? 'filled' : 'light'}
      color="grape"
      radius="sm"
      tt="none"
      fw={500}
      data-testid="variable-token"
      px={4}
    >
      {label}
    </Badge>
  );
  if (!editable) return chip;
  const apply = () => {
    editor.update(() => props.$setFallback(props.nodeKey, fallback));
    setOpen(false);
  };
  return (
    <Popover opened={open} onChange={setOpen} position="bottom-start" withArrow trapFocus>
      <Popover.Target>
        <UnstyledButton
          type="button"
          aria-label={t('variables.editFallback', { name: props.name })}
          onClick={() => {
            setFallback(props.fallback ?? '');
            setOpen((o) => !o);
          }}
        >
          {chip}
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            apply();
          }}
        >
          <Stack gap="xs" w={280}>
            <TextInput
              label={t('variables.fallback')}
              description={t('variables.fallbackHelp', { name: props.name })}
              value={fallback}
              maxLength={200}
              data-autofocus
              onChange={(e) => setFallback(e.currentTarget.value)}
            />
            <Button type="submit" size="xs">
              {t('variables.fallbackApply')}
            </Button>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
