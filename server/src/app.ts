// Builds the Koa app from a runtime, without listening: what main.ts serves and what the tests boot.
import bodyParser from '@koa/bodyparser';
import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import Koa from 'koa';
import compress from 'koa-compress';
import path from 'node:path';
import zlib from 'node:zlib';
import { errorHandler } from './http/error-handler';
import { PlatformErrors } from './kernel/errors';
import { buildOpenApiDocument } from './http/openapi';
import { clientIp, requestContext } from './http/request-context';
import { mountRoute, shortCircuits, type RouteSpec } from './http/route';
import { RouteTable } from './http/route-table';
import { securityHeaders } from './http/security-headers';
import { refusePathTraversal, staticSites, type SiteDirs } from './http/static';
import { MODULES } from './compose-modules';
import { assembleModules, type AnyModule, type AssembledModules } from './kit/registry';
import { alipaySimulator } from './platform/sandbox/alipay-simulator';
import { sandboxControlRoutes } from './http/sandbox-controls';
import { wechatSimulator } from './platform/sandbox/wechat-simulator';
import type { Runtime } from './platform/runtime';
import { REPO_ROOT } from './platform/repo-paths';

export { REPO_ROOT };

const ROBOTS_TXT = [
  'User-agent: *',
  'Disallow: /admin/',
  'Disallow: /api/',
  'Disallow: /sandbox/',
  'Allow: /',
  '',
].join('\n');

export interface BuiltApp {
  app: Koa;
  openapi: () => unknown;
  modules: AssembledModules;
}

const CLIENT_GONE = new Set(['ERR_STREAM_PREMATURE_CLOSE', 'ECONNRESET', 'EPIPE', 'ECONNABORTED']);

export interface BuildOptions {
  /** where the built front-ends are (default: the repository's admin/dist and miniapp/dist/h5) */
  sites?: Partial<Pick<SiteDirs, 'h5Dir' | 'adminDir'>>;
}

/** Registers every module's routes and jobs on the runtime, and returns the HTTP app. */
export function buildApp(rt: Runtime, modules: readonly AnyModule[] = MODULES, opts: BuildOptions = {}): BuiltApp {
  // Forwarded headers are never trusted wholesale (`proxy: false`): `clientIp` reads X-Forwarded-For only from
  // the configured TRUSTED_PROXIES.
  const app = new Koa({ proxy: false });
  app.on('error', (err: NodeJS.ErrnoException) => {
    // A client that goes away mid-download (a closed tab, a cancelled image) is not a server fault: Koa's default
    // handler printed every one of them to stderr as "Premature close".
    if (CLIENT_GONE.has(err.code ?? '')) rt.logger.debug({ err }, 'client closed the connection');
    else rt.logger.error({ err }, 'response failed');
  });
  const sites: SiteDirs = {
    h5Dir: opts.sites?.h5Dir ?? path.join(REPO_ROOT, 'miniapp/dist/h5'),
    adminDir: opts.sites?.adminDir ?? path.join(REPO_ROOT, 'admin/dist'),
    uploadsDir: path.join(rt.config.dataDir, 'uploads'),
  };
  const table = new RouteTable();
  const registry = new OpenAPIRegistry();

  const assembled = assembleModules(rt, modules);
  const routes: RouteSpec[] = [...assembled.routes];
  if (rt.config.sandbox) routes.push(...sandboxControlRoutes({ clock: rt.clock, scheduler: rt.scheduler }));
  for (const job of assembled.jobs) if (!rt.scheduler.has(job.name)) rt.scheduler.register(job);

  const mountDeps = {
    tokens: rt.tokens,
    // every admin request is judged on the operator as they are now (http/route.ts `authenticate`)
    operatorStates: (operatorId: number) => assembled.api('identity').operatorState(operatorId),
    rateLimits: rt.rateLimits,
    responseChecks: rt.config.responseChecks,
    minPerIpPerMinute: rt.config.sandbox ? 600 : 0,
  };
  for (const spec of routes) mountRoute(table.routerFor(spec.path), registry, spec, mountDeps);

  // Crawlers: the shop's home may be indexed, the admin, the API and the sandbox not. (Without this route the
  // shop's SPA fallback answered /robots.txt with its index.html.)
  table.routerFor('/robots.txt').get('/robots.txt', (ctx) => {
    ctx.type = 'text/plain; charset=utf-8';
    ctx.set('Cache-Control', 'public, max-age=3600');
    ctx.body = ROBOTS_TXT;
  });
  const healthy = JSON.stringify({ status: 'ok' });
  table.routerFor('/healthz').get('/healthz', (ctx) => {
    ctx.type = 'application/json';
    ctx.body = healthy;
  });
  table.routerFor('/readyz').get('/readyz', async (ctx) => {
    const check = async (fn: () => Promise<unknown>) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          fn(),
          new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), 2000))),
        ]);
        return 'ok';
      } catch (e) {
        rt.logger.warn({ err: e }, 'readiness check failed');
        return 'down';
      } finally {
        clearTimeout(timer); // a settled check leaves nothing scheduled (the process may exit at once)
      }
    };
    const [database, redis] = await Promise.all([
      check(() => rt.sequelize.query('SELECT 1')),
      check(() => rt.redis.ping()),
    ]);
    ctx.status = database === 'ok' && redis === 'ok' ? 200 : 503;
    ctx.body = { status: ctx.status === 200 ? 'ready' : 'not_ready', database, redis };
  });
  let document: unknown;
  const openapi = () => (document ??= buildOpenApiDocument(registry, rt.selfUrl.value));
  table.routerFor('/api/openapi.json').get('/api/openapi.json', (ctx) => {
    ctx.body = openapi();
  });

  app.use(clientIp(rt.config.trustedProxies));
  app.use(requestContext(rt.logger));
  app.use(securityHeaders({ h5Index: path.join(sites.h5Dir, 'index.html') }));
  // answers a route knows before reading anything (seckill's sold-out flag): a small declared error with its
  // headers and its log line, ahead of compression, the error handler and the body parser, which it needs none of
  app.use(shortCircuits(routes));
  // JSON and other compressible bodies over 1 KB, compressed on the fly (brotli preferred; quality 4 keeps it
  // cheap). Built assets arrive already encoded from their `.br`/`.gz` files and pass through untouched.
  app.use(compress({ threshold: 1024, br: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } } }));
  app.use(errorHandler(rt.logger));
  app.use(refusePathTraversal());
  app.use(
    bodyParser({
      enableTypes: ['json', 'form'],
      jsonLimit: '1mb',
      formLimit: '256kb',
      encoding: 'utf-8',
      onError: (err) => {
        if ((err as { status?: number }).status === 413) throw err;
        throw PlatformErrors.BAD_REQUEST(undefined, '请求体不是合法的 JSON 或表单');
      },
    }),
  );
  if (rt.config.sandbox) {
    const wx = wechatSimulator({ appId: rt.config.wechat.appId, secret: rt.config.wechat.secret });
    app.use(wx.routes());
    if (rt.wechatPaySim) app.use(rt.wechatPaySim.router.routes());
    if (rt.sandboxKeys && rt.alipayTrades) {
      const ali = alipaySimulator({
        appId: rt.config.alipay.appId,
        appPublicKey: rt.sandboxKeys.alipayApp.publicKey,
        platformPrivateKey: rt.sandboxKeys.alipayPlatform.privateKey,
        trades: rt.alipayTrades,
      });
      app.use(ali.routes());
    }
  }
  app.use(table.middleware());
  for (const mw of staticSites(sites)) app.use(mw);
  return { app, openapi, modules: assembled };
}
