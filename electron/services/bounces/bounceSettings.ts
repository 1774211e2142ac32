import type { BounceSettingsInputT, BounceSettingsViewT } from '../../contract/bounces';
import type { KeyValueStore } from '../core/kvStore';
import type { SecretCipher } from '../core/secrets';

export type StoredBounceSettings = Omit<
  BounceSettingsViewT,
  'passwordSet' | 'configured' | 'status'
>;

export interface BounceMailboxConfig {
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'none';
  user: string;
  password: string;
}

type Status = BounceSettingsViewT['status'];

const KEY = 'bounces.settings';
const PASSWORD = 'secret.bounces.password';
const STATUS = 'bounces.status';

const DEFAULTS: StoredBounceSettings = {
  enabled: true,
  address: '',
  host: '',
  port: 993,
  security: 'tls',
  user: '',
  useVerp: true,
};

/** The bounce mailbox settings; the password is kept apart, encrypted like the SMTP password. */
export class BounceSettingsStore {
  constructor(
    private readonly kv: KeyValueStore,
    private readonly cipher: SecretCipher,
  ) {}

  read(): StoredBounceSettings {
    return { ...DEFAULTS, ...this.kv.get<Partial<StoredBounceSettings>>(KEY) };
  }

  password(): string {
    const cipherText = this.kv.get<string>(PASSWORD);
    return cipherText === undefined ? '' : this.cipher.decrypt(cipherText);
  }

  /** Host, user and password are there: the mailbox can be polled. */
  isConfigured(settings = this.read()): boolean {
    return settings.host !== '' && settings.user !== '' && this.kv.get(PASSWORD) !== undefined;
  }

  view(): BounceSettingsViewT {
    const settings = this.read();
    return {
      ...settings,
      passwordSet: this.kv.get(PASSWORD) !== undefined,
      configured: this.isConfigured(settings),
      status: this.status(),
    };
  }

  update(input: BounceSettingsInputT): BounceSettingsViewT {
    const { password } = input;
    this.kv.set(KEY, this.merged(input));
    if (password === '') this.kv.delete(PASSWORD);
    else if (password !== undefined) this.kv.set(PASSWORD, this.cipher.encrypt(password));
    return this.view();
  }

  /** Connection details for given form values over the stored ones; no password means the stored one. */
  connectionFor(input: BounceSettingsInputT = {}): BounceMailboxConfig {
    const settings = this.merged(input);
    return {
      host: settings.host,
      port: settings.port,
      security: settings.security,
      user: settings.user,
      password: input.password ?? this.password(),
    };
  }

  /** The stored settings with the fields the patch names replaced. */
  private merged(input: BounceSettingsInputT): StoredBounceSettings {
    const next = { ...this.read() };
    for (const key of Object.keys(DEFAULTS) as (keyof StoredBounceSettings)[]) {
      if (input[key] !== undefined) Object.assign(next, { [key]: input[key] });
    }
    return next;
  }

  status(): Status {
    return (
      this.kv.get<Status>(STATUS) ?? { lastPollAt: null, lastProblemKey: null, lastProblem: null }
    );
  }

  setStatus(status: Status): void {
    this.kv.set(STATUS, status);
  }
}
