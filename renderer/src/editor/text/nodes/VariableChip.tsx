import { Badge } from '@mantine/core';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';

/** How a variable looks in the editor: a chip with the [[name]], outlined when selected. */
export function VariableChip(props: {
  name: string;
  fallback: string | undefined;
  nodeKey: string;
}) {
  const [selected] = useLexicalNodeSelection(props.nodeKey);
  const label = props.fallback ? `[[${props.name}|${props.fallback}]]` : `[[${props.name}]]`;
  return (
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
}
