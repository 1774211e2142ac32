import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/contract';
import { api } from '../../api';
import { errorMessage } from '../../components/fieldErrors';
import { resetImportProgress, useImportProgress } from '../../data/importProgress';
import { useChannelMutation } from '../../data/useChannelMutation';
import { ImportProgress } from './ImportProgress';
import { RowLists } from './ImportReport';
import { MappingTable } from './MappingTable';
import { SheetPicker } from './SheetPicker';
import type { ImportFileRef } from './importFileSource';

type Analysis = ChannelOutput<'selections.analyze'>;
type Target = Analysis['columns'][number]['target'];
export type ImportResult = ChannelOutput<'selections.import'>;

/** A chosen file: its name, and its path or upload (importFileSource.ts). */
export type PickedFile = { fileName: string } & ImportFileRef;

/**
 * The preview of one file before anything is stored: what was found, the mapping (correctable),
 * special-category and formula warnings, the counts, a description and the AVG confirmation.
 */
export function ImportPanel(props: {
  file: PickedFile;
  onDone: (result: ImportResult) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('selections');
  const { file } = props;
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [targets, setTargets] = useState<Target[]>([]);
  const [description, setDescription] = useState(props.file.fileName.replace(/\.[^.]+$/, ''));
  const [consent, setConsent] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(true);
  const [importing, setImporting] = useState(false);
  const client = useQueryClient();
  // Written by the import's progress events (data/importProgress.ts). The lists are fetched again
  // by its "done" event (staleAfter.ts), once: the answer invalidating them too fetched them twice.
  const progress = useImportProgress(file.fileName);
  const importer = useChannelMutation('selections.import');

  const [sheet, setSheet] = useState<string | undefined>(undefined);

  const analyze = useCallback(
    (mapping?: Target[], sheetName?: string) =>
      api.call('selections.analyze', { ...file, mapping, sheet: sheetName }).then(
        (result) => {
          setAnalysis(result);
          setTargets(result.columns.map((c) => c.target));
          setError('');
          setBusy(false);
        },
        (e: unknown) => {
          setError(errorMessage(e, t));
          setBusy(false);
        },
      ),
    [file, t],
  );

  // Analyse once per chosen file; corrections re-analyse explicitly. Not a query: a preview of a
  // file read once, whose last table must stay on screen when a correction's analysis fails.
  useEffect(() => {
    void analyze();
  }, [analyze]);

  const changeTarget = (index: number, target: Target) => {
    const next = targets.map((old, i) => (i === index ? target : old));
    setTargets(next);
    setBusy(true);
    void analyze(next, sheet);
  };

  // Another sheet has other columns: its mapping is proposed afresh.
  const changeSheet = (name: string) => {
    setSheet(name);
    setBusy(true);
    void analyze(undefined, name);
  };

  const submit = async () => {
    setBusy(true);
    setImporting(true);
    resetImportProgress(client, file.fileName);
    try {
      const result = await importer.mutateAsync({
        ...props.file,
        mapping: targets,
        sheet: analysis?.sheet ?? undefined,
        description,
        consent: true,
      });
      props.onDone(result);
    } catch (e) {
      setError(errorMessage(e, t));
      setBusy(false);
      setImporting(false);
    }
  };

  const special = analysis?.columns.filter((c) => c.specialCategory) ?? [];
  const canImport =
    analysis !== null && analysis.blocking.length === 0 && consent && description.trim() !== '';

  return (
    <Card withBorder padding="lg" data-testid="import-panel">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('import.title')}: {props.file.fileName}
        </Title>
        {!analysis && busy && (
          <Group>
            <Loader size="sm" />
            <Text>{t('import.reading')}</Text>
          </Group>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {analysis && (
          <>
            <Text size="sm" c="dimmed" data-testid="import-file-info">
              {[
                t('import.fileInfo', {
                  format: analysis.format.toUpperCase(),
                  count: analysis.rows,
                }),
                analysis.encoding && t('import.encoding', { encoding: analysis.encoding }),
                analysis.delimiter &&
                  t('import.delimiter', {
                    delimiter: analysis.delimiter === '\t' ? t('import.tab') : analysis.delimiter,
                  }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            <SheetPicker
              sheets={analysis.sheets}
              sheet={analysis.sheet}
              disabled={busy}
              onChange={changeSheet}
            />
            {analysis.warnings.map((key) => (
              <Alert color="orange" key={key} data-testid="import-warning">
                {t(key)}
              </Alert>
            ))}
            <Text size="sm">{t('import.columnsHelp')}</Text>
            {analysis.mappingRemembered && (
              <Text size="sm" c="dimmed">
                {t('import.remembered')}
              </Text>
            )}
            {special.length > 0 && (
              <Alert color="orange" data-testid="special-warning">
                {t('import.specialWarning', { columns: special.map((c) => c.header).join(', ') })}
              </Alert>
            )}
            <MappingTable analysis={analysis} targets={targets} onChange={changeTarget} />
            {analysis.blocking.map((b) => (
              <Alert color="red" key={b.key} role="alert">
                {t(b.key, b.params)}
              </Alert>
            ))}
            {analysis.formulaCells > 0 && (
              <Alert color="yellow">
                {t('import.formulaCells', { count: analysis.formulaCells })}
              </Alert>
            )}
            <Text data-testid="import-counts">
              {t('import.counts', {
                count: analysis.imported,
                rejected: analysis.rejectedCount,
                duplicates: analysis.duplicateCount,
                suppressed: analysis.alreadySuppressedCount,
              })}
            </Text>
            <RowLists counts={analysis} />
            <TextInput
              label={t('import.description')}
              value={description}
              maxLength={200}
              onChange={(e) => setDescription(e.currentTarget.value)}
            />
            <Text size="sm" c="dimmed">
              {t('avgNote')}
            </Text>
            <Checkbox
              label={t('import.consent')}
              checked={consent}
              onChange={(e) => setConsent(e.currentTarget.checked)}
            />
          </>
        )}
        {importing && <ImportProgress rows={progress?.rows ?? 0} total={progress?.total} />}
        <Group>
          <Button onClick={() => void submit()} disabled={!canImport} loading={busy && !!analysis}>
            {t('import.submit')}
          </Button>
          <Button variant="default" onClick={props.onCancel} disabled={busy && !!analysis}>
            {t('import.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
