import { Group } from '@mantine/core';
import type { BlockEditorProps } from '../types';
import { ColumnEditor } from './ColumnEditor';

export function TwoColumnsEditor({
  block,
  selected,
  readOnly,
  onChange,
}: BlockEditorProps<'twoColumns'>) {
  return (
    <Group align="flex-start" wrap="nowrap" gap="md">
      {(['left', 'right'] as const).map((side) => (
        <ColumnEditor
          key={side}
          blockId={block.id}
          side={side}
          column={block.data[side]}
          selected={selected}
          readOnly={readOnly}
          onImage={(imageId) => onChange((current) => ({ [side]: { ...current[side], imageId } }))}
        />
      ))}
    </Group>
  );
}
