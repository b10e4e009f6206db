import type { Api } from '../../env.ts';
import { mountApproveRenewal } from './approve-renewal.ts';
import { mountListRenewals } from './list-renewals.ts';
import { mountRequestRenewal } from './request-renewal.ts';

/** Expiry and recertification (issue 6 item 4). */
export function mountRenewalRoutes(app: Api) {
  mountListRenewals(app);
  mountRequestRenewal(app);
  mountApproveRenewal(app);
}
