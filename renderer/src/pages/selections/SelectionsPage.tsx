import { Alert, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, pathForFile, uploadFile } from '../../api';
import { errorMessage } from '../../components/fieldErrors';
import { useChannelQuery } from '../../data/useChannelQuery';
import { FetchNewPanel } from './FetchNewPanel';
import { ImportPanel, type ImportResult, type PickedFile } from './ImportPanel';
import { ImportReport } from './ImportReport';
import { FileTooLargeError, MAX_IMPORT_BYTES, importFileRef } from './importFileSource';
import { SelectionsTable } from './SelectionsTable';
import { PageTitle } from '../../a11y/PageTitle';

/** Contacten - selecties: import a file or fetch from the import folder, and the list. */
export function SelectionsPage() {
  const { t } = useTranslation('selections');
  const list = useChannelQuery('selections.list', {});
  const selections = list.data ?? null;
  const importFolder = useChannelQuery('settings.get', {}).data?.importFolder ?? '';
  const [file, setFile] = useState<PickedFile | null>(null);
  const [report, setReport] = useState<ImportResult | null>(null);
  const [fetching, setFetching] = useState(false);
  const [error, setError] = useState('');

  const shownError = error || (list.isError ? errorMessage(list.error, t) : '');

  const pick = async (picked: File | null) => {
    if (!picked) return;
    setReport(null);
    setError('');
    try {
      const ref = await importFileRef(picked, { pathForFile, upload: uploadFile });
      setFile({ fileName: picked.name, ...ref });
    } catch (e) {
      if (e instanceof FileTooLargeError)
        setError(
          t('import.tooLargeLocal', { sizeMb: e.sizeMb, maxMb: MAX_IMPORT_BYTES / 1024 / 1024 }),
        );
      else setError(e instanceof ApiError ? errorMessage(e, t) : t('errors.readFailed'));
    }
  };

  return (
    <Stack maw={1100} gap="lg">
      <div>
        <PageTitle>{t('title')}</PageTitle>
        <Text c="dimmed">{t('intro')}</Text>
      </div>
      <Group>
        <FileButton onChange={(f) => void pick(f)} accept=".csv,.txt,.xlsx">
          {(props) => (
            <Button {...props} disabled={file !== null}>
              {t('importButton')}
            </Button>
          )}
        </FileButton>
        <Button
          variant="default"
          onClick={() => setFetching(true)}
          disabled={importFolder === '' || fetching}
        >
          {t('fetchNew')}
        </Button>
      </Group>
      {importFolder === '' && (
        <Text size="sm" c="dimmed">
          {t('fetchNewNoFolder')}
        </Text>
      )}
      {shownError && (
        <Alert color="red" role="alert">
          {shownError}
        </Alert>
      )}
      {fetching && <FetchNewPanel folder={importFolder} onClose={() => setFetching(false)} />}
      {file && (
        <ImportPanel
          file={file}
          onCancel={() => {
            // An upload nobody will import is removed now (else at the next start).
            if ('uploadId' in file)
              void api
                .call('selections.discardUpload', { uploadId: file.uploadId })
                .catch(() => {});
            setFile(null);
          }}
          onDone={(result) => {
            setFile(null);
            setReport(result);
          }}
        />
      )}
      {report && <ImportReport result={report} />}
      {selections && <SelectionsTable selections={selections} />}
    </Stack>
  );
}
