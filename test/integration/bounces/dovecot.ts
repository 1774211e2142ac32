import { ImapFlow } from 'imapflow';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { tempDir } from '../../helpers/tempDir';

/**
 * A real IMAP server for the tests: Debian's Dovecot, started with a minimal configuration of its
 * own in a temp folder (no system config), plaintext login on 127.0.0.1 only, one passwd-file
 * user, maildir in the temp folder. Tests skip when Dovecot is not installed.
 */
const DOVECOT_BINARIES = ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot'];

export const dovecotBinary = DOVECOT_BINARIES.find((path) => existsSync(path)) ?? null;
export const DOVECOT_MISSING =
  'Dovecot is not installed (apt-get install dovecot-imapd): the IMAP bounce-mailbox tests are skipped.';

export interface RunningDovecot {
  host: string;
  port: number;
  user: string;
  password: string;
  stop(): Promise<void>;
  log(): string;
}

export async function startDovecot(): Promise<RunningDovecot> {
  if (!dovecotBinary) throw new Error(DOVECOT_MISSING);
  const dir = tempDir('winkelpost-dovecot-');
  chmodSync(dir.path, 0o755);
  const port = await freePort();
  const me = userInfo();
  // Dovecot never delivers mail as root: as root, the mail user is nobody and the internal users
  // are Debian's own; as anyone else, everything runs as that user.
  const asRoot = me.uid === 0;
  const mailUid = asRoot ? 65534 : me.uid;
  const mailGid = asRoot ? 65534 : me.gid;
  const internalUser = asRoot ? 'dovecot' : me.username;
  const loginUser = asRoot ? 'dovenull' : me.username;
  const user = 'bounces';
  const password = 'geheim-wachtwoord';
  const mailDir = join(dir.path, 'mail');
  for (const sub of ['run', 'state', 'mail']) mkdirSync(join(dir.path, sub), { recursive: true });
  if (asRoot) chownSync(mailDir, mailUid, mailGid);
  writeFileSync(
    join(dir.path, 'users'),
    `${user}:{PLAIN}${password}:${mailUid}:${mailGid}::${mailDir}/${user}\n`,
  );
  const configFile = join(dir.path, 'dovecot.conf');
  const logFile = join(dir.path, 'dovecot.log');
  writeFileSync(
    configFile,
    [
      `base_dir = ${dir.path}/run`,
      `state_dir = ${dir.path}/state`,
      `log_path = ${logFile}`,
      `protocols = imap`,
      `listen = 127.0.0.1`,
      `ssl = no`,
      `disable_plaintext_auth = no`,
      `auth_mechanisms = plain login`,
      // Wrong-password tests should not wait for the brute-force delay.
      `auth_failure_delay = 0`,
      `login_trusted_networks = 127.0.0.0/8`,
      `mail_location = maildir:${mailDir}/%u`,
      `first_valid_uid = 1`,
      `default_internal_user = ${internalUser}`,
      `default_login_user = ${loginUser}`,
      `passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u ${dir.path}/users\n}`,
      `userdb {\n  driver = passwd-file\n  args = username_format=%u ${dir.path}/users\n}`,
      `service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }${asRoot ? '' : '\n  chroot ='}\n}`,
      asRoot ? '' : `service anvil {\n  chroot =\n}`,
      // Debian gives some sockets to the dovecot group, which a non-root user cannot do.
      `service stats {\n  unix_listener stats-reader {\n    mode = 0666\n  }\n  unix_listener stats-writer {\n    group =\n    mode = 0666\n  }\n}`,
      `service imap-hibernate {\n  unix_listener imap-hibernate {\n    group =\n  }\n}`,
      `service dict {\n  unix_listener dict {\n    group =\n  }\n}`,
      `service dict-async {\n  unix_listener dict-async {\n    group =\n  }\n}`,
      '',
    ].join('\n'),
  );
  const child = spawn(dovecotBinary, ['-F', '-c', configFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const log = () => output + (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  try {
    await waitForPort(port, child, log);
  } catch (error) {
    await stopChild(child);
    dir.remove();
    throw error;
  }
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    log,
    async stop() {
      await stopChild(child);
      dir.remove();
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`Dovecot stopped at start:\n${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Dovecot did not listen on ${port}:\n${log()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** An IMAP session on the test Dovecot as the bounce mailbox's user (not yet connected). */
export function imapClient(dovecot: RunningDovecot): ImapFlow {
  return new ImapFlow({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user: dovecot.user, pass: dovecot.password },
    logger: false,
    disableAutoIdle: true,
  });
}
