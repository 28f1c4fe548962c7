/**
 * The real app in a process of its own (`DATABASE_PATH`, `PORT`), for tests that ask whether a
 * request can exhaust the server's memory: the test process must survive to see the answer when
 * the server does not. Unlike scripts/start.ts it builds no front end or map first.
 */
import { buildApp } from '../../server/app.ts';

const app = await buildApp({ databasePath: process.env.DATABASE_PATH!, demoData: 'auto', webRoot: null, geoRoot: null }, { level: 'warn' });
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
