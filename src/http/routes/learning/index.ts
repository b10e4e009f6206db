import type { Api } from '../../env.ts';
import { mountAssessmentRoutes } from './assessment-routes.ts';
import { mountAttemptRoutes } from './attempt-routes.ts';
import { mountCriteriaRoutes } from './criteria-routes.ts';
import { mountProgressRoutes } from './progress-routes.ts';
import { mountQuizItemRoutes } from './quiz-item-routes.ts';

/** Criteria, quizzes, attempts and progress (issue 4 items 2–5). */
export function mountLearningRoutes(app: Api) {
  mountCriteriaRoutes(app);
  mountAssessmentRoutes(app);
  mountQuizItemRoutes(app);
  mountAttemptRoutes(app);
  mountProgressRoutes(app);
}
