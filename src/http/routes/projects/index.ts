import type { Api } from '../../env.ts';
import { mountProjectAssessmentRoutes } from './assessment-routes.ts';
import { mountReviewRoutes } from './review-routes.ts';
import { mountRubricRoutes } from './rubric-routes.ts';
import { mountSubmissionRoutes } from './submission-routes.ts';

/** Rubrics, project and peer-review assessments, submissions, files and reviews. */
export function mountProjectRoutes(app: Api) {
  mountRubricRoutes(app);
  mountProjectAssessmentRoutes(app);
  mountSubmissionRoutes(app);
  mountReviewRoutes(app);
}
