import { csrfInput, errorSummary, type FieldErrors, field, selectField } from '../forms.ts';
import { type Html, html } from '../html.ts';

export function ltiRefusedPage(message: string): Html {
  return html`<h1>This launch from your course cannot be used</h1>
<div class="notice error" role="alert"><p>${message}</p></div>
<p>Nothing was changed. Open Skillmark again from the course; if this keeps happening, show this
message to the course's administrator.</p>`;
}

export type ResourceLaunchView = {
  platformName: string;
  lmsName: string | null;
  linked: boolean;
  launchId: string;
  placement: { achievementName: string; threshold: number } | null;
  publicUrl: string;
};

/** What a learner sees inside the course. */
export function ltiResourcePage(view: ResourceLaunchView): Html {
  const linkUrl = `${view.publicUrl}/lti/link/${view.launchId}`;
  return html`<h1>${view.placement ? view.placement.achievementName : 'Skillmark'}</h1>
${
  view.placement
    ? html`<p>Reach ${Math.round(view.placement.threshold * 100)}% in this course activity on
      ${view.platformName} and Skillmark issues you the signed <strong>${view.placement.achievementName}</strong>
      credential, yours to keep and share.</p>`
    : html`<p>This course is connected to Skillmark.</p>`
}
${
  view.linked
    ? html`<div class="notice success" role="status"><p>Your course account is linked to your Skillmark account: credentials you earn here land in your Skillmark wallet.</p></div>
      <p><a href="${view.publicUrl}/wallet" target="_blank" rel="noopener">Open your wallet</a> (new window)</p>`
    : html`<div class="notice" role="status"><p>Your course account${view.lmsName ? html` (${view.lmsName})` : ''} is not linked to a Skillmark account yet, so earned credentials cannot reach you.</p></div>
      <p><a class="button" href="${linkUrl}" target="_blank" rel="noopener">Link my Skillmark account</a> (opens a new window, where you sign in or create an account; the link is valid for an hour)</p>`
}`;
}

export type PickForm = { values?: Record<string, string>; message?: string; errors?: FieldErrors };

/** The instructor's choice of achievement during deep linking. */
export function ltiPickPage(
  launchId: string,
  platformName: string,
  achievements: Array<{ id: string; name: string }>,
  form: PickForm = {},
): Html {
  if (achievements.length === 0)
    return html`<h1>No achievements to place yet</h1>
<p>The Skillmark organization connected to ${platformName} has no active achievements. Create one in Skillmark, then add Skillmark to the course again.</p>`;
  return html`<h1>Place a Skillmark achievement in this course</h1>
${errorSummary(form.message, form.errors)}
<form method="post" action="/lti/deep-linking" class="stack">
  <input type="hidden" name="launch" value="${launchId}">
  ${selectField({
    name: 'achievementId',
    label: 'Achievement',
    value: form.values?.achievementId ?? achievements[0]!.id,
    choices: achievements.map((a) => [a.id, a.name] as const),
    errors: form.errors,
  })}
  ${field({
    name: 'thresholdPercent',
    label: 'Passing score (percent of the maximum)',
    type: 'number',
    value: form.values?.thresholdPercent ?? '80',
    hint: 'Learners whose grade for this activity reaches it receive the credential, once.',
    required: true,
    errors: form.errors,
  })}
  <button type="submit">Add to course</button>
</form>`;
}

/**
 * Posts the signed deep linking response back to the LMS. The button works without JavaScript;
 * the script (same origin, allowed by the page's policy) only saves the click.
 */
export function ltiReturnPage(returnUrl: string, jwt: string, achievementName: string): Html {
  return html`<h1>Adding ${achievementName} to the course</h1>
<form id="lti-autopost" method="post" action="${returnUrl}">
  <input type="hidden" name="JWT" value="${jwt}">
  <button type="submit">Return to the course</button>
</form>
<script src="/lti/autopost.js" defer></script>`;
}

export function ltiLinkPage(
  launchId: string,
  platformName: string,
  lmsName: string | null,
  csrfToken: string | undefined,
  notice?: string,
): Html {
  if (notice)
    return html`<h1>Accounts linked</h1><div class="notice success" role="status"><p>${notice}</p></div>
<p>You can close this window and return to the course.</p>`;
  return html`<h1>Link your course account</h1>
<p>Link the ${platformName} user${lmsName ? html` <strong>${lmsName}</strong>` : ''} to the Skillmark account you are signed in with? Credentials earned in that course will then be issued to you.</p>
<form method="post" action="/lti/link/${launchId}">
  ${csrfInput(csrfToken)}
  <button type="submit">Link accounts</button>
</form>`;
}
