import type { BounceSettingsInputT, BounceSettingsViewT } from '../../contract/bounces';
import type { KeyValueStore } from '../core/kv';
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
    const { password, ...settings } = input;
    this.kv.set(KEY, settings);
    if (password === '') this.kv.delete(PASSWORD);
    else if (password !== undefined) this.kv.set(PASSWORD, this.cipher.encrypt(password));
    return this.view();
  }

  /** Connection details for given form values; an omitted password means the stored one. */
  connectionFor(input: BounceSettingsInputT | StoredBounceSettings): BounceMailboxConfig {
    const given = 'password' in input ? input.password : undefined;
    return {
      host: input.host,
      port: input.port,
      security: input.security,
      user: input.user,
      password: given ?? this.password(),
    };
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
