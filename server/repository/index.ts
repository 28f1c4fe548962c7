/**
 * The only door from the server to the database: one object per resource, each bound to the
 * app's connection, with the reads and writes its routes need. The SQL lives in db/queries and
 * db/writes; reads that depend on who asks take the caller's audience (db/domain/audience.ts),
 * and each read's answer is typed by the schema of the route that sends it (server/schemas).
 */
import type { Db } from '../../db/client.ts';
import { accountTokensRepository } from './account-tokens.ts';
import { activitiesRepository } from './activities.ts';
import { agreementsRepository } from './agreements.ts';
import { areasRepository } from './areas.ts';
import { auditRepository } from './audit.ts';
import { exportsRepository } from './exports.ts';
import { healthRepository } from './health.ts';
import { importsRepository } from './imports.ts';
import { loginFailuresRepository } from './login-failures.ts';
import { metaRepository } from './meta.ts';
import { municipalitiesRepository } from './municipalities.ts';
import { outboxRepository } from './outbox.ts';
import { prioritiesRepository } from './priorities.ts';
import { progressRepository } from './progress.ts';
import { publicationsRepository } from './publications.ts';
import { quartersRepository } from './quarters.ts';
import { quotasRepository } from './quotas.ts';
import { recruitmentRepository } from './recruitment.ts';
import { sessionsRepository } from './sessions.ts';
import { statusesRepository } from './statuses.ts';
import { usersRepository } from './users.ts';

export function createRepository(db: Db) {
  return {
    health: healthRepository(db),
    meta: metaRepository(db),
    municipalities: municipalitiesRepository(db),
    quarters: quartersRepository(db),
    statuses: statusesRepository(db),
    agreements: agreementsRepository(db),
    quotas: quotasRepository(db),
    audit: auditRepository(db),
    areas: areasRepository(db),
    priorities: prioritiesRepository(db),
    activities: activitiesRepository(db),
    recruitment: recruitmentRepository(db),
    imports: importsRepository(db),
    exports: exportsRepository(db),
    users: usersRepository(db),
    sessions: sessionsRepository(db),
    loginFailures: loginFailuresRepository(db),
    progress: progressRepository(db),
    publications: publicationsRepository(db),
    accountTokens: accountTokensRepository(db),
    outbox: outboxRepository(db),
  };
}

export type Repository = ReturnType<typeof createRepository>;
