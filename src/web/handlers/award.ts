import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { resultDescriptionId } from '../../credentials/index.ts';
import type { AchievementInput } from '../../domain/achievement.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { can } from '../../domain/policy.ts';
import type { Api } from '../../http/env.ts';
import { emailSchema } from '../../http/schemas.ts';
import {
  type AwardInput,
  achievementUrl,
  awardAchievement,
  requireAchievement,
} from '../../services/achievements.ts';
import { endorsementsOfAchievementAndIssuer } from '../../services/endorsements/list.ts';
import { getIssuerProfile } from '../../services/issuers/issuer-profile.ts';
import { getOrganization } from '../../services/organizations.ts';
import { type AwardState, achievementPage, achievementPagePath } from '../pages/achievements.ts';
import {
  csrfTokenOf,
  fieldErrorsOf,
  formExpired,
  formFailure,
  formIsTrusted,
  readForm,
  render,
  type WebContext,
  withoutBlanks,
} from '../render.ts';

type Organization = Awaited<ReturnType<typeof getOrganization>>;
type Achievement = Awaited<ReturnType<typeof requireAchievement>>;

const didPattern = /^did:[a-z0-9]+:\S+$/;

const awardForm = z.object({
  recipient: z
    .string()
    .trim()
    .min(1, { message: 'is required: an email address or a DID' })
    .pipe(
      z.union([emailSchema, z.string().regex(didPattern)], {
        message: 'must be an email address like name@example.org or a DID like did:key:z6Mk…',
      }),
    ),
  narrative: z.string().trim().max(5000).optional(),
  evidenceUrl: z.url({ protocol: /^https?$/, message: 'must be a full http(s) URL' }).optional(),
  resultValue: z.string().trim().max(200).optional(),
  resultDescription: z.coerce.number().int().min(0).optional(),
  suspendable: z.literal('yes').optional(),
});

type AwardForm = z.infer<typeof awardForm>;

/** The achievement at `:id`, when it belongs to the organization at `:slug`. */
export async function organizationAchievement(c: WebContext) {
  const ctx = c.get('ctx');
  const organization = await getOrganization(ctx, c.req.param('slug')!);
  const row = await requireAchievement(ctx, c.req.param('id')!);
  if (row.organizationId !== organization.id)
    throw new NotFoundError('There is no achievement with this id in this organization.');
  return { organization, row };
}

/** The form's fields as the award service's input. */
function awardInputOf(form: AwardForm, achievementId: string, publicUrl: string): AwardInput {
  const value = form.resultValue;
  return {
    recipient: didPattern.test(form.recipient)
      ? { did: form.recipient }
      : { email: form.recipient },
    narrative: form.narrative,
    evidence: form.evidenceUrl ? [{ id: form.evidenceUrl, name: 'Evidence' }] : undefined,
    results: value
      ? [
          {
            value,
            resultDescription:
              form.resultDescription !== undefined
                ? resultDescriptionId(
                    achievementUrl(publicUrl, achievementId),
                    form.resultDescription,
                  )
                : undefined,
          },
        ]
      : undefined,
    statusPurpose: form.suspendable ? 'suspension' : undefined,
  };
}

/** The human page of an achievement, with the award form for people who may issue. */
export async function showAchievement(
  c: WebContext,
  organization: Organization,
  row: Achievement,
  award: AwardState & { notice?: string } = {},
  status: ContentfulStatusCode = 200,
) {
  const ctx = c.get('ctx');
  const actor = c.get('actor');
  const profile = await getIssuerProfile(ctx, organization.slug);
  const definition = row.definition as AchievementInput;
  const model = {
    organization,
    achievement: {
      id: row.id,
      definition,
      archived: row.archivedAt !== null,
      documentUrl: achievementUrl(ctx.publicUrl, row.id),
    },
    issuer: {
      id: String(profile.id),
      name: organization.name,
      url: organization.url ?? undefined,
    },
    access: {
      canManage: can(actor, { action: 'achievement:manage', organizationId: organization.id }),
      canIssue: can(actor, { action: 'credential:issue', organizationId: organization.id }),
      csrfToken: csrfTokenOf(c),
    },
    endorsements: await endorsementsOfAchievementAndIssuer(ctx, row.id, organization.id),
  };
  // A page that shows who was just awarded is not for shared caches.
  if (award.issuedPath) c.header('Cache-Control', 'no-store');
  return render(
    c,
    { title: definition.name, section: 'organizations' },
    achievementPage(model, award),
    status,
  );
}

export function mountAwardForm(app: Api) {
  app.post('/organizations/:slug/achievements/:id/award', async (c) => {
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    const actor = c.get('actor');
    if (actor.kind === 'anonymous') {
      const page = achievementPagePath(c.req.param('slug'), c.req.param('id'));
      return c.redirect(`/sign-in?next=${encodeURIComponent(page)}`, 303);
    }
    const { organization, row } = await organizationAchievement(c);
    if (!can(actor, { action: 'credential:issue', organizationId: organization.id }))
      return showAchievement(
        c,
        organization,
        row,
        { message: 'Only owners and issuers of this organization award its achievements.' },
        403,
      );
    const parsed = awardForm.safeParse(
      withoutBlanks(form, [
        'recipient',
        'narrative',
        'evidenceUrl',
        'resultValue',
        'resultDescription',
        'suspendable',
      ]),
    );
    if (!parsed.success)
      return showAchievement(
        c,
        organization,
        row,
        { values: form, errors: fieldErrorsOf(parsed.error) },
        400,
      );
    try {
      const issued = await awardAchievement(
        c.get('ctx'),
        actor,
        row.id,
        awardInputOf(parsed.data, row.id, c.get('ctx').publicUrl),
      );
      return showAchievement(
        c,
        organization,
        row,
        { issuedPath: `/credentials/${issued.id}` },
        201,
      );
    } catch (error) {
      const failure = formFailure(error);
      return showAchievement(
        c,
        organization,
        row,
        { values: form, message: failure.message, errors: failure.errors },
        failure.status,
      );
    }
  });
}
