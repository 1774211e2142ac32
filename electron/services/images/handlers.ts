import { DomainError, ERROR_CODES } from '../../contract/envelope';
import type { HandlerImpls } from '../core/handlerTable';
import type { MailingsService } from '../mailings/mailingsService';
import { imageUses } from '../mailings/documentImages';
import { decodeBase64Upload, prepareImage } from './imageFile';
import { toImageInfo, type ImageStore } from './imageStore';

type ImageChannels = 'images.add' | 'images.list' | 'images.delete';

export function createImagesHandlers(deps: {
  images: ImageStore;
  mailings: MailingsService;
}): Pick<HandlerImpls, ImageChannels> {
  const { images, mailings } = deps;
  return {
    'images.add': async ({ mailingId, fileName, dataBase64 }) => {
      const mailing = mailings.get(mailingId);
      if (mailing.status !== 'draft' && mailing.status !== 'cancelled') {
        throw new DomainError(
          ERROR_CODES.conflict,
          'This mailing can no longer be changed',
          'mailings:errors.notEditable',
          {
            status: mailing.status,
          },
        );
      }
      const prepared = await prepareImage(decodeBase64Upload(dataBase64, fileName), fileName);
      return toImageInfo(images.insert(mailingId, fileName, prepared));
    },
    'images.list': ({ mailingId }) => {
      mailings.get(mailingId); // a clear "not found" rather than an empty list
      return images.forMailing(mailingId).map(toImageInfo);
    },
    'images.delete': ({ id }) => {
      const image = images.get(id);
      if (!image) {
        throw new DomainError(
          ERROR_CODES.notFound,
          `Image ${id} does not exist`,
          'mailings:errors.imageNotFound',
          { id },
        );
      }
      const use = imageUses(mailings.get(image.mailingId).document).find((u) => u.imageId === id);
      if (use) {
        throw new DomainError(
          ERROR_CODES.conflict,
          `Block ${use.blockIndex + 1} still shows this image`,
          'mailings:errors.imageInUse',
          { block: use.blockIndex + 1, fileName: image.fileName },
        );
      }
      images.delete(id);
      return { ok: true as const };
    },
  };
}
