import { Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rememberLanguage } from '../../i18n';
import { SectionCard } from './SectionCard';
import type { Settings } from './SettingsContext';
import { useSectionSave } from './useSectionSave';

/** Tracker URL, import folder, languages (app and mail), and where the data lives. */
export function GeneralSection({ initial }: { initial: Settings }) {
  const { t, i18n } = useTranslation('settings');
  const [trackerUrl, setTrackerUrl] = useState(initial.trackerUrl);
  const [importFolder, setImportFolder] = useState(initial.importFolder);
  const [language, setLanguage] = useState(initial.language);
  const [mailLanguage, setMailLanguage] = useState(initial.mailLanguage);
  const { state, errors, message, run } = useSectionSave();
  const submit = async () => {
    if (await run({ trackerUrl, importFolder, language, mailLanguage })) {
      void i18n.changeLanguage(language);
      rememberLanguage(language);
    }
  };
  return (
    <SectionCard
      testId="section-general"
      title={t('general.title')}
      state={state}
      message={message}
      onSubmit={() => void submit()}
    >
      <Stack gap="sm">
        <TextInput
          label={t('general.trackerUrl')}
          description={t('general.trackerUrlHelp')}
          placeholder="https://track.voorbeeld.nl"
          value={trackerUrl}
          error={errors.trackerUrl}
          onChange={(e) => setTrackerUrl(e.currentTarget.value)}
        />
        <TextInput
          label={t('general.importFolder')}
          description={t('general.importFolderHelp')}
          value={importFolder}
          error={errors.importFolder}
          onChange={(e) => setImportFolder(e.currentTarget.value)}
        />
        <Select
          label={t('general.language')}
          value={language}
          allowDeselect={false}
          data={[
            { value: 'nl', label: 'Nederlands' },
            { value: 'en', label: 'English' },
          ]}
          onChange={(value) => setLanguage(value === 'en' ? 'en' : 'nl')}
        />
        <Select
          label={t('general.mailLanguage')}
          description={t('general.mailLanguageHelp')}
          value={mailLanguage}
          allowDeselect={false}
          data={[
            { value: 'nl', label: 'Nederlands' },
            { value: 'en', label: 'English' },
          ]}
          onChange={(value) => setMailLanguage(value === 'en' ? 'en' : 'nl')}
          data-testid="mail-language"
        />
        <TextInput
          label={t('general.dataDir')}
          value={initial.dataDir}
          readOnly
          data-testid="data-dir"
        />
      </Stack>
    </SectionCard>
  );
}
