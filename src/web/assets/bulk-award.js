// Progressive enhancement of a running bulk award's page: the counts update in place. Without
// JavaScript the page refreshes itself (a <noscript> meta refresh) and shows the same figures.
const section = document.querySelector('[data-bulk-award]');

function show(name, value) {
  const element = section.querySelector(`[data-field="${name}"]`);
  if (element) element.textContent = String(value);
}

async function tick() {
  try {
    const response = await fetch(`/api/v1/bulk-awards/${section.dataset.bulkAward}`, {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
    if (!response.ok) throw new Error(String(response.status));
    const job = await response.json();
    const done = job.counts.issued + job.counts.failed;
    const bar = section.querySelector('[data-field="progress"]');
    bar.max = job.counts.accepted;
    bar.value = done;
    bar.textContent = `${done} of ${job.counts.accepted}`;
    show('issued', job.counts.issued);
    show('pending', job.counts.pending);
    show('failed', job.counts.failed);
    // The finished page lists failures and offers the retry: load it once.
    if (job.status !== 'running') return window.location.reload();
    show('summary', `Issuing: ${done} of ${job.counts.accepted} done.`);
    setTimeout(tick, 1500);
  } catch {
    setTimeout(tick, 5000);
  }
}

if (section?.dataset.status === 'running') setTimeout(tick, 1500);
