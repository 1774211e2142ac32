import {
  Alert,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../../components/fieldErrors';
import { useChannelMutation } from '../../../../data/useChannelMutation';
import { useChannelQuery } from '../../../../data/useChannelQuery';
import { ConditionRow } from './ConditionRow';
import { BEHAVIOUR, fromSegment, newCondition, toSegment, type Draft } from './segmentDraft';
import { useSegmentDraft } from './useSegmentDraft';

/**
 * Step 3's segment: conditions on the columns of the attached selections (and on behaviour in an
 * earlier mailing) that narrow who receives the mailing. Every complete change is applied at once,
 * so the count and credits below follow live and nothing typed is lost; incomplete conditions wait.
 */
export function SegmentEditor({ mailingId }: { mailingId: string }) {
  const { t } = useTranslation('segments');
  const { options, draft, setDraft, error: draftError } = useSegmentDraft(mailingId);
  const savedQuery = useChannelQuery('segments.list', {});
  const saved = savedQuery.data ?? [];
  const saving = useChannelMutation('segments.save', { invalidates: ['segments.list'] });
  const [name, setName] = useState('');
  const [notice, setNotice] = useState('');
  const failure = saving.error ?? draftError ?? savedQuery.error;
  const error = failure ? errorMessage(failure, t) : '';

  if (!options) return error ? <Alert color="red">{error}</Alert> : null;

  const firstColumn = options.columns[0];
  // Without columns a condition can still be on behaviour in an earlier mailing.
  const add = () =>
    setDraft({
      ...draft,
      conditions: [
        ...draft.conditions,
        firstColumn
          ? newCondition(firstColumn.name, firstColumn.type)
          : newCondition(BEHAVIOUR, 'behaviour'),
      ],
    });
  const save = async () => {
    const segment = toSegment(draft);
    if (!segment) return;
    const result = await saving.mutateAsync({ name, segment }).catch(() => null);
    if (result) setNotice(t('saved.done', { name: result.name }));
  };
  const reuse = (id: string | null) => {
    const chosen = saved.find((s) => s.id === id);
    if (!chosen) return;
    setDraft(fromSegment(chosen.segment));
    setName(chosen.name);
    setNotice(t('saved.used', { name: chosen.name }));
  };

  return (
    <Card withBorder padding="lg" data-testid="segment-editor">
      <Stack gap="sm">
        <Title order={4}>{t('editor.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('editor.intro')}
        </Text>
        {saved.length > 0 && (
          <Select
            label={t('saved.use')}
            placeholder={t('saved.choose')}
            data={saved.map((s) => ({ value: s.id, label: s.name }))}
            value={null}
            onChange={reuse}
            w={320}
          />
        )}
        {draft.conditions.length > 1 && (
          <Group gap="xs">
            <Text size="sm" id="segment-match-label">
              {t('editor.matchLabel')}
            </Text>
            <SegmentedControl
              aria-labelledby="segment-match-label"
              value={draft.match}
              onChange={(match) => setDraft({ ...draft, match: match as Draft['match'] })}
              data={[
                { value: 'all', label: t('editor.matchAll') },
                { value: 'any', label: t('editor.matchAny') },
              ]}
            />
          </Group>
        )}
        {draft.conditions.map((condition, index) => (
          <ConditionRow
            key={condition.key}
            condition={condition}
            position={index + 1}
            options={options}
            onChange={(next) =>
              setDraft({
                ...draft,
                conditions: draft.conditions.map((c) => (c.key === next.key ? next : c)),
              })
            }
            onRemove={() =>
              setDraft({
                ...draft,
                conditions: draft.conditions.filter((c) => c.key !== condition.key),
              })
            }
          />
        ))}
        <Group>
          <Button
            variant="light"
            onClick={add}
            disabled={options.columns.length === 0 && options.sentMailings.length === 0}
          >
            {t('editor.add')}
          </Button>
        </Group>
        {options.columns.length === 0 && <Text size="sm">{t('editor.noColumns')}</Text>}
        {toSegment(draft) && (
          <Group align="flex-end">
            <TextInput
              label={t('saved.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              w={260}
            />
            <Button variant="default" onClick={() => void save()} disabled={name.trim() === ''}>
              {t('saved.save')}
            </Button>
          </Group>
        )}
        {notice && (
          <Text size="sm" c="green.8" role="status">
            {notice}
          </Text>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
