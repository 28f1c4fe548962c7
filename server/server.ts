/**
 * Boots the app: logging, listening, graceful shutdown. Everything else lives in app.ts.
 */
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';

export async function startServer(config: Config) {
  const app = await buildApp(
    {
      databasePath: config.databasePath,
      demoData: config.demoData,
      anonymousRead: config.anonymousRead,
      trustProxy: config.trustProxy,
    },
    { level: config.logLevel },
  );
  // Finish in-flight requests on SIGINT/SIGTERM; give up after 10 s rather than hang a deploy.
  closeWithGrace({ delay: 10_000 }, async ({ err, signal }) => {
    if (err) app.log.error({ err }, 'closing after an uncaught error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
  });
  await app.listen({ port: config.port, host: config.host });
  return app;
}
