// The read baseline: a bare Koa hello world on the same Node, in its own process pinned like the server
// (`tsx bench/baselines/koa-hello.ts <port>`). It answers the same JSON as /healthz.
import http from 'node:http';
import Koa from 'koa';

const app = new Koa();
app.use((ctx) => {
  ctx.body = { status: 'ok' };
});
http.createServer(app.callback()).listen(Number(process.argv[2] ?? 39301), '127.0.0.1');
