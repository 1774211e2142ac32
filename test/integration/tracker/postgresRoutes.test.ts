import { defineApiSuite } from './apiSuite';
import { withPostgres } from './helpers/postgresSetup';
import { postgresFactory } from './helpers/storeFactories';
import { defineLoginAbuseSuite } from './loginAbuseSuite';
import { definePagesSuite } from './pagesSuite';
import { definePublicRoutesSuite } from './publicRoutesSuite';
import { spoolSuite } from './spoolSuite';

withPostgres((cluster) => {
  const factory = postgresFactory(cluster);
  definePublicRoutesSuite('PostgreSQL', factory);
  definePagesSuite('PostgreSQL', factory);
  defineApiSuite('PostgreSQL', factory);
  defineLoginAbuseSuite('PostgreSQL', factory);
  spoolSuite('PostgreSQL', factory);
});
