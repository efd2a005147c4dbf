// The composed app on a free port serving fixture front-ends (for tests of static serving: headers, compression),
// on the runtime of an already started test server.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../src/app';
import { MODULES } from '../../src/compose-modules';
import type { Runtime } from '../../src/platform/runtime';

export interface SiteServer {
  baseUrl: string;
  close(): Promise<void>;
}

export async function serveSites(rt: Runtime, sites: { h5Dir: string; adminDir: string }): Promise<SiteServer> {
  const { app } = buildApp(rt, MODULES, { sites });
  const server = http.createServer(app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
