import { readFileSync } from 'node:fs';
import type { ErrorCode } from '../domain/errors.ts';
import type { Api } from '../http/env.ts';
import { problemTypes } from '../http/problem.ts';
import { mountAccountPages } from './handlers/account.ts';
import { mountAchievementPages } from './handlers/achievements.ts';
import { mountAnalyticsPages } from './handlers/analytics.ts';
import { mountApiTokenPages } from './handlers/api-tokens.ts';
import { mountAuthPages } from './handlers/auth.ts';
import { mountBulkAwardPages } from './handlers/bulk-awards.ts';
import { mountClrPages } from './handlers/clr.ts';
import { mountEndorsementPages } from './handlers/endorsements.ts';
import { mountFrameworkPages } from './handlers/frameworks.ts';
import { mountGoalPages } from './handlers/goals.ts';
import { mountIssuedCredentialPages } from './handlers/issued-credentials.ts';
import { mountJobProfilePages } from './handlers/job-profiles.ts';
import { mountLearningPages } from './handlers/learning.ts';
import { mountLtiLaunchPages } from './handlers/lti-launch.ts';
import { mountLtiPlatformPages } from './handlers/lti-platforms.ts';
import { mountMemberPages } from './handlers/members.ts';
import { mountOAuthAppPages } from './handlers/oauth-apps.ts';
import { mountOAuthConsentPages } from './handlers/oauth-consent.ts';
import { mountPolicyPages } from './handlers/oauth-policies.ts';
import { mountOrganizationPages } from './handlers/organizations.ts';
import { mountPathwayPages } from './handlers/pathways.ts';
import { mountPortfolioPages } from './handlers/portfolio.ts';
import { mountProjectPages } from './handlers/projects.ts';
import { mountRenewalPages } from './handlers/renewal.ts';
import { mountSharingPages } from './handlers/sharing.ts';
import { mountTalentProfilePages } from './handlers/talent-profile.ts';
import { mountTalentSearchPages } from './handlers/talent-search.ts';
import { mountTrustRegistryPages } from './handlers/trust-registry.ts';
import { mountVerifyPages } from './handlers/verify.ts';
import { mountWalletPages } from './handlers/wallet.ts';
import { mountWalletImportPages } from './handlers/wallet-import.ts';
import { mountWebhookPages } from './handlers/webhooks.ts';
import { problemPage } from './pages/problems.ts';
import { render } from './render.ts';

const stylesheet = readFileSync(new URL('./assets/app.css', import.meta.url));

/** Server-rendered pages: every one works without JavaScript. */
export function mountWebPages(app: Api) {
  app.get('/assets/app.css', (c) =>
    c.body(stylesheet, 200, {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': 'public, max-age=3600',
    }),
  );
  app.get('/problems/:code', (c) => {
    const code = c.req.param('code') as ErrorCode;
    const type = problemTypes[code];
    if (!type) return c.notFound();
    return render(c, { title: type.title }, problemPage(code, type.title, type.status));
  });
  mountAccountPages(app);
  mountAuthPages(app);
  mountOrganizationPages(app);
  mountMemberPages(app);
  mountApiTokenPages(app);
  mountAchievementPages(app);
  mountIssuedCredentialPages(app);
  mountFrameworkPages(app);
  mountProjectPages(app);
  mountLearningPages(app);
  mountWalletPages(app);
  mountWalletImportPages(app);
  mountSharingPages(app);
  mountPortfolioPages(app);
  mountPathwayPages(app);
  mountRenewalPages(app);
  mountBulkAwardPages(app);
  mountClrPages(app);
  mountEndorsementPages(app);
  mountLtiLaunchPages(app);
  mountLtiPlatformPages(app);
  mountWebhookPages(app);
  mountOAuthConsentPages(app);
  mountOAuthAppPages(app);
  mountPolicyPages(app);
  mountVerifyPages(app);
  mountTrustRegistryPages(app);
  mountGoalPages(app);
  mountTalentProfilePages(app);
  mountTalentSearchPages(app);
  mountJobProfilePages(app);
  mountAnalyticsPages(app);
}
