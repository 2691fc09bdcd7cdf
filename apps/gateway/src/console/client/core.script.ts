/**
 * The console's script, part 1: sign-in, the GraphQL call every part uses, and systemStatus
 * refreshed 2 s after each answer. Plain browser JavaScript kept as text (the gateway's TypeScript has no DOM
 * types, and a build step for one page is not worth having); the browser test runs all of it.
 */
export const CORE_SCRIPT = String.raw`
const $ = (selector) => document.querySelector(selector);
const el = (tag, attrs = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), attrs);
  node.append(...children);
  return node;
};
const state = { token: sessionStorage.getItem('commerce-admin-token'), timer: null, session: 0 };

async function gql(query, variables = {}) {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(state.token ? { authorization: 'Bearer ' + state.token } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors && body.errors.length) {
    const [first] = body.errors;
    const error = new Error(first.message);
    error.code = first.extensions && first.extensions.code;
    throw error;
  }
  return body.data;
}

function showError(error) {
  $('#error').textContent = error ? (error.code ? error.code + ': ' : '') + error.message : '';
  if (error && (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN')) signOut(error.message);
}

const STATUS = '{ systemStatus { groups { group lag lagSeconds deadLetters members } relays { schema leader lag } rebuilds { id projection state processed total startedAt } } }';

function renderStatus({ groups, relays, rebuilds }) {
  $('#groups tbody').replaceChildren(...groups.map((g) => {
    const dead = g.deadLetters > 0 ? el('a', { textContent: String(g.deadLetters), onclick: () => openDeadLetters(g.group) }) : '0';
    const row = el('tr', { className: g.deadLetters > 0 ? 'dead' : g.lag > 0 ? 'behind' : '' },
      el('td', { textContent: g.group }), el('td', { className: 'num', textContent: String(g.lag) }),
      el('td', { className: 'num', textContent: g.lagSeconds.toFixed(1) }), el('td', { className: 'num' }, dead), el('td', { className: 'num', textContent: String(g.members) }));
    row.dataset.group = g.group;
    return row;
  }));
  $('#relays tbody').replaceChildren(...relays.map((r) => el('tr', {}, el('td', { textContent: r.schema }), el('td', { textContent: r.leader || '(none)' }), el('td', { className: 'num', textContent: String(r.lag) }))));
  $('#rebuilds tbody').replaceChildren(...(rebuilds.length ? rebuilds.map((j) => el('tr', {},
    el('td', { textContent: j.projection }), el('td', { textContent: j.state }),
    el('td', { className: 'num', textContent: j.processed + (j.total ? ' / ' + j.total : '') }), el('td', { textContent: new Date(j.startedAt).toLocaleTimeString() })))
    : [el('tr', {}, el('td', { colSpan: 4, textContent: 'no rebuilds yet' }))]));
  $('#updated').textContent = 'updated ' + new Date().toLocaleTimeString();
}

async function refresh() {
  try {
    renderStatus((await gql(STATUS)).systemStatus);
    showError(null);
  } catch (error) {
    showError(error);
  }
}

function signedIn(email) {
  $('#login').hidden = true;
  $('#console').hidden = false;
  $('#logout').hidden = false;
  $('#who').textContent = email || '';
  poll(++state.session);
}

// The next refresh 2 s after the last one answered, never on top of it: a slow answer (a broker
// under load) must not pile requests up. A sign-out (or a new sign-in) ends the old session's loop.
async function poll(session) {
  await refresh();
  if (state.token && session === state.session) state.timer = setTimeout(() => poll(session), 2000);
}

function signOut(why) {
  clearTimeout(state.timer);
  state.session++;
  state.token = null;
  sessionStorage.removeItem('commerce-admin-token');
  $('#console').hidden = true;
  $('#logout').hidden = true;
  $('#login').hidden = false;
  $('#login-error').textContent = why || '';
}

$('#login').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  try {
    const { login } = await gql('mutation L($e: String!, $p: String!) { login(email: $e, password: $p) { token user { role } } }', { e: form.get('email'), p: form.get('password') });
    if (login.user.role !== 'ADMIN') return signOut('this console is for admins');
    state.token = login.token;
    sessionStorage.setItem('commerce-admin-token', login.token);
    signedIn(form.get('email'));
  } catch (error) {
    $('#login-error').textContent = error.message;
  }
});
$('#logout').addEventListener('click', () => signOut(''));
`;
