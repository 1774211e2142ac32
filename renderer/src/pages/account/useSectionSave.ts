import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, toFieldErrors, type FieldErrors } from '../../components/fieldErrors';
import type { SaveState } from './SectionCard';
import { useSettings, type SettingsPatch } from './SettingsContext';

/** Save one section: field errors next to fields, a message for the rest, "Opgeslagen" on success. */
export function useSectionSave() {
  const { t } = useTranslation();
  const { save } = useSettings();
  const [state, setState] = useState<SaveState>('idle');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>('');
  const run = async (patch: SettingsPatch): Promise<boolean> => {
    setState('saving');
    try {
      await save(patch);
      setErrors({});
      setMessage('');
      setState('saved');
      return true;
    } catch (error) {
      setErrors(toFieldErrors(error, t));
      setMessage(errorMessage(error, t));
      setState('error');
      return false;
    }
  };
  return { state, errors, message, run };
}
