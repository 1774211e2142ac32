import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api';
import type { ImageInfo } from '../EditorEnvironment';

/** The mailing's image library, loaded once and extended by uploads. */
export function useMailingImages(mailingId: string) {
  const [images, setImages] = useState<Map<string, ImageInfo>>(new Map());
  const [loadError, setLoadError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    api
      .call('images.list', { mailingId })
      .then((list) => setImages(new Map(list.map((image) => [image.id, image]))))
      .catch(setLoadError);
  }, [mailingId, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const added = useCallback((image: ImageInfo) => {
    setImages((prev) => new Map(prev).set(image.id, image));
  }, []);
  return { images, loadError, added, reload };
}
