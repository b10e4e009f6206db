import type { Api } from '../../env.ts';
import { mountAccountDataRoutes } from './account-data-routes.ts';
import { mountDidRoutes } from './did-routes.ts';
import { mountEmailRoutes } from './email-routes.ts';
import { mountGetWalletCredential } from './get-wallet-credential.ts';
import { mountListWallet } from './list-wallet.ts';

/** The learner's own side: wallet, addresses, DIDs, export and deletion (issue 5). */
export function mountWalletRoutes(app: Api) {
  mountListWallet(app);
  mountGetWalletCredential(app);
  mountEmailRoutes(app);
  mountDidRoutes(app);
  mountAccountDataRoutes(app);
}
