import type { ClaimedJob } from './jobStore';
import type { OutgoingMail } from './messenger';
import type { SendRow } from './sendStore';

/**
 * All the send manager knows about content (listmonk's "data source"): a send's messages, built per
 * claimed job. `forSend` compiles the mailing once; `build` only personalises and composes.
 */
export interface MessageSource {
  build(job: ClaimedJob): OutgoingMail;
}

export interface MessageSourceFactory {
  forSend(send: SendRow): Promise<MessageSource>;
}
