import { Button, Center, Image, Paper, Text } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useEditorEnvironment } from '../EditorEnvironment';

/** An image in a block, or, while there is none, "Kies een afbeelding" in its place. */
export function ImageSlot(props: {
  imageId: string;
  alt: string;
  width?: number | string;
  readOnly: boolean;
  onChosen: (imageId: string) => void;
}) {
  const { t } = useTranslation('editor');
  const { images, chooseImage } = useEditorEnvironment();
  const image = images.get(props.imageId);
  const choose = async () => {
    const chosen = await chooseImage();
    if (chosen) props.onChosen(chosen.id);
  };
  if (image) {
    return (
      <Image
        src={image.dataUrl}
        alt={props.alt}
        w={props.width ?? '100%'}
        maw="100%"
        fit="contain"
        data-testid="block-image"
      />
    );
  }
  return (
    <Paper withBorder bg="gray.0" p="lg" w={props.width ?? '100%'} maw="100%">
      <Center>
        {props.readOnly ? (
          <Text c="dimmed" size="sm">
            {t('images.none')}
          </Text>
        ) : (
          <Button
            variant="light"
            leftSection={<IconPhoto size={18} />}
            onClick={() => void choose()}
          >
            {t('images.choose')}
          </Button>
        )}
      </Center>
    </Paper>
  );
}
