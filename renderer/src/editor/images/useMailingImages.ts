import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { channelKey } from '../../data/channelKey';
import { useChannelQuery } from '../../data/useChannelQuery';
import type { ImageInfo } from '../EditorEnvironment';

/**
 * The mailing's image library from the query cache. Display only: the document refers to images
 * by id, so a refetch changes what a slot shows, never what the shopkeeper typed.
 */
export function useMailingImages(mailingId: string) {
  const input = useMemo(() => ({ mailingId }), [mailingId]);
  const { data, error } = useChannelQuery('images.list', input);
  const images = useMemo(() => new Map((data ?? []).map((image) => [image.id, image])), [data]);
  const client = useQueryClient();
  // images.add answers the new image: it goes into the list at once, no second ask for every
  // image's bytes.
  const added = useCallback(
    (image: ImageInfo) =>
      client.setQueryData(channelKey('images.list', input), (list: ImageInfo[] | undefined) => [
        ...(list ?? []).filter((known) => known.id !== image.id),
        image,
      ]),
    [client, input],
  );
  // "Mijn blok" copies its images into the mailing on the main side: ask for its list again.
  const reload = useCallback(
    () => void client.invalidateQueries({ queryKey: channelKey('images.list', input) }),
    [client, input],
  );
  return { images, loadError: error ?? null, added, reload };
}
