import { defineApiSuite } from './apiSuite';
import { sqliteFactory } from './helpers/storeFactories';
import { definePagesSuite } from './pagesSuite';
import { definePublicRoutesSuite } from './publicRoutesSuite';

definePublicRoutesSuite('SQLite', sqliteFactory);
definePagesSuite('SQLite', sqliteFactory);
defineApiSuite('SQLite', sqliteFactory);
