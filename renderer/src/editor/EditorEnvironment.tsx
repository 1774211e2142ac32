import { createContext, useContext } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import type { DocumentSettings } from '../mailing/mailingTypes';

export type ImageInfo = ChannelOutput<'images.list'>[number];

export interface EditorEnvironmentValue {
  mailingId: string;
  readOnly: boolean;
  settings: DocumentSettings;
  variables: { standard: readonly string[]; extra: string[] };
  images: Map<string, ImageInfo>;
  /** Opens "Kies een afbeelding"; resolves with the chosen image or null when cancelled. */
  chooseImage: () => Promise<ImageInfo | null>;
  /** Loads the mailing's images again (after "Mijn blok" brought its own along). */
  reloadImages: () => void;
}

export const EditorEnvironmentContext = createContext<EditorEnvironmentValue | null>(null);

export function useEditorEnvironment(): EditorEnvironmentValue {
  const value = useContext(EditorEnvironmentContext);
  if (!value) throw new Error('useEditorEnvironment outside the block editor');
  return value;
}
