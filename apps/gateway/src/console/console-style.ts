/** The console's stylesheet, served as a file of its own: the page's CSP allows no inline style. */
export const CONSOLE_STYLE = `
body { font: 14px system-ui, sans-serif; margin: 0 1.5rem 2rem; color: #1d2330; }
header { display: flex; gap: 1rem; align-items: baseline; border-bottom: 1px solid #ccd; }
h1 { font-size: 1.3rem; } h2 { font-size: 1.05rem; margin-top: 1.5rem; } small { color: #667; font-weight: normal; }
table { border-collapse: collapse; min-width: 40rem; } th, td { text-align: left; padding: .25rem .6rem; border-bottom: 1px solid #e4e6ee; }
td.num { text-align: right; font-variant-numeric: tabular-nums; } tr.behind td { background: #fff4e0; } tr.dead td { background: #fde8e8; }
a { color: #2450b4; cursor: pointer; } .error { color: #b42424; } label { display: block; margin: .4rem 0; }
#trace .row { display: grid; grid-template-columns: 22rem 1fr 6rem; align-items: center; gap: .5rem; height: 1.5rem; }
#trace .lane { position: relative; height: 1rem; background: #f2f3f7; }
#trace .bar { position: absolute; top: 0; height: 1rem; min-width: 3px; border-radius: 2px; }
#trace .label { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.svc-gateway { background: #5b7bd5; } .svc-order { background: #d5895b; } .svc-user { background: #8a5bd5; }
.svc-payment { background: #3fa46a; } .svc-inventory { background: #c24d7a; } .svc-projections { background: #2a9db0; }
.svc-search { background: #b5a12a; } .svc-notifications { background: #7a8f3a; } .svc-analytics { background: #6d6d9e; } .svc-other { background: #888; }
`;
