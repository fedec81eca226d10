/**
 * bench:collab helper: creates and migrates an embedded database in DATA_DIR and exits, so that the
 * measured server opens an existing database as every start after the first does (creating one runs
 * initdb, whose memory the creating process keeps for its life).
 */
import path from 'node:path';
import { openDatabase } from '../../src/lib/server/db/client';
import { migrate, readMigrations } from '../../src/lib/server/db/migrate';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: collab-prepare-embedded.ts <data dir>');
const db = await openDatabase({ databaseUrl: null, dataDir });
await migrate(db, readMigrations(path.resolve('migrations')));
await db.sql`insert into rccs (id, name) values ('bench', 'Bench') on conflict do nothing`;
await db.close();
