/** Projects, rubrics, peer review and similarity: the use cases the edges call. */
export { accessSubmission, type SubmissionAccess } from './access.ts';
export {
  createProjectAssessment,
  listOrganizationProjectAssessments,
  type ProjectAssessmentView,
  presentProjectAssessment,
  requireProjectAssessment,
} from './assessments.ts';
export { readSubmissionFile } from './files.ts';
export {
  completePeerReview,
  decideSubmission,
  listMyPeerReviews,
  requirePeerTask,
  reviewQueue,
} from './reviews.ts';
export {
  createRubric,
  criteriaOf,
  listOrganizationRubrics,
  presentRubric,
  requireRubric,
} from './rubrics.ts';
export { learnerSubmissions, submitProject } from './submit.ts';
export { presentSubmission, type SubmissionView } from './views.ts';
