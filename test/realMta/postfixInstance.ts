import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const POSTFIX = '/usr/sbin/postfix';
const POSTCONF = '/usr/sbin/postconf';
/** Delivery runs as nobody: any uid above virtual_minimum_uid that owns the mailbox will do. */
const MAILBOX_UID = 65534;
const MAILBOX_GID = 65534;
/** The domain the seeded recipients live in (klant00000@example.nl …). */
export const CATCH_ALL_DOMAIN = 'example.nl';

/** Why a private Postfix cannot run here, or undefined when it can (installed, and we are root). */
export function postfixUnavailable(): string | undefined {
  if (!existsSync(POSTFIX)) return 'Postfix is not installed (apt-get install postfix)';
  if (process.getuid?.() !== 0) return 'a private Postfix instance must be started as root';
  return undefined;
}

export interface PostfixInstance {
  port: number;
  /** The catch-all Maildir every accepted message for example.nl is delivered to. */
  maildir: string;
  /** Postfix's own log (maillog_file through postlogd: no syslog needed). */
  logFile: string;
  /** Changes main.cf settings and reloads; new smtpd processes take them. */
  configure(settings: Record<string, string>): void;
  stop(): void;
}

/** A free loopback port (asked of the kernel, then released for Postfix to bind). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function mainCf(root: string): string {
  return [
    'compatibility_level = 3.6',
    `queue_directory = ${root}/spool`,
    `data_directory = ${root}/lib`,
    `maillog_file = ${root}/maillog`,
    // Postfix refuses a log file outside these folders (/var and /dev/stdout by default).
    `maillog_file_prefixes = ${root}`,
    'myhostname = postfix-test.localhost',
    'mydestination =',
    'inet_interfaces = 127.0.0.1',
    'inet_protocols = ipv4',
    'mynetworks = 127.0.0.0/8',
    'smtpd_relay_restrictions = permit_mynetworks, reject',
    'alias_maps =',
    'alias_database =',
    // Every address in the domain goes to one Maildir (the trailing slash means Maildir).
    `virtual_mailbox_domains = ${CATCH_ALL_DOMAIN}`,
    `virtual_mailbox_base = ${root}/mail`,
    'virtual_mailbox_maps = static:catchall/',
    `virtual_uid_maps = static:${MAILBOX_UID}`,
    `virtual_gid_maps = static:${MAILBOX_GID}`,
    // Nothing leaves this machine: anything not for example.nl is refused at RCPT.
    'default_transport = error:no outside delivery in tests',
    'relayhost =',
    '',
  ].join('\n');
}

/** Only the services a receiving-and-delivering Postfix needs, none chrooted. */
function masterCf(port: number): string {
  return [
    `127.0.0.1:${port} inet n - n - - smtpd`,
    'pickup unix n - n 60 1 pickup',
    'cleanup unix n - n - 0 cleanup',
    'qmgr unix n - n 300 1 qmgr',
    'rewrite unix - - n - - trivial-rewrite',
    'bounce unix - - n - 0 bounce',
    'defer unix - - n - 0 bounce',
    'trace unix - - n - 0 bounce',
    'verify unix - - n - 1 verify',
    'flush unix n - n 1000? 0 flush',
    'proxymap unix - - n - - proxymap',
    'showq unix n - n - - showq',
    'error unix - - n - - error',
    'retry unix - - n - - error',
    'discard unix - - n - - discard',
    'smtp unix - - n - - smtp',
    'local unix - n n - - local',
    'virtual unix - n n - - virtual',
    'anvil unix - - n - 1 anvil',
    'scache unix - - n - 1 scache',
    'postlog unix-dgram n - n - 1 postlogd',
    '',
  ].join('\n');
}

/**
 * A Postfix of its own (config, queue, data and mail folders in a temp folder) with smtpd on
 * 127.0.0.1:<free port>, PIPELINING on as by default, delivering every address of example.nl
 * to one Maildir. Needs root (postfix start); the system's Postfix service is never touched.
 */
export async function startPostfix(): Promise<PostfixInstance> {
  const unavailable = postfixUnavailable();
  if (unavailable) throw new Error(unavailable);
  const root = mkdtempSync(join(tmpdir(), 'winkelpost-postfix-'));
  chmodSync(root, 0o755);
  const config = join(root, 'etc');
  for (const dir of ['etc', 'spool', 'lib', 'mail']) mkdirSync(join(root, dir));
  chownSync(join(root, 'mail'), MAILBOX_UID, MAILBOX_GID);
  const port = await freePort();
  writeFileSync(join(config, 'main.cf'), mainCf(root));
  writeFileSync(join(config, 'master.cf'), masterCf(port));
  const postfix = (...args: string[]) =>
    execFileSync(POSTFIX, ['-c', config, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  postfix('set-permissions');
  postfix('start');
  await untilListening(port);
  return {
    port,
    maildir: join(root, 'mail', 'catchall'),
    logFile: join(root, 'maillog'),
    configure(settings) {
      const pairs = Object.entries(settings).map(([k, v]) => `${k} = ${v}`);
      execFileSync(POSTCONF, ['-c', config, '-e', ...pairs]);
      postfix('reload');
    },
    stop() {
      try {
        postfix('stop');
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}

async function untilListening(port: number): Promise<void> {
  const { connect } = await import('node:net');
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Postfix did not listen on 127.0.0.1:${port}`);
}
