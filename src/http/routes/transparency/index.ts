import type { Api } from '../../env.ts';
import { mountProofRoutes } from './proof-routes.ts';
import { mountTreeHeadRoutes } from './tree-head-routes.ts';
import { mountWitnessRoutes } from './witness-routes.ts';

/** The transparency log (issue 10): heads, proofs, entries, witnesses and the anchor. */
export function mountTransparencyRoutes(app: Api) {
  mountTreeHeadRoutes(app);
  mountProofRoutes(app);
  mountWitnessRoutes(app);
}
