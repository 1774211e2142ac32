import { withPostgres } from './helpers/postgresSetup';
import { postgresFactory } from './helpers/storeFactories';
import { defineStoreSuite } from './storeSuite';

withPostgres((cluster) => defineStoreSuite('PostgreSQL', postgresFactory(cluster)));
