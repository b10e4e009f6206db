import type { Api } from '../../env.ts';
import { mountPathwayRoutes } from './pathway-routes.ts';
import { mountRecognitionRuleRoutes } from './recognition-rule-routes.ts';

/** Pathways and recognition of prior learning (issue 6). */
export function mountPathwayApi(app: Api) {
  mountPathwayRoutes(app);
  mountRecognitionRuleRoutes(app);
}
