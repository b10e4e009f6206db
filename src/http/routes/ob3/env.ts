import type { OAuthPrincipal } from '../../../services/oauth/bearer.ts';
import type { HttpEnv } from '../../env.ts';

/** The OB 3.0 API's requests also carry the principal behind their access token. */
export type Ob3Env = {
  Variables: HttpEnv['Variables'] & { principal: OAuthPrincipal };
};
