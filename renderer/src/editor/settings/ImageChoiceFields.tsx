import { useTranslation } from 'react-i18next';
import { ImageField, LinkField, TextField } from './fields';

export interface ImageChoice {
  imageId: string;
  alt: string;
  href: string;
}

/**
 * The image part every block with an image shares: the chosen image, its description (what the
 * customer reads with images off) and the link behind it. One component so the blocks stay alike.
 */
export function ImageChoiceFields(props: {
  value: ImageChoice;
  /** The contract's limit for this block's alt text. */
  altMaxLength: number;
  onChange: (patch: Partial<ImageChoice>) => void;
}) {
  const { t } = useTranslation('editor');
  return (
    <>
      <ImageField
        imageId={props.value.imageId}
        onChange={(imageId) => props.onChange({ imageId })}
      />
      <TextField
        label={t('settings.alt')}
        description={t('settings.altHelp')}
        value={props.value.alt}
        maxLength={props.altMaxLength}
        onChange={(alt) => props.onChange({ alt })}
      />
      <LinkField
        label={t('settings.imageLink')}
        value={props.value.href}
        onChange={(href) => props.onChange({ href })}
      />
    </>
  );
}
