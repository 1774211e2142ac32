import type { HandlerImpls } from '../core/handlerTable';
import { decodeBase64Upload, prepareImage } from '../images/imageFile';
import type { ShopIdentityStore } from './identityStore';

type IdentityChannels =
  'identity.get' | 'identity.setLogo' | 'identity.removeLogo' | 'identity.setColors';

export function createIdentityHandlers(
  identity: ShopIdentityStore,
): Pick<HandlerImpls, IdentityChannels> {
  return {
    'identity.get': () => identity.view(),
    'identity.setLogo': async ({ fileName, dataBase64 }) =>
      identity.setLogo(
        fileName,
        await prepareImage(decodeBase64Upload(dataBase64, fileName), fileName),
      ),
    'identity.removeLogo': () => identity.removeLogo(),
    'identity.setColors': ({ colors }) => identity.setColors(colors),
  };
}
