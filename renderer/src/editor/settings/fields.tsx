import {
  Button,
  ColorInput,
  Group,
  Image,
  NumberInput,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorEnvironment } from '../EditorEnvironment';
import { isAllowedLinkUrl, normalizeLinkUrl } from '../text/linkUrl';

/** Small form fields the block settings share. Each writes its value straight to the block. */

export function AlignField(props: {
  label?: string;
  value: 'left' | 'center' | 'right';
  onChange: (value: 'left' | 'center' | 'right') => void;
}) {
  const { t } = useTranslation('editor');
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {props.label ?? t('settings.align')}
      </Text>
      <SegmentedControl
        size="xs"
        value={props.value}
        onChange={(v) => props.onChange(v as 'left' | 'center' | 'right')}
        data={[
          { value: 'left', label: t('settings.alignLeft') },
          { value: 'center', label: t('settings.alignCenter') },
          { value: 'right', label: t('settings.alignRight') },
        ]}
      />
    </Stack>
  );
}

const HEX = /^#[0-9a-fA-F]{6}$/;

/** A colour; with `allowDefault` an empty value means "the mailing's colour". */
export function ColorField(props: {
  label: string;
  value: string;
  allowDefault?: boolean;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation('editor');
  const [text, setText] = useState(props.value);
  const valid = (v: string) => HEX.test(v) || (props.allowDefault === true && v === '');
  return (
    <ColorInput
      label={props.label}
      format="hex"
      value={text}
      placeholder={props.allowDefault ? t('settings.colorDefault') : undefined}
      error={valid(text) ? undefined : t('settings.colorInvalid')}
      onChange={(value) => {
        setText(value);
        if (valid(value)) props.onChange(value);
      }}
    />
  );
}

/** A link address: saved only when it is a web or mail address ("www.winkel.nl" gets https://). */
export function LinkField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation('editor');
  const [text, setText] = useState(props.value);
  const normalized = normalizeLinkUrl(text);
  const valid = normalized === '' || isAllowedLinkUrl(normalized);
  return (
    <TextInput
      label={props.label}
      placeholder="https://www.uwwinkel.nl"
      value={text}
      error={valid ? undefined : t('link.invalid')}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setText(value);
        const next = normalizeLinkUrl(value);
        if (next === '' || isAllowedLinkUrl(next)) props.onChange(next);
      }}
    />
  );
}

export function NumberField(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  suffix?: string;
  onChange: (value: number) => void;
}) {
  return (
    <NumberInput
      label={props.label}
      value={props.value}
      min={props.min}
      max={props.max}
      suffix={props.suffix}
      clampBehavior="strict"
      allowDecimal={false}
      onChange={(value) => {
        if (typeof value === 'number' && value >= props.min && value <= props.max)
          props.onChange(value);
      }}
    />
  );
}

export function TextField(props: {
  label: string;
  value: string;
  maxLength: number;
  multiline?: boolean;
  description?: string;
  onChange: (value: string) => void;
}) {
  const Field = props.multiline ? Textarea : TextInput;
  return (
    <Field
      label={props.label}
      description={props.description}
      value={props.value}
      maxLength={props.maxLength}
      autosize={props.multiline ? true : undefined}
      onChange={(e: { currentTarget: { value: string } }) => props.onChange(e.currentTarget.value)}
    />
  );
}

export function SwitchField(props: {
  label: string;
  description?: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <Switch
      label={props.label}
      description={props.description}
      checked={props.checked}
      onChange={(e) => props.onChange(e.currentTarget.checked)}
    />
  );
}

/** The chosen image with "Kies een afbeelding" to pick another from the library. */
export function ImageField(props: { imageId: string; onChange: (imageId: string) => void }) {
  const { t } = useTranslation('editor');
  const { images, chooseImage } = useEditorEnvironment();
  const image = images.get(props.imageId);
  const choose = async () => {
    const chosen = await chooseImage();
    if (chosen) props.onChange(chosen.id);
  };
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('settings.image')}
      </Text>
      <Group wrap="nowrap">
        {image && <Image src={image.dataUrl} alt="" w={64} h={48} fit="contain" />}
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPhoto size={16} />}
          onClick={() => void choose()}
        >
          {t('images.choose')}
        </Button>
      </Group>
      {image && (
        <Text size="xs" c="dimmed">
          {image.fileName}
        </Text>
      )}
    </Stack>
  );
}
