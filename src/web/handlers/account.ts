import type { Api } from '../../http/env.ts';
import { getAccount } from '../../services/accounts.ts';
import { accountPage } from '../pages/account.ts';
import { homePage } from '../pages/home.ts';
import { render } from '../render.ts';
import { accountSections } from './wallet.ts';

export function mountAccountPages(app: Api) {
  app.get('/', (c) =>
    render(c, { title: 'Home', section: 'home' }, homePage(c.get('actor').kind === 'account')),
  );
  app.get('/account', async (c) => {
    const actor = c.get('actor');
    if (actor.kind !== 'account') return c.redirect('/sign-in?next=/account', 303);
    const account = await getAccount(c.get('ctx'), actor, actor.accountId);
    c.header('Cache-Control', 'no-store');
    return render(
      c,
      { title: 'Account', section: 'account' },
      accountPage(account, await accountSections(c)),
    );
  });
}
