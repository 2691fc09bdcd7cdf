/** The console's script, part 2: one group's dead letters, with redrive and discard of the selected ones. */
export const DEAD_LETTERS_SCRIPT = String.raw`
const DEAD_LETTERS = 'query D($g: String!) { deadLetters(group: $g, first: 100) { totalCount edges { node { id deadLetteredAt errorCode errorMessage attempts topic event { type eventId } } } } }';

async function openDeadLetters(group) {
  $('#dead-letters').hidden = false;
  $('#dl-group').textContent = group;
  $('#dead-letters').dataset.group = group;
  $('#dl-result').textContent = '';
  try {
    const { deadLetters } = await gql(DEAD_LETTERS, { g: group });
    $('#dl tbody').replaceChildren(...deadLetters.edges.map(({ node: d }) => {
      const row = el('tr', {},
        el('td', {}, el('input', { type: 'checkbox', value: d.id })), el('td', { textContent: d.id }),
        el('td', { textContent: new Date(d.deadLetteredAt).toLocaleString() }), el('td', { textContent: d.errorCode + ': ' + d.errorMessage, title: d.topic }),
        el('td', { className: 'num', textContent: String(d.attempts) }), el('td', { textContent: d.event ? d.event.type + ' ' + d.event.eventId : '(not an event)' }));
      row.dataset.id = d.id;
      return row;
    }));
  } catch (error) {
    showError(error);
  }
}

const selected = () => [...document.querySelectorAll('#dl tbody input:checked')].map((box) => box.value);

async function settle(mutation, field, variables) {
  const group = $('#dead-letters').dataset.group;
  const ids = selected();
  if (!ids.length) return ($('#dl-result').textContent = 'select dead letters first');
  try {
    const data = await gql(mutation, { g: group, ids, ...variables });
    await openDeadLetters(group);
    $('#dl-result').textContent = field + ': ' + data[field + 'DeadLetters'] + ' of ' + ids.length;
    refresh();
  } catch (error) {
    $('#dl-result').textContent = error.message;
  }
}

$('#redrive').addEventListener('click', () => settle('mutation R($g: String!, $ids: [ID!]!) { redriveDeadLetters(group: $g, ids: $ids) }', 'redrive', {}));
$('#discard').addEventListener('click', () => {
  const reason = $('#discard-reason').value.trim();
  if (!reason) return ($('#dl-result').textContent = 'a discard needs a reason');
  settle('mutation D($g: String!, $ids: [ID!]!, $r: String!) { discardDeadLetters(group: $g, ids: $ids, reason: $r) }', 'discard', { r: reason });
});
`;
