/**
 * The admin console's page (issue 12, item 5): static, no framework, nothing from elsewhere. Its
 * data comes from the gateway's own GraphQL API with the admin's token, as any client's would, so
 * it shows nothing the API would not tell that admin.
 */
export const CONSOLE_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Commerce admin console</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/admin/console.css">
  <script defer src="/admin/console.js"></script>
</head>
<body>
  <header><h1>Commerce admin console</h1><span id="who"></span><button id="logout" hidden>Sign out</button></header>
  <form id="login">
    <h2>Sign in as an admin</h2>
    <label>Email <input name="email" type="email" autocomplete="username" required></label>
    <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
    <button type="submit">Sign in</button>
    <p class="error" id="login-error" role="alert"></p>
  </form>
  <main id="console" hidden>
    <p class="error" id="error" role="alert"></p>
    <section><h2>Consumer groups <small id="updated"></small></h2>
      <table id="groups"><thead><tr><th>group</th><th>lag</th><th>lag (s)</th><th>dead letters</th><th>members</th></tr></thead><tbody></tbody></table>
    </section>
    <section><h2>Relays</h2>
      <table id="relays"><thead><tr><th>event store</th><th>leader</th><th>unpublished</th></tr></thead><tbody></tbody></table>
    </section>
    <section><h2>Rebuilds</h2>
      <table id="rebuilds"><thead><tr><th>projection</th><th>state</th><th>progress</th><th>started</th></tr></thead><tbody></tbody></table>
    </section>
    <section id="dead-letters" hidden><h2>Dead letters of <span id="dl-group"></span></h2>
      <table id="dl"><thead><tr><th></th><th>id</th><th>when</th><th>error</th><th>attempts</th><th>event</th></tr></thead><tbody></tbody></table>
      <p><button id="redrive">Redrive selected</button>
        <input id="discard-reason" placeholder="reason to discard"> <button id="discard">Discard selected</button>
        <span id="dl-result" role="status"></span></p>
    </section>
    <section><h2>Trace</h2>
      <form id="trace-form"><input id="trace-id" placeholder="order id or correlation id" size="40"> <button type="submit">Show trace</button></form>
      <div id="trace"></div>
    </section>
  </main>
</body>
</html>
`;
