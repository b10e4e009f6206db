import type { Api } from '../../http/env.ts';
import {
  contactAddressChoices,
  getTalentProfile,
  listTalentProfileViews,
  setTalentProfile,
} from '../../services/talent-search/consent.ts';
import { listWallet } from '../../services/wallet/wallet.ts';
import { type TalentProfileState, talentProfilePage } from '../pages/talent-profile.ts';
import {
  csrfTokenOf,
  formExpired,
  formFailure,
  formIsTrusted,
  render,
  signInFirst,
  type WebContext,
} from '../render.ts';

async function show(
  c: WebContext,
  accountId: string,
  state: TalentProfileState = {},
  status: 200 | 400 | 403 = 200,
) {
  const ctx = c.get('ctx');
  const actor = c.get('actor');
  const [profile, credentials, emails, views] = await Promise.all([
    getTalentProfile(ctx, actor, accountId),
    listWallet(ctx, actor),
    contactAddressChoices(ctx, actor, accountId),
    listTalentProfileViews(ctx, actor, accountId),
  ]);
  c.header('Cache-Control', 'no-store');
  return render(
    c,
    { title: 'Be found by employers', section: 'wallet' },
    talentProfilePage(profile, credentials, emails, views, csrfTokenOf(c), state),
    status,
  );
}

/** The learner's talent-search consent page (`/talent-profile`). */
export function mountTalentProfilePages(app: Api) {
  app.get('/talent-profile', async (c) => {
    const actor = c.get('actor');
    if (actor.kind !== 'account') return signInFirst(c);
    return show(c, actor.accountId, c.req.query('saved') ? { notice: 'Saved.' } : {});
  });

  app.post('/talent-profile', async (c) => {
    const actor = c.get('actor');
    if (actor.kind !== 'account') return signInFirst(c);
    const body = await c.req.parseBody({ all: true });
    const text = (key: string) =>
      typeof body[key] === 'string' ? (body[key] as string).trim() : '';
    const list = (key: string) =>
      (Array.isArray(body[key]) ? body[key] : [body[key]]).filter(
        (v): v is string => typeof v === 'string' && v !== '',
      );
    if (!formIsTrusted(c, { _csrf: text('_csrf') })) return formExpired(c);
    const tooLong = {
      ...(text('headline').length > 200 ? { headline: 'Headline: at most 200 characters' } : {}),
      ...(text('location').length > 120 ? { location: 'Location: at most 120 characters' } : {}),
    };
    if (Object.keys(tooLong).length > 0)
      return show(
        c,
        actor.accountId,
        { message: 'Please shorten these fields.', errors: tooLong },
        400,
      );
    try {
      await setTalentProfile(c.get('ctx'), actor, actor.accountId, {
        optedIn: text('optedIn') === 'on',
        showName: text('showName') === 'on',
        headline: text('headline') || null,
        location: text('location') || null,
        showHeadline: text('showHeadline') === 'on',
        contactEmail: text('contactEmail') || null,
        showEmail: text('showEmail') === 'on',
        hiddenIssuers: list('hiddenIssuers'),
        hiddenCredentials: list('hiddenCredentials'),
      });
      return c.redirect('/talent-profile?saved=1', 303);
    } catch (error) {
      const failure = formFailure(error);
      return show(
        c,
        actor.accountId,
        { message: failure.message, errors: failure.errors },
        failure.status === 403 ? 403 : 400,
      );
    }
  });
}
