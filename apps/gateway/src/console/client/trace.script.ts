/**
 * The console's script, part 3: one order's trace as a waterfall, each node a bar on a shared
 * time axis, coloured by service. An order id is looked up in the event log for its correlation.
 */
export const TRACE_SCRIPT = String.raw`
const TRACE = 'query T($c: ID!) { trace(correlationId: $c) { correlationId totalMs nodes { id kind name service causationId at latencyMs } } }';
const ORDER_EVENTS = 'query E($s: String!) { events(streamId: $s) { metadata } }';
const SERVICES = ['gateway', 'order', 'user', 'payment', 'inventory', 'projections', 'search', 'notifications', 'analytics'];

async function correlationOf(id) {
  try {
    const { events } = await gql(ORDER_EVENTS, { s: 'order-' + id });
    if (events.length && events[0].metadata && events[0].metadata.correlationId) return events[0].metadata.correlationId;
  } catch (error) {
    // not an order's id: taken as a correlation id below
  }
  return id;
}

function drawTrace({ correlationId, totalMs, nodes }) {
  const box = $('#trace');
  if (!nodes.length) return box.replaceChildren(el('p', { textContent: 'nothing recorded for ' + correlationId }));
  const start = Math.min(...nodes.map((n) => Date.parse(n.at)));
  const span = Math.max(totalMs, 1);
  const depth = new Map();
  for (const n of nodes) depth.set(n.id, n.causationId && depth.has(n.causationId) ? depth.get(n.causationId) + 1 : 0);
  box.replaceChildren(
    el('p', { textContent: 'correlation ' + correlationId + ': ' + nodes.length + ' steps in ' + totalMs.toFixed(1) + ' ms' }),
    ...nodes.map((n) => {
      const offset = Date.parse(n.at) - start;
      const width = n.latencyMs == null ? 0 : n.latencyMs;
      const service = SERVICES.find((s) => n.service.startsWith(s)) || 'other';
      const bar = el('div', { className: 'bar svc-' + service, title: n.service + ' ' + n.kind + ' ' + n.name + (n.latencyMs == null ? '' : ', ' + n.latencyMs.toFixed(1) + ' ms after its cause') });
      bar.style.left = ((offset - width) / span) * 100 + '%';
      bar.style.width = (width / span) * 100 + '%';
      const row = el('div', { className: 'row' },
        el('span', { className: 'label', textContent: '\u00a0'.repeat(2 * depth.get(n.id)) + n.service + ' \u00b7 ' + n.kind.toLowerCase() + ' ' + n.name }),
        el('div', { className: 'lane' }, bar), el('span', { className: 'num', textContent: '+' + offset.toFixed(1) + ' ms' }));
      row.dataset.kind = n.kind;
      return row;
    }));
}

$('#trace-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const correlationId = await correlationOf($('#trace-id').value.trim());
    drawTrace((await gql(TRACE, { c: correlationId })).trace);
  } catch (error) {
    showError(error);
  }
});

if (state.token) signedIn('');
`;
