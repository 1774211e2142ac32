import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { Button, Menu } from '@mantine/core';
import { IconBraces } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useEditorEnvironment } from '../../EditorEnvironment';
import { INSERT_VARIABLE_COMMAND } from '../plugins/VariablesPlugin';

/** "Variabelen": the standard ones with an example value, then the selections' extra columns. */
export function VariablesMenu() {
  const { t } = useTranslation('editor');
  const [editor] = useLexicalComposerContext();
  const { variables } = useEditorEnvironment();
  const insert = (name: string) => {
    editor.focus();
    editor.dispatchCommand(INSERT_VARIABLE_COMMAND, { name });
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          size="compact-sm"
          variant="light"
          leftSection={<IconBraces size={16} />}
          onMouseDown={(e) => e.preventDefault()}
        >
          {t('variables.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('variables.standard')}</Menu.Label>
        {variables.standard.map((name) => (
          <Menu.Item
            key={name}
            onClick={() => insert(name)}
            rightSection={t(`variables.examples.${name}`)}
          >
            {`[[${name}]]`}
          </Menu.Item>
        ))}
        {variables.extra.length > 0 && <Menu.Label>{t('variables.extra')}</Menu.Label>}
        {variables.extra.map((name) => (
          <Menu.Item key={name} onClick={() => insert(name)}>
            {`[[${name}]]`}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
