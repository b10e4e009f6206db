import type { Api } from '../../env.ts';
import { mountCaseRoutes } from './case-routes.ts';
import { mountCompetencyRoutes } from './competency-routes.ts';
import { mountFrameworkRoutes } from './framework-routes.ts';

/** Competency frameworks, their competencies and links, CASE import and export. */
export function mountFrameworkApi(app: Api) {
  // The import path must be matched before /frameworks/{id}-style routes could shadow it.
  mountCaseRoutes(app);
  mountFrameworkRoutes(app);
  mountCompetencyRoutes(app);
}
