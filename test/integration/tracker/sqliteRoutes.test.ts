import { defineApiSuite } from './apiSuite';
import { sqliteFactory } from './helpers/storeFactories';
import { defineLoginAbuseSuite } from './loginAbuseSuite';
import { definePagesSuite } from './pagesSuite';
import { definePublicRoutesSuite } from './publicRoutesSuite';

definePublicRoutesSuite('SQLite', sqliteFactory);
definePagesSuite('SQLite', sqliteFactory);
defineApiSuite('SQLite', sqliteFactory);
defineLoginAbuseSuite('SQLite', sqliteFactory);
