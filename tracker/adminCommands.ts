import { parseArgs } from 'node:util';
import { createAccount, generatePassword, rotateKey } from './accounts';
import type { Clock } from './clock';
import { hashPassword, type ScryptParams } from './password';
import type { Account, TrackerStore } from './store/types';

/**
 * The reseller's command line (npm run tracker:admin -- <command>), as a function so it is
 * tested without a shell. Returns the exit code; writes human-readable lines to `out`.
 */
export interface AdminIo {
  store: TrackerStore;
  clock: Clock;
  out: (line: string) => void;
  /** Reads a password from stdin when --password-stdin is given. */
  readSecret?: () => Promise<string>;
  scrypt?: ScryptParams;
}

export const ADMIN_USAGE = `Usage: npm run tracker:admin -- <command> [options]
  create-account --user <name> --shop <shop name> [--password-stdin]
                                  creates an account with its signing key; prints a password unless one is read from stdin
  list                            accounts with their balance and key ids
  grant <user> <credits> [--note <text>]
                                  adds credits; to take credits back after a mistake: grant <user> -- -20
  rotate-key <user>               new signing key; old key ids stay valid for mails already sent
  set-shop-name <user> <name>     the name shown on the unsubscribe page
  set-password <user> [--password-stdin]
                                  new password (printed unless read from stdin); also lifts a lockout
  unlock <user>                   lifts a login lockout
  add-bundle --id <id> --name <name> --credits <n> --price-cents <n> [--inactive]
  orders                          order requests from shops
  fulfil-order <order id>         grants the ordered bundle's credits and marks the order fulfilled`;

async function accountFor(store: TrackerStore, userOrId: string | undefined): Promise<Account> {
  if (!userOrId) throw new AdminError('Name the account (user name or account id).');
  const account =
    (await store.findAccountByUserName(userOrId)) ?? (await store.getAccount(userOrId));
  if (!account) throw new AdminError(`No account "${userOrId}".`);
  return account;
}

class AdminError extends Error {}

function positiveInt(value: string | undefined, what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new AdminError(`${what} must be a positive whole number.`);
  return n;
}

function wholeNumber(value: string | undefined, what: string): number {
  const n = value === undefined || value === '' ? NaN : Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new AdminError(`${what} must be a whole number, 0 or more.`);
  return n;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      user: { type: 'string' },
      shop: { type: 'string' },
      note: { type: 'string' },
      id: { type: 'string' },
      name: { type: 'string' },
      credits: { type: 'string' },
      'price-cents': { type: 'string' },
      inactive: { type: 'boolean' },
      'password-stdin': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

export async function runAdmin(argv: string[], io: AdminIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.out(`Error: ${(error as Error).message}`);
    io.out(ADMIN_USAGE);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  const { store, clock, out } = io;
  const newPassword = async () => {
    if (!values['password-stdin']) return { password: generatePassword(), generated: true };
    const password = ((await io.readSecret?.()) ?? '').trim();
    if (password.length < 10) throw new AdminError('The password must be at least 10 characters.');
    return { password, generated: false };
  };
  try {
    switch (command) {
      case 'create-account': {
        if (!values.user || !values.shop)
          throw new AdminError('create-account needs --user and --shop.');
        const { password, generated } = await newPassword();
        const account = await createAccount(store, {
          userName: values.user,
          shopName: values.shop,
          password,
          now: clock.now(),
          scrypt: io.scrypt,
        });
        out(
          `Created account ${account.id} for "${account.shopName}" (user ${account.userName}), key k1.`,
        );
        if (generated) out(`Password: ${password}`);
        return 0;
      }
      case 'list': {
        for (const account of await store.listAccounts()) {
          const kids = await store.listKids(account.id);
          out(
            `${account.id}\t${account.userName}\t${account.shopName}\t${account.balance} credits\tkeys ${kids.join(',')}`,
          );
        }
        return 0;
      }
      case 'grant': {
        const account = await accountFor(store, args[0]);
        const amount = Number(args[1]);
        if (!Number.isInteger(amount) || amount === 0)
          throw new AdminError('Credits must be a whole number.');
        const balance = await store.grantCredits(
          account.id,
          amount,
          values.note ?? null,
          clock.now(),
        );
        out(
          `${account.userName}: ${amount > 0 ? '+' : ''}${amount} credits, balance ${balance.balance}.`,
        );
        return 0;
      }
      case 'rotate-key': {
        const account = await accountFor(store, args[0]);
        const kid = await rotateKey(store, account.id, clock.now());
        out(
          `${account.userName}: new signing key ${kid}; the app picks it up at its next sync or login.`,
        );
        return 0;
      }
      case 'set-shop-name': {
        const account = await accountFor(store, args[0]);
        const name = args.slice(1).join(' ').trim();
        if (!name) throw new AdminError('Give the shop name.');
        await store.setShopName(account.id, name);
        out(`${account.userName}: shop name "${name}".`);
        return 0;
      }
      case 'set-password': {
        const account = await accountFor(store, args[0]);
        const { password, generated } = await newPassword();
        await store.setPasswordHash(account.id, await hashPassword(password, io.scrypt));
        out(`${account.userName}: password changed.`);
        if (generated) out(`Password: ${password}`);
        return 0;
      }
      case 'unlock': {
        const account = await accountFor(store, args[0]);
        await store.resetLoginFailures(account.id);
        out(`${account.userName}: unlocked.`);
        return 0;
      }
      case 'add-bundle': {
        if (!values.id || !values.name) throw new AdminError('add-bundle needs --id and --name.');
        await store.addBundle({
          id: values.id,
          name: values.name,
          credits: positiveInt(values.credits, '--credits'),
          priceCents: wholeNumber(values['price-cents'], '--price-cents'),
          active: !values.inactive,
        });
        out(`Bundle ${values.id} saved.`);
        return 0;
      }
      case 'orders': {
        for (const order of await store.listOrders()) {
          out(
            `${order.id}\t${order.account}\t${order.bundleId}\t${order.credits} credits\t${order.status}\t${new Date(order.createdAt).toISOString()}`,
          );
        }
        return 0;
      }
      case 'fulfil-order': {
        if (!args[0]) throw new AdminError('Give the order id.');
        const order = await store.fulfilOrder(args[0], clock.now());
        out(`Order ${order.id} fulfilled: +${order.credits} credits for ${order.account}.`);
        return 0;
      }
      default:
        out(ADMIN_USAGE);
        return command === undefined || values.help ? 0 : 2;
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    out(`Error: ${message}`);
    return 1;
  }
}
