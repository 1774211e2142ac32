import { sqliteFactory } from './helpers/storeFactories';
import { spoolSuite } from './spoolSuite';

spoolSuite('SQLite', sqliteFactory);
