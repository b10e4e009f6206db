import type { Api } from '../env.ts';
import { mountCreateAccount } from './accounts/create-account.ts';
import { mountGetAccount } from './accounts/get-account.ts';
import { mountAchievementRoutes } from './achievements/achievement-routes.ts';
import { mountAwardAchievement } from './achievements/award-achievement.ts';
import { mountPublicAchievementDocuments } from './achievements/get-public-achievement.ts';
import { mountCreateApiToken } from './api-tokens/create-api-token.ts';
import { mountListApiTokens } from './api-tokens/list-api-tokens.ts';
import { mountRevokeApiToken } from './api-tokens/revoke-api-token.ts';
import { mountListAuditEvents } from './audit/list-audit-events.ts';
import { mountBulkAwardRoutes } from './bulk-awards/index.ts';
import { mountExportLearnerClr } from './clr/export-learner-clr.ts';
import { mountIssueTranscript } from './clr/issue-transcript.ts';
import { mountChangeCredentialStatus } from './credentials/change-credential-status.ts';
import { mountGetCredential } from './credentials/get-credential.ts';
import { mountEndorsementRoutes } from './endorsements/endorsement-routes.ts';
import { mountFrameworkApi } from './frameworks/index.ts';
import { mountGetHealth } from './health/get-health.ts';
import { mountDidDocumentRoutes } from './issuers/get-did-document.ts';
import { mountIssuerProfileRoutes } from './issuers/get-issuer-profile.ts';
import { mountLearningRoutes } from './learning/index.ts';
import { mountListMembers } from './members/list-members.ts';
import { mountRemoveMember } from './members/remove-member.ts';
import { mountSetMember } from './members/set-member.ts';
import { mountCreateOrganization } from './organizations/create-organization.ts';
import { mountGetOrganization } from './organizations/get-organization.ts';
import { mountUpdateOrganization } from './organizations/update-organization.ts';
import { mountPathwayApi } from './pathways/index.ts';
import { mountProjectRoutes } from './projects/index.ts';
import { mountRenewalRoutes } from './renewal/index.ts';
import { mountCreateSession } from './sessions/create-session.ts';
import { mountDeleteSession } from './sessions/delete-session.ts';
import { mountSharingRoutes } from './sharing/index.ts';
import { mountStatusListRoutes } from './status-lists/get-status-list.ts';
import { mountTransparencyRoutes } from './transparency/index.ts';
import { mountIssueCredential } from './vc-api/issue-credential.ts';
import { mountVerifyCredential } from './vc-api/verify-credential.ts';
import { mountVerifyPresentation } from './vc-api/verify-presentation.ts';
import { mountImportCredential } from './wallet/import-credential.ts';
import { mountWalletRoutes } from './wallet/index.ts';

/** Every JSON API route, one file per operation. */
export function mountApiRoutes(app: Api) {
  for (const mount of [
    mountGetHealth,
    mountCreateAccount,
    mountGetAccount,
    mountCreateSession,
    mountDeleteSession,
    mountCreateOrganization,
    mountGetOrganization,
    mountUpdateOrganization,
    mountListMembers,
    mountSetMember,
    mountRemoveMember,
    mountListApiTokens,
    mountCreateApiToken,
    mountRevokeApiToken,
    mountListAuditEvents,
    mountIssuerProfileRoutes,
    mountDidDocumentRoutes,
    mountStatusListRoutes,
    mountTransparencyRoutes,
    mountIssueCredential,
    mountVerifyCredential,
    mountVerifyPresentation,
    mountChangeCredentialStatus,
    mountGetCredential,
    mountAchievementRoutes,
    mountAwardAchievement,
    mountBulkAwardRoutes,
    mountPublicAchievementDocuments,
    mountProjectRoutes,
    mountLearningRoutes,
    mountFrameworkApi,
    mountImportCredential,
    mountWalletRoutes,
    mountSharingRoutes,
    mountPathwayApi,
    mountRenewalRoutes,
    mountExportLearnerClr,
    mountIssueTranscript,
    mountEndorsementRoutes,
  ]) {
    mount(app);
  }
}
