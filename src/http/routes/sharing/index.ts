import type { Api } from '../../env.ts';
import { mountCreatePresentation } from './create-presentation.ts';
import { mountExportCredential } from './export-credential.ts';
import { mountGetSharing } from './get-sharing.ts';
import { mountPortfolioRoutes } from './portfolio-routes.ts';
import { mountShareLinkRoutes } from './share-link-routes.ts';

/** Export, share links, LinkedIn, e-portfolio and presentations (issue 5 items 4–6). */
export function mountSharingRoutes(app: Api) {
  mountExportCredential(app);
  mountGetSharing(app);
  mountShareLinkRoutes(app);
  mountPortfolioRoutes(app);
  mountCreatePresentation(app);
}
