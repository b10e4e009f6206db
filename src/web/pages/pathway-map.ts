/**
 * `/pathways/:id`: a learner's map of a pathway as a nested list (no script needed): what is
 * met, what is next, what is no longer needed, each step's workload, and the percentage.
 */
import type { NodeResult, Workload } from '../../domain/pathways/evaluate.ts';
import type { PathwayMap } from '../../services/pathways/progress.ts';
import { type Html, html } from '../html.ts';

const statusWords: Record<NodeResult['status'], string> = {
  met: 'Met',
  next: 'Still to do',
  optional: 'Not needed',
};

export function workloadText(workload: Workload | undefined): string {
  if (!workload) return '';
  const parts = [
    workload.ects !== undefined ? `${workload.ects} ECTS` : '',
    workload.hours !== undefined ? `${workload.hours} hours` : '',
  ].filter(Boolean);
  return parts.join(' · ');
}

function node(result: NodeResult): Html {
  const workload = workloadText(result.workload);
  const groupProgress =
    result.children && !result.met
      ? html` <span class="hint">(${Math.floor(result.progress * 100)}% done${result.target?.ects !== undefined ? html`, ${result.earnedEcts} of ${result.target.ects} ECTS` : ''})</span>`
      : '';
  return html`<li class="pathway-step pathway-${result.status}">
  <span class="status ${result.status === 'met' ? 'status-active' : result.status === 'next' ? 'status-suspended' : ''}">${statusWords[result.status]}:</span>
  <strong>${result.label}</strong>${workload ? html` <span class="hint">(workload ${workload})</span>` : ''}${groupProgress}
  ${result.children ? html`<ul>${result.children.map(node)}</ul>` : ''}
</li>`;
}

export function pathwayMapPage(map: PathwayMap): Html {
  const counted = map.counted;
  return html`<h1>${map.pathway.title}</h1>
${map.pathway.description ? html`<p class="lead">${map.pathway.description}</p>` : ''}
<section aria-labelledby="progress-heading">
<h2 id="progress-heading">Your progress</h2>
<p><label for="pathway-progress">Requirements met</label>:
<progress id="pathway-progress" max="100" value="${map.percentage}">${map.percentage}%</progress>
<strong id="pathway-percentage">${map.percentage}%</strong></p>
${
  map.completion
    ? html`<div class="notice success" role="status"><p><strong>Completed.</strong> Your credential for this pathway has been issued${map.completion.credentialUrl ? html`: <a href="${map.completion.credentialUrl}">view it</a>` : ''}.</p></div>`
    : ''
}
</section>
<section aria-labelledby="next-heading">
<h2 id="next-heading">What is next</h2>
${
  map.remaining.length > 0
    ? html`<ul>${map.remaining.map((r) => {
        const workload = workloadText(r.workload);
        return html`<li>${r.label}${workload ? html` <span class="hint">(workload ${workload})</span>` : ''}</li>`;
      })}</ul>`
    : html`<p>Nothing: every requirement is met.</p>`
}
</section>
<section aria-labelledby="have-heading">
<h2 id="have-heading">What you have that counts</h2>
${
  counted.length > 0
    ? html`<ul>${counted.map(
        (c) =>
          html`<li>${c.achievementName ?? 'Credential'}${c.external ? html` <span class="hint">(recognized from ${c.external.issuerId})</span>` : ''}</li>`,
      )}</ul>`
    : html`<p>Nothing yet.</p>`
}
</section>
<section aria-labelledby="map-heading">
<h2 id="map-heading">All requirements</h2>
<ul class="pathway-tree">${node(map.root)}</ul>
</section>`;
}
