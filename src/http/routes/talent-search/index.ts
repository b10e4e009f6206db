import type { Api } from '../../env.ts';
import { mountEmployerTalentRoutes } from './employer-talent-routes.ts';
import { mountLearnerTalentRoutes } from './learner-talent-routes.ts';

/** Talent search (issue 8 item 4): learners' consent and employers' search. */
export function mountTalentSearchRoutes(app: Api) {
  mountLearnerTalentRoutes(app);
  mountEmployerTalentRoutes(app);
}
