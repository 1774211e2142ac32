import {
  Alert,
  Button,
  FileInput,
  Grid,
  Group,
  Image,
  Modal,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { errorText } from '../../components/fieldErrors';
import type { ImageInfo } from '../EditorEnvironment';
import { readFileAsBase64 } from './readFileAsBase64';
import classes from './ImageLibraryDialog.module.css';

/**
 * "Kies een afbeelding": the images already in this mailing on the left, adding one on the right,
 * then "Gebruik afbeelding". The main process checks the file and scales it to 640 px at most.
 */
export function ImageLibraryDialog(props: {
  opened: boolean;
  mailingId: string;
  images: ImageInfo[];
  onAdded: (image: ImageInfo) => void;
  onClose: (chosen: ImageInfo | null) => void;
}) {
  const { t } = useTranslation('editor');
  const [file, setFile] = useState<File | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const selected = props.images.find((i) => i.id === selectedId) ?? null;

  const upload = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const dataBase64 = await readFileAsBase64(file);
      const image = await api.call('images.add', {
        mailingId: props.mailingId,
        fileName: file.name,
        dataBase64,
      });
      props.onAdded(image);
      setSelectedId(image.id);
      setFile(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const close = (chosen: ImageInfo | null) => {
    setError(null);
    setFile(null);
    props.onClose(chosen);
  };

  return (
    <Modal opened={props.opened} onClose={() => close(null)} title={t('images.title')} size="xl">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, sm: 7 }}>
          <Text fw={600} mb="xs">
            {t('images.library')}
          </Text>
          {props.images.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('images.empty')}
            </Text>
          ) : (
            <ScrollArea.Autosize mah={360}>
              <Stack gap={4} role="listbox" aria-label={t('images.library')}>
                {props.images.map((image) => (
                  <UnstyledButton
                    key={image.id}
                    role="option"
                    aria-selected={image.id === selectedId}
                    className={classes.option}
                    data-selected={image.id === selectedId || undefined}
                    onClick={() => setSelectedId(image.id)}
                  >
                    <Group wrap="nowrap" gap="sm">
                      <Image src={image.dataUrl} alt="" w={56} h={40} fit="contain" />
                      <div>
                        <Text size="sm" fw={500}>
                          {image.fileName}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t('images.size', { width: image.width, height: image.height })}
                        </Text>
                      </div>
                    </Group>
                  </UnstyledButton>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 5 }}>
          <Stack gap="sm">
            <Text fw={600}>{t('images.addTitle')}</Text>
            <FileInput
              label={t('images.file')}
              description={t('images.fileHelp')}
              placeholder={t('images.filePlaceholder')}
              accept="image/gif,image/jpeg,image/png,.gif,.jpg,.jpeg,.png"
              value={file}
              onChange={(value) => {
                setFile(value);
                setError(null);
              }}
              clearable
            />
            <Button
              leftSection={<IconUpload size={16} />}
              onClick={() => void upload()}
              disabled={!file}
              loading={busy}
            >
              {t('images.add')}
            </Button>
            {error !== null && (
              <Alert color="red" role="alert" title={t('images.refused')}>
                {errorText(error, t)}
              </Alert>
            )}
            {selected && (
              <Stack gap={4}>
                <Image src={selected.dataUrl} alt={selected.fileName} mah={160} fit="contain" />
                <Text size="xs" c="dimmed">
                  {selected.fileName} ·{' '}
                  {t('images.size', { width: selected.width, height: selected.height })}
                </Text>
              </Stack>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={() => close(null)}>
          {t('cancel')}
        </Button>
        <Button disabled={!selected} onClick={() => close(selected)}>
          {t('images.use')}
        </Button>
      </Group>
    </Modal>
  );
}
