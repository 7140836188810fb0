import type { EmulatorEngine } from '../emulator-engine.js';
import { EMULATED_NAME_SUFFIX, EMULATED_NOTE } from './wire-backtest.js';

const PROJECT_PAGE = /^\/project\/(\d+)(?:\/([0-9a-f]{32}))?\/?$/;

/**
 * The pages the emulator's project and backtest links open (`/project/<id>[/<backtestId>]`), in place
 * of QuantConnect's web pages: what the project holds and how its backtests ended, marked emulated.
 * Returns undefined for any other path.
 */
export function renderEmulatorPage(
  engine: EmulatorEngine,
  pathname: string,
): { status: number; html: string } | undefined {
  const match = pathname.match(PROJECT_PAGE);
  if (!match) return undefined;
  const projectId = Number(match[1]);
  const backtestId = match[2];
  const project = engine.projects.list().find((candidate) => candidate.projectId === projectId);
  if (!project) return { status: 404, html: page('Not found', `<p>There is no project ${projectId}.</p>`) };
  const views = engine.backtests
    .list(projectId)
    .filter((view) => backtestId === undefined || view.backtest.backtestId === backtestId);
  if (backtestId !== undefined && views.length === 0) {
    return { status: 404, html: page('Not found', `<p>There is no backtest ${escapeHtml(backtestId)}.</p>`) };
  }
  const files = [...project.files.keys()].map((name) => `<li>${escapeHtml(name)}</li>`).join('');
  const backtests = views
    .map(({ backtest, state }) => {
      const statistics =
        state.finished && backtest.outcome.kind === 'completed'
          ? Object.entries(backtest.outcome.statistics)
              .map(([key, value]) => `<tr><th>${escapeHtml(key)}</th><td>${escapeHtml(value)}</td></tr>`)
              .join('')
          : '';
      const error = state.error ? `<pre>${escapeHtml(state.error)}</pre>` : '';
      return `<h2>${escapeHtml(backtest.name + EMULATED_NAME_SUFFIX)}</h2><p>${escapeHtml(state.status)}</p>${error}<table>${statistics}</table>`;
    })
    .join('');
  return {
    status: 200,
    html: page(`${project.name} (emulated)`, `<h2>Files</h2><ul>${files}</ul>${backtests}`),
  };
}

function page(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1><p><strong>${escapeHtml(EMULATED_NOTE)}</strong></p>${body}</body></html>\n`;
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
