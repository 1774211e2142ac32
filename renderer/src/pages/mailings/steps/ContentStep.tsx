import { Alert } from '@mantine/core';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../components/fieldErrors';
import { BlockCanvas } from '../../../editor/canvas/BlockCanvas';
import {
  EditorEnvironmentContext,
  type EditorEnvironmentValue,
  type ImageInfo,
} from '../../../editor/EditorEnvironment';
import { STANDARD_VARIABLES } from '../../../../../electron/contract/plain/variables';
import { ImageLibraryDialog } from '../../../editor/images/ImageLibraryDialog';
import { useMailingImages } from '../../../editor/images/useMailingImages';
import { useDraftSnapshot } from '../../../mailing/DraftContext';
import { isReadOnly } from '../../../mailing/mailingTypes';
import type { StepProps } from '../flow/stepProps';
import { useExtraVariables } from '../../../mailing/useExtraVariables';

/** Step 1, Inhoud: the mail as it will look, edited in place, with the image library at hand. */
export function ContentStep({ mailingId }: StepProps) {
  const { t } = useTranslation('editor');
  const readOnly = useDraftSnapshot((s) => isReadOnly(s.mailing));
  const settings = useDraftSnapshot((s) => s.mailing.document.settings);
  const { images, loadError, added, reload } = useMailingImages(mailingId);
  const extra = useExtraVariables(mailingId);
  const [libraryOpen, setLibraryOpen] = useState(false);
  const resolveChoice = useRef<((image: ImageInfo | null) => void) | null>(null);

  const chooseImage = useCallback(
    () =>
      new Promise<ImageInfo | null>((resolve) => {
        resolveChoice.current?.(null);
        resolveChoice.current = resolve;
        setLibraryOpen(true);
      }),
    [],
  );
  const closeLibrary = (chosen: ImageInfo | null) => {
    setLibraryOpen(false);
    resolveChoice.current?.(chosen);
    resolveChoice.current = null;
  };

  const environment = useMemo<EditorEnvironmentValue>(
    () => ({
      mailingId,
      readOnly,
      settings,
      variables: { standard: STANDARD_VARIABLES, extra },
      images,
      chooseImage,
      reloadImages: reload,
    }),
    [mailingId, readOnly, settings, extra, images, chooseImage, reload],
  );

  return (
    <EditorEnvironmentContext.Provider value={environment}>
      {loadError !== null && (
        <Alert color="red" mb="sm">
          {errorText(loadError, t)}
        </Alert>
      )}
      <BlockCanvas readOnly={readOnly} />
      <ImageLibraryDialog
        opened={libraryOpen}
        mailingId={mailingId}
        images={[...images.values()]}
        onAdded={added}
        onClose={closeLibrary}
      />
    </EditorEnvironmentContext.Provider>
  );
}
