import { Controller, Get, Header } from '@nestjs/common';
import { CORE_SCRIPT } from './client/core.script';
import { DEAD_LETTERS_SCRIPT } from './client/dead-letters.script';
import { TRACE_SCRIPT } from './client/trace.script';
import { CONSOLE_PAGE } from './console-page';
import { CONSOLE_STYLE } from './console-style';

/**
 * Only what this gateway serves, no inline script or style: what a page of an admin console must
 * not do is run anything injected into it. Its data calls go to the same origin's /graphql.
 */
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** One script in the order its parts depend on: core (gql, state) first, the page's start last. */
const SCRIPT = [CORE_SCRIPT, DEAD_LETTERS_SCRIPT, TRACE_SCRIPT].join('\n');

/**
 * The admin console (issue 12, item 5) at /admin: systemStatus live, dead letters with redrive
 * and discard, rebuilds, one order's trace as a waterfall. The page is static and public; every
 * figure on it comes from the admin-only GraphQL operations, with the token of an admin who signs
 * in on it (kept in the tab's sessionStorage only).
 */
@Controller('admin')
export class ConsoleController {
  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('content-security-policy', CSP)
  @Header('cache-control', 'no-store')
  page(): string {
    return CONSOLE_PAGE;
  }

  @Get('console.js')
  @Header('content-type', 'text/javascript; charset=utf-8')
  @Header('cache-control', 'no-store')
  script(): string {
    return SCRIPT;
  }

  @Get('console.css')
  @Header('content-type', 'text/css; charset=utf-8')
  @Header('cache-control', 'no-store')
  style(): string {
    return CONSOLE_STYLE;
  }
}
