import type { MasteryState } from '../../domain/learning/mastery.ts';
import type { LearnerProgress } from '../../services/learning/progress.ts';
import { type Html, html } from '../html.ts';

const stateLabel: Record<MasteryState, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  mastered: 'Mastered',
};

const percent = (score: number | null | undefined) =>
  score === null || score === undefined ? '–' : `${Math.round(score * 100)}%`;

function ruleText(rule: LearnerProgress['achievements'][number]['competencies'][number]['rule']) {
  const bars = [
    rule.cutScore !== undefined ? `a score of ${percent(rule.cutScore)}` : '',
    rule.minimumLevel !== undefined ? `rubric level ${rule.minimumLevel}` : '',
  ].filter(Boolean);
  const pieces = rule.evidenceCount > 1 ? ` in ${rule.evidenceCount} different assessments` : '';
  return `${bars.join(' or ')}${pieces}`;
}

const assessmentHref = (a: { id: string; kind: string }) =>
  a.kind === 'quiz' ? `/assessments/${a.id}` : `/assessments/${a.id}/submit`;

/** The learner dashboard: progress per credential and competency, the next step, a modest streak. */
export function learningDashboardPage(progress: LearnerProgress): Html {
  const inProgress = progress.achievements.filter((a) => a.started && !a.earned);
  const earned = progress.achievements.filter((a) => a.earned);
  const available = progress.achievements.filter((a) => !a.started && !a.earned);
  const { milestones } = progress;
  return html`<h1>My learning</h1>
<p class="lead">Learn at your own pace: each credential lists the competencies it certifies. Show each one in an assessment, and the credential is issued as soon as all are mastered.</p>
<p>Where do you want to go? <a href="/goals">Set a career goal</a> and see the micro-credentials that close your skill gap.</p>
<p>Peer-reviewed tasks ask you to review other learners' work too: see <a href="/peer-reviews">your peer reviews</a>.</p>
<section aria-labelledby="milestones-heading" class="card">
  <h2 id="milestones-heading">Your milestones</h2>
  <ul>
    <li>${milestones.competenciesMastered} ${milestones.competenciesMastered === 1 ? 'competency' : 'competencies'} mastered</li>
    <li>${milestones.credentialsEarned} ${milestones.credentialsEarned === 1 ? 'credential' : 'credentials'} earned</li>
    ${progress.streakDays > 1 ? html`<li>Active ${progress.streakDays} days in a row</li>` : ''}
  </ul>
</section>
${section('in-progress-heading', 'In progress', inProgress, 'Nothing in progress yet: pick a credential below and take its first assessment.')}
${section('available-heading', 'Credentials you can earn', available, 'No credentials with published criteria yet.')}
${section('earned-heading', 'Earned', earned, 'None yet.')}`;
}

function section(
  id: string,
  title: string,
  achievements: LearnerProgress['achievements'],
  empty: string,
): Html {
  return html`<section aria-labelledby="${id}">
  <h2 id="${id}">${title}</h2>
  ${achievements.length === 0 ? html`<p>${empty}</p>` : html`<div class="cards">${achievements.map(achievementCard)}</div>`}
</section>`;
}

function achievementCard(a: LearnerProgress['achievements'][number]): Html {
  const headingId = `achievement-${a.id}`;
  return html`<article class="card" aria-labelledby="${headingId}">
  <h3 id="${headingId}">${a.name}</h3>
  <p class="hint">${a.organization.name} · ${a.mastered} of ${a.total} competencies mastered</p>
  <progress max="${a.total}" value="${a.mastered}" aria-label="${a.mastered} of ${a.total} competencies mastered">${a.mastered} of ${a.total}</progress>
  ${
    a.earned
      ? html`<p><strong>Earned</strong> on ${a.earned.issuedAt.slice(0, 10)}. <a href="/credentials/${a.earned.credentialId}">View your credential</a></p>`
      : a.nextStep
        ? html`<p><strong>Next step:</strong> <a href="${assessmentHref(a.nextStep)}">${a.nextStep.title}</a></p>`
        : ''
  }
  <div class="table-wrap"><table>
    <caption class="visually-hidden">Competencies of ${a.name}</caption>
    <thead><tr><th scope="col">Competency</th><th scope="col">State</th><th scope="col">Best score</th><th scope="col">What it takes</th><th scope="col">Remaining</th></tr></thead>
    <tbody>${a.competencies.map(
      (c) => html`<tr>
        <td>${c.statement}${c.attribution ? html`<br><span class="hint">${c.attribution}</span>` : ''}</td>
        <td><span class="status status-${c.state}">${stateLabel[c.state]}</span></td>
        <td>${percent(c.bestScore)}</td>
        <td>${ruleText(c.rule)}</td>
        <td>${
          c.state === 'mastered'
            ? 'Nothing'
            : c.remaining.assessments.length > 0
              ? html`${c.remaining.assessments.map((r, i) => html`${i > 0 ? ', ' : ''}<a href="${assessmentHref(r)}">${r.title}</a>`)}`
              : `${c.remaining.pieces} more`
        }</td>
      </tr>`,
    )}</tbody>
  </table></div>
</article>`;
}
