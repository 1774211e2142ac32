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
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../../../electron/contract';
import { api } from '../../../../api';
import { errorMessage } from '../../../../components/fieldErrors';
import { ConditionRow } from './ConditionRow';
import { BEHAVIOUR, fromSegment, newCondition, toSegment, type Draft } from './segmentDraft';

type Summary = ChannelOutput<'mailings.recipients'>;
type Options = ChannelOutput<'mailings.segment'>;
type Saved = ChannelOutput<'segments.list'>;

/** How long typing may pause before the count is asked again. */
const SETTLE_MS = 300;

/**
 * Step 3's segment: conditions on the columns of the attached selections (and on behaviour in an
 * earlier mailing) that narrow who receives the mailing. Every complete change is applied at once,
 * so the count and credits below follow live and nothing typed is lost; incomplete conditions wait.
 */
export function SegmentEditor({
  mailingId,
  selectionIds,
  onSummary,
}: {
  mailingId: string;
  /** Reloads the columns when the attached selections change. */
  selectionIds: readonly string[];
  onSummary: (summary: Summary) => void;
}) {
  const { t } = useTranslation('segments');
  const [options, setOptions] = useState<Options | null>(null);
  const [draft, setDraft] = useState<Draft>({ match: 'all', conditions: [] });
  const [saved, setSaved] = useState<Saved>([]);
  const [name, setName] = useState('');
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const applied = useRef<string | null>(null);

  const selectionKey = selectionIds.join(',');
  useEffect(() => {
    let current = true;
    Promise.all([
      api.call('mailings.segment', { id: mailingId }),
      api.call('segments.list', {}),
    ]).then(
      ([loaded, list]) => {
        if (!current) return;
        setOptions(loaded);
        setSaved(list);
        applied.current = JSON.stringify(loaded.segment);
        setDraft((before) =>
          before.conditions.length > 0 || !loaded.segment ? before : fromSegment(loaded.segment),
        );
      },
      (e: unknown) => setError(errorMessage(e, t)),
    );
    return () => {
      current = false;
    };
  }, [mailingId, selectionKey, t]);

  useEffect(() => {
    if (!options) return;
    const segment = toSegment(draft);
    const wanted = JSON.stringify(segment);
    if (wanted === applied.current) return;
    const timer = setTimeout(() => {
      api.call('mailings.setSegment', { id: mailingId, segment }).then(
        (summary) => {
          applied.current = wanted;
          setError('');
          onSummary(summary);
        },
        (e: unknown) => setError(errorMessage(e, t)),
      );
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [draft, options, mailingId, onSummary, t]);

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
    try {
      const result = await api.call('segments.save', { name, segment });
      setSaved(await api.call('segments.list', {}));
      setNotice(t('saved.done', { name: result.name }));
      setError('');
    } catch (e) {
      setError(errorMessage(e, t));
    }
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
