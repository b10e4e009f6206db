import type { Api } from '../../env.ts';
import { mountBulkAwardOperations } from './bulk-award-operations.ts';
import { mountCreateBulkAward } from './create-bulk-award.ts';

/** Bulk awards (issue 9): award lists validated, then issued as durable jobs. */
export function mountBulkAwardRoutes(app: Api) {
  mountCreateBulkAward(app);
  mountBulkAwardOperations(app);
}
