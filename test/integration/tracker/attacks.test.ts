import { defineAttacksSuite } from './attacksSuite';
import { withPostgres } from './helpers/postgresSetup';
import { postgresFactory, sqliteFactory } from './helpers/storeFactories';

defineAttacksSuite('SQLite', sqliteFactory);
withPostgres((cluster) => defineAttacksSuite('PostgreSQL', postgresFactory(cluster)));
