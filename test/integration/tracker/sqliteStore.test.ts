import { sqliteFactory } from './helpers/storeFactories';
import { defineStoreSuite } from './storeSuite';

defineStoreSuite('SQLite', sqliteFactory);
